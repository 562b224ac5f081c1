// The registry entry of transposed-conv: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const transposedConvWidget = defineWidget({ component: lazy(() => import('./TransposedConv')), ...paramSpec });
