// The registry entry of triplet-training: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const tripletTrainingWidget = defineWidget({ component: lazy(() => import('./TripletTraining')), ...paramSpec });
