// The registry entry of edge-detect: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const edgeDetect = defineWidget({ component: lazy(() => import('./EdgeDetect')), ...paramSpec });
