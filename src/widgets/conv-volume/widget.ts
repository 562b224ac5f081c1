// The registry entry of conv-volume: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const convVolume = defineWidget({ component: lazy(() => import('./ConvVolume')), ...paramSpec });
