// The registry entry of localization-target: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const localizationTargetWidget = defineWidget({ component: lazy(() => import('./LocalizationTarget')), ...paramSpec });
