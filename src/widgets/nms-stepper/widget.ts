// The registry entry of nms-stepper: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const nmsStepper = defineWidget({ component: lazy(() => import('./NmsStepper')), ...paramSpec });
