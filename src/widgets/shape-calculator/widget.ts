// The registry entry of shape-calculator: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const shapeCalculator = defineWidget({ component: lazy(() => import('./ShapeCalculator')), ...paramSpec });
