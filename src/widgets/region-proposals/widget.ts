// The registry entry of region-proposals: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const regionProposalsWidget = defineWidget({ component: lazy(() => import('./RegionProposals')), ...paramSpec });
