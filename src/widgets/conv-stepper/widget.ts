// The registry entry of conv-stepper: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const convStepper = defineWidget({ component: lazy(() => import('./ConvStepper')), ...paramSpec });
