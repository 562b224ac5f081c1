// The registry entry of one-by-one: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const oneByOneWidget = defineWidget({ component: lazy(() => import('./OneByOne')), ...paramSpec });
