// The registry entry of content-cost: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const contentCostWidget = defineWidget({ component: lazy(() => import('./ContentCost')), ...paramSpec });
