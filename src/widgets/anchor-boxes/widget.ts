// The registry entry of anchor-boxes: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const anchorBoxesWidget = defineWidget({ component: lazy(() => import('./AnchorBoxes')), ...paramSpec });
