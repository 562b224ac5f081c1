// The registry entry of sliding-windows: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const slidingWindowsWidget = defineWidget({ component: lazy(() => import('./SlidingWindows')), ...paramSpec });
