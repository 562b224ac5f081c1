// The registry entry of inception-module: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const inceptionModuleWidget = defineWidget({ component: lazy(() => import('./InceptionModule')), ...paramSpec });
