// The registry entry of face-verification: its params (./params) and its component, loaded on demand.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { paramSpec } from './params';

export const faceVerificationWidget = defineWidget({ component: lazy(() => import('./FaceVerification')), ...paramSpec });
