// The registry entry of why-convolutions: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const whyConvolutions = defineWidget({ component: lazy(() => import('./WhyConvolutions')), ...paramSpec });
