// The registry entry of style-transfer: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const styleTransferWidget = defineWidget({ component: lazy(() => import('./StyleTransfer')), ...paramSpec });
