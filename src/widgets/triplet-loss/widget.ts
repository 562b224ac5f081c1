// The registry entry of triplet-loss: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const tripletLossWidget = defineWidget({ component: lazy(() => import('./TripletLoss')), ...paramSpec });
