// The registry entry of yolo-encoder: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const yoloEncoderWidget = defineWidget({ component: lazy(() => import('./YoloEncoder')), ...paramSpec });
