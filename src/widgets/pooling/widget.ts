// The registry entry of pooling: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const pooling = defineWidget({ component: lazy(() => import('./Pooling')), ...paramSpec });
