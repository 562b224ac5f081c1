// The registry entry of residual-block: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const residualBlockWidget = defineWidget({ component: lazy(() => import('./ResidualBlock')), ...paramSpec });
