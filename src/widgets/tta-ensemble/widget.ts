// The registry entry of tta-ensemble: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const ttaEnsembleWidget = defineWidget({ component: lazy(() => import('./TtaEnsemble')), ...paramSpec });
