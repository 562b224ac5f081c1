// The registry entry of learn-filter: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const learnFilterWidget = defineWidget({ component: lazy(() => import('./LearnFilter')), ...paramSpec });
