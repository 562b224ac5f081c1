// A tensor is plain data: a shape and a flat Float32Array in row-major order.
// Plain objects cross postMessage; their buffers can be transferred.
// Activations are NHWC [batch, height, width, channels]; conv filters HWIO.
import { sizeOf } from './shape';

export interface Tensor {
  shape: number[];
  data: Float32Array;
}

export function tensor(data: ArrayLike<number>, shape: number[]): Tensor {
  const n = sizeOf(shape);
  if (data.length !== n) {
    throw new RangeError(`tensor: ${data.length} values do not fill shape [${shape.join(', ')}] (needs ${n})`);
  }
  return { shape: shape.slice(), data: data instanceof Float32Array ? data : Float32Array.from(data) };
}

export function zeros(shape: number[]): Tensor {
  return { shape: shape.slice(), data: new Float32Array(sizeOf(shape)) };
}
