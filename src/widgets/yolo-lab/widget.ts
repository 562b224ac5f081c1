// The registry entry of yolo-lab: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const yoloLabWidget = defineWidget({ component: lazy(() => import('./YoloLab')), ...paramSpec });
