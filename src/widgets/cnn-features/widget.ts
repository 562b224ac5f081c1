// The registry entry of cnn-features: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const cnnFeaturesWidget = defineWidget({ component: lazy(() => import('./CnnFeatures')), ...paramSpec });
