// TensorFlow.js (CPU backend) as an independent oracle: dev-only, never imported from src/.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// gradients are registered by a side-effect module (tf.grads needs them)
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { expect } from 'vitest';
import type { Tensor } from '../../../src/engine/tensor';
import { rng, type Rng } from '../../../src/engine/random';

export { tf };

export async function useCpu(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

export function toTf(t: Tensor): tf.Tensor {
  return tf.tensor(t.data, t.shape, 'float32');
}

/** Random tensor in [−1, 1) from a shared seeded stream. */
export function draw(r: Rng, shape: number[]): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = r.uniform(-1, 1);
  return { shape, data };
}

export function seeded(seed: number): Rng {
  return rng(seed);
}

/** Agreement to ~1e-4 relative to the reference's scale (float32 sums in different orders). */
export function expectAgree(label: string, ours: Tensor | Float32Array, ref: tf.Tensor, rtol = 1e-4): void {
  const a = 'data' in ours ? ours.data : ours;
  const b = ref.dataSync();
  if ('shape' in ours) expect(ours.shape, `${label}: shape`).toEqual(ref.shape);
  expect(a.length, `${label}: size`).toBe(b.length);
  let scale = 1;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]));
  let worst = 0, at = -1;
  for (let i = 0; i < b.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= worst)) {
      worst = d;
      at = i;
    }
  }
  if (!(worst <= rtol * scale)) expect.fail(`${label}: differs at ${at}: ours ${a[at]} vs tf ${b[at]} (tol ${rtol * scale})`);
}
