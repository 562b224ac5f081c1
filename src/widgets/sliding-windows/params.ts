// sliding-windows { input: 14 | 16 | 28, trained?: boolean }: a 14×14 window stepped over the
// input (16: count the crops, change the stride), or the convolutional version whose output
// cells map back to their windows (28 → 8×8). trained: the classifier trained live on scenes and
// run crop by crop and in one convolutional pass (input 28). Lessons 26–27.
import { defineParams } from '../types';
import { bool, schema, type Field } from '../params';

export type SlidingWindowsParams = { input: 14 | 16 | 28; trained: boolean };

export const slidingWindowsDefaults: SlidingWindowsParams = { input: 16, trained: false };

const inputSize: Field<14 | 16 | 28> = {
  check(v, key) {
    return v === 14 || v === 16 || v === 28 ? { ok: true, value: v } : { ok: false, error: `${key} must be 14, 16 or 28; got ${JSON.stringify(v)}` };
  },
};

export const paramSpec = defineParams<SlidingWindowsParams>({
  defaults: slidingWindowsDefaults,
  validate: schema<SlidingWindowsParams>({ input: inputSize, trained: bool() }, slidingWindowsDefaults),
});
