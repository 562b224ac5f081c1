// landmarks { show: 'target' | 'train' }: a face drawn by the app with n draggable landmarks, the
// target vector y = [face?, l1x, l1y, …] live (1 + 2n numbers), label swaps and mirroring
// ('target'); or a landmark regressor trained live on generated faces ('train'). Course §24.
import { defineParams } from '../types';
import { oneOf, schema } from '../params';

export type LandmarksParams = { show: 'target' | 'train' };

export const landmarksDefaults: LandmarksParams = { show: 'target' };

export const paramSpec = defineParams<LandmarksParams>({
  defaults: landmarksDefaults,
  validate: schema<LandmarksParams>({ show: oneOf(['target', 'train'] as const) }, landmarksDefaults),
});
