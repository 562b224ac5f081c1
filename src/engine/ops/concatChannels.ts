// Concatenation along the last (channel) axis: the output of an Inception module.
//   forward  y[…, c₀ + c] = x_k[…, c] for the k-th input, c₀ = channels of inputs before it
//   backward dx_k = dy[…, c₀ : c₀ + C_k]   (the gradient is split back, channel block by block)
import type { Tensor } from '../tensor';
import { fmtShape, outTensor } from './check';

function leading(shape: readonly number[]): number[] {
  return shape.slice(0, -1);
}

export function concatChannels(xs: readonly Tensor[], out?: Tensor): Tensor {
  if (xs.length === 0) throw new RangeError('concatChannels: needs at least one tensor');
  const lead = leading(xs[0].shape);
  for (const x of xs) {
    const l = leading(x.shape);
    if (l.length !== lead.length || l.some((d, i) => d !== lead[i])) {
      throw new RangeError(
        `concatChannels: shapes ${xs.map((t) => fmtShape(t.shape)).join(', ')} differ in more than the last (channel) axis`,
      );
    }
  }
  const cs = xs.map((x) => x.shape[x.shape.length - 1]);
  const cTot = cs.reduce((a, b) => a + b, 0);
  const y = outTensor('concatChannels', [...lead, cTot], out);
  const rows = y.data.length / cTot;
  let c0 = 0;
  for (let k = 0; k < xs.length; k++) {
    const c = cs[k], xd = xs[k].data, yd = y.data;
    for (let r = 0; r < rows; r++) yd.set(xd.subarray(r * c, r * c + c), r * cTot + c0);
    c0 += c;
  }
  return y;
}

/** Split dy back into one gradient per input; `shapes` are the inputs' shapes. */
export function concatChannelsBackward(dy: Tensor, shapes: readonly (readonly number[])[]): { dxs: Tensor[] } {
  const cTot = dy.shape[dy.shape.length - 1];
  const cs = shapes.map((s) => s[s.length - 1]);
  if (cs.reduce((a, b) => a + b, 0) !== cTot) {
    throw new RangeError(`concatChannelsBackward: channels ${cs.join(' + ')} do not add up to dy's ${cTot} (dy ${fmtShape(dy.shape)})`);
  }
  const rows = dy.data.length / cTot;
  let c0 = 0;
  const dxs = shapes.map((s, k) => {
    const c = cs[k];
    const d = new Float32Array(rows * c);
    for (let r = 0; r < rows; r++) d.set(dy.data.subarray(r * cTot + c0, r * cTot + c0 + c), r * c);
    c0 += c;
    return { shape: s.slice(), data: d };
  });
  return { dxs };
}
