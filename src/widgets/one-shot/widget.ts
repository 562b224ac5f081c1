// The registry entry of one-shot: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const oneShotWidget = defineWidget({ component: lazy(() => import('./OneShot')), ...paramSpec });
