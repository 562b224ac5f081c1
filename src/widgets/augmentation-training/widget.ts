// The registry entry of augmentation-training: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const augmentationTrainingWidget = defineWidget({ component: lazy(() => import('./AugmentationTraining')), ...paramSpec });
