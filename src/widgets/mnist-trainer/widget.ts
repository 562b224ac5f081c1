// The registry entry of mnist-trainer: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const mnistTrainer = defineWidget({ component: lazy(() => import('./MnistTrainer')), ...paramSpec });
