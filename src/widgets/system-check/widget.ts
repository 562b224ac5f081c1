// The registry entry of system-check: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const systemCheck = defineWidget({ component: lazy(() => import('./SystemCheck')), ...paramSpec });
