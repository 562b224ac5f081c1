// The registry entry of inception-cost: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const inceptionCostWidget = defineWidget({ component: lazy(() => import('./InceptionCost')), ...paramSpec });
