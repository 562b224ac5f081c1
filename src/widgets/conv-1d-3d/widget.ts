// The registry entry of conv-1d-3d: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const convNdWidget = defineWidget({ component: lazy(() => import('./ConvNd')), ...paramSpec });
