// The registry entry of landmarks: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const landmarksWidget = defineWidget({ component: lazy(() => import('./Landmarks')), ...paramSpec });
