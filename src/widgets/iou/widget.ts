// The registry entry of iou: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const iouWidget = defineWidget({ component: lazy(() => import('./Iou')), ...paramSpec });
