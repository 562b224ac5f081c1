// The registry entry of exercise: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const exercise = defineWidget({ component: lazy(() => import('./Exercise')), ...paramSpec });
