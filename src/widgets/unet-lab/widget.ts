// The registry entry of unet-lab: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const unetLabWidget = defineWidget({ component: lazy(() => import('./UnetLab')), ...paramSpec });
