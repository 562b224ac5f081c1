// The registry entry of output-size: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const outputSize = defineWidget({ component: lazy(() => import('./OutputSize')), ...paramSpec });
