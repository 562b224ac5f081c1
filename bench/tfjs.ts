// TensorFlow.js CPU backend, loaded once. Dev-only oracle: never shipped in the app.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// The core package leaves gradients unregistered unless asked (tfjs-layers would do it).
import '@tensorflow/tfjs-core/dist/register_all_gradients';

let ready: Promise<typeof tf> | null = null;

export function loadTf(): Promise<typeof tf> {
  ready ??= (async () => {
    if (tf.getBackend() === 'cpu') return tf;
    await tf.setBackend('cpu');
    await tf.ready();
    return tf;
  })();
  return ready;
}
