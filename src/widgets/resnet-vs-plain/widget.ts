// The registry entry of resnet-vs-plain: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const resnetVsPlainWidget = defineWidget({ component: lazy(() => import('./ResnetVsPlain')), ...paramSpec });
