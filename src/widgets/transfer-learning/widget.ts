// The registry entry of transfer-learning: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const transferLearningWidget = defineWidget({ component: lazy(() => import('./TransferLearning')), ...paramSpec });
