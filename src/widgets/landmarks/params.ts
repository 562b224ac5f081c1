// landmarks: a face drawn by the app with n draggable landmarks, the target vector
// y = [face?, l1x, l1y, …] live (1 + 2n numbers), label swaps and mirroring (course §24).
import { defineParams } from '../types';
import { schema } from '../params';

export type LandmarksParams = Record<string, never>;

export const landmarksDefaults: LandmarksParams = {};

export const paramSpec = defineParams<LandmarksParams>({
  defaults: landmarksDefaults,
  validate: schema<LandmarksParams>({}, landmarksDefaults),
});
