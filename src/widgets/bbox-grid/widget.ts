// The registry entry of bbox-grid: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const bboxGridWidget = defineWidget({ component: lazy(() => import('./BboxGrid')), ...paramSpec });
