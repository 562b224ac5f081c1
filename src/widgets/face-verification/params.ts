// face-verification: two faces → their 128-number encodings → distance vs the threshold τ;
// one-shot recognition against a database kept in this browser; the triplet loss on three faces.
import { defineParams } from '../types';
import { num, oneOf, schema } from '../params';
import { DEFAULT_TAU } from './view';

export const FACE_PARTS = ['verify', 'recognise', 'triplet'] as const;
export type FacePart = (typeof FACE_PARTS)[number];

export interface FaceVerificationParams extends Record<string, unknown> {
  /** which part opens first */
  part: FacePart;
  /** the threshold τ on ‖f(x₁) − f(x₂)‖ */
  tau: number;
  /** the triplet margin α */
  alpha: number;
}

export const faceVerificationDefaults: FaceVerificationParams = { part: 'verify', tau: DEFAULT_TAU, alpha: 0.2 };

export const paramSpec = defineParams<FaceVerificationParams>({
  defaults: faceVerificationDefaults,
  validate: schema<FaceVerificationParams>({ part: oneOf(FACE_PARTS), tau: num(0.1, 1.5), alpha: num(0, 1) }, faceVerificationDefaults),
});
