// TensorFlow.js's WASM backend (XNNPACK, SIMD128, one thread), on the same tfjs-core engine as
// the CPU backend (bench/tfjs.ts). Its .wasm files come from node_modules (setWasmPaths), never
// from a CDN. Tensors live on the backend that made them, so each engine's closures are made
// while its backend is active and `useTfBackend` switches before that engine's timed round.
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { loadTf } from './tfjs';

let wasmReady: Promise<void> | null = null;

export async function loadTfWasm(): Promise<void> {
  await loadTf();
  wasmReady ??= (async () => {
    setWasmPaths(`${process.cwd()}/node_modules/@tensorflow/tfjs-backend-wasm/dist/`);
    // one thread, like our engine and like the browser without cross-origin isolation
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    tf.env().set('WASM_HAS_SIMD_SUPPORT', true);
    if (!(await tf.setBackend('wasm'))) throw new Error('TF.js WASM backend failed to start');
    await tf.ready();
    await tf.setBackend('cpu');
  })();
  return wasmReady;
}

/**
 * Make `name` the active TF.js backend. setBackend on a backend already initialised switches
 * synchronously (the promise it returns is already settled), so this can run between rounds.
 */
export function useTfBackend(name: 'cpu' | 'wasm'): void {
  if (tf.getBackend() !== name) void tf.setBackend(name);
  if (tf.getBackend() !== name) throw new Error(`useTfBackend: still on ${tf.getBackend()}`);
}

/**
 * dw of a 2-D conv on TF.js WASM. That backend registers no Conv2DBackpropFilter kernel (so
 * tf.grads through tf.conv2d throws there); its 3-D filter gradient on a depth-1 volume is the
 * same sum, and is what the WASM column times for dw and uses in the training step.
 */
export function tfWasmFilterGrad(x: tf.Tensor4D, dy: tf.Tensor4D, filterShape: [number, number, number, number], stride: number, pad: 'valid' | 'same'): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, h, w, c] = x.shape, [, oh, ow, k] = dy.shape;
    const dw = tf.engine().runKernel(
      'Conv3DBackpropFilterV2',
      { x: tf.reshape(x, [n, 1, h, w, c]), dy: tf.reshape(dy, [n, 1, oh, ow, k]) },
      { strides: [1, stride, stride], pad, filterShape: [1, ...filterShape] } as never,
    ) as tf.Tensor;
    return tf.reshape(dw, filterShape);
  });
}

/** tf.conv2d with its gradient spelled out (dx: Conv2DBackpropInput, dw: tfWasmFilterGrad). */
export function trainableConv2d(stride: number, pad: 'valid' | 'same') {
  const f = (...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x4, w4, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.GradSaveFunc];
    save([x4, w4]);
    return {
      value: tf.conv2d(x4, w4, stride, pad),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sw] = saved as [tf.Tensor4D, tf.Tensor4D];
        const dy4 = dy as tf.Tensor4D;
        const dx = tf.engine().runKernel(
          'Conv2DBackpropInput', { dy: dy4, filter: sw },
          { strides: [stride, stride], pad, dataFormat: 'NHWC', dimRoundingMode: undefined, inputShape: sx.shape } as never,
        ) as tf.Tensor;
        return [dx, tfWasmFilterGrad(sx, dy4, sw.shape, stride, pad)];
      },
    };
  };
  return tf.customGrad(f as never) as unknown as (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D;
}
