// The registry entry of depthwise-separable: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const depthwiseSeparableWidget = defineWidget({ component: lazy(() => import('./DepthwiseSeparable')), ...paramSpec });
