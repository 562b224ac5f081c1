// unet-lab: a small U-Net (and the same network without skips) trained live in the worker on
// the generated scenes' masks (§34). The student picks which held-out scene to look at.
import { defineParams } from '../types';
import { bool, int, schema } from '../params';

/** Held-out scenes the networks are scored on (and the student can pick from). */
export const TEST_COUNT = 24;
/** Scene side: 32×32 keeps a training step short enough to reach a good mean IoU within a minute or two. */
export const SCENE_SIZE = 32;

export interface UnetLabParams extends Record<string, unknown> {
  /** Also train the network without skip connections, on the same batches. */
  compare: boolean;
  /** Which held-out scene to show (0 … TEST_COUNT − 1). */
  scene: number;
}

export const unetLabDefaults: UnetLabParams = { compare: true, scene: 0 };

export const paramSpec = defineParams<UnetLabParams>({
  defaults: unetLabDefaults,
  validate: schema<UnetLabParams>({ compare: bool(), scene: int(0, TEST_COUNT - 1) }, unetLabDefaults),
});
