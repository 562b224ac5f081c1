// sliding-windows { input: 14 | 16 | 28 }: a 14×14 window stepped over the input (16: count the
// crops, change the stride), or the convolutional version whose output cells map back to their
// windows (28 → 8×8). Lessons 26–27.
import { defineParams } from '../types';
import { schema, type Field } from '../params';

export type SlidingWindowsParams = { input: 14 | 16 | 28 };

export const slidingWindowsDefaults: SlidingWindowsParams = { input: 16 };

const inputSize: Field<14 | 16 | 28> = {
  check(v, key) {
    return v === 14 || v === 16 || v === 28 ? { ok: true, value: v } : { ok: false, error: `${key} must be 14, 16 or 28; got ${JSON.stringify(v)}` };
  },
};

export const paramSpec = defineParams<SlidingWindowsParams>({
  defaults: slidingWindowsDefaults,
  validate: schema<SlidingWindowsParams>({ input: inputSize }, slidingWindowsDefaults),
});
