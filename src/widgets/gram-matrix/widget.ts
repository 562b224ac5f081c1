// The registry entry of gram-matrix: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const gramMatrixWidget = defineWidget({ component: lazy(() => import('./GramMatrix')), ...paramSpec });
