// The registry entry of data-augmentation: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const dataAugmentationWidget = defineWidget({ component: lazy(() => import('./DataAugmentation')), ...paramSpec });
