// Feature visualisation by gradient ascent on the INPUT: keep the trained network fixed and
// change the pixels x to make one unit as active as possible. A unit is one position of one
// channel u (Zeiler & Fergus's sense, and the one the top-9 patches use): the centre one, so
// its whole receptive field lies inside the image:
//
//   J(x) = z_u(centre; x) − λ · mean(x²)                      (z = the conv layer's output)
//   x ← clip(x + η · ∇J / rms(∇J), 0, 1)                       (a normalised step)
//
// The objective uses z before the ReLU so the gradient never vanishes on a grey start; the
// L2 term keeps pixels that do not help dark (MNIST's background); pixels stay in [0, 1] like
// real digits, so the result can be compared with the real patches. An optional 3×3 blur
// every few steps removes pixel-level noise (a common regulariser for these pictures); the
// last steps run without it, since a blur just before the end lowers the activation. Measured
// on the quick LeNet (8 units of each layer, 150 steps; ratio to the unit's best real patch,
// roughness = mean |horizontal neighbour difference|):
//   η 0.05, no blur                      1.13–2.05×, roughness 0.09
//   η 0.02, blur every 4 up to step 145  1.05–1.52×, roughness 0.036   (the widget's "blur")
//   blur on the very last step (every 10 of 150): below the best patch for 15 of 16 units;
//   η decaying to 0.2η with blur to step 148: 0.83–1.11×.
import type { Model } from '../../../engine/nn/model';
import { backward, variable } from '../../../engine/nn/variable';
import { rng } from '../../../engine/random';

export interface AscentState {
  model: Model;
  layerId: string;
  unit: number;
  side: number;
  x: Float32Array;
  step: number;
  lr: number;
  l2: number;
  /** Blur every this many steps (0 = never), up to step blurUntil (the last steps sharpen again). */
  blurEvery: number;
  blurUntil: number;
  /** Position (row = col) of the unit in its layer's map. */
  centre: number;
  /** On the current x: the unit's activation, the channel's mean over positions, and J. */
  activation: number;
  mean: number;
  objective: number;
  startActivation: number;
}

export interface AscentOptions {
  lr?: number;
  l2?: number;
  blurEvery?: number;
  blurUntil?: number;
  seed?: number;
}

/** Start from a grey image with a little seeded noise. */
export function startAscent(model: Model, layerId: string, unit: number, opts: AscentOptions = {}): AscentState {
  const [side] = model.inputShape;
  const r = rng(opts.seed ?? 1);
  const x = new Float32Array(side * side);
  for (let i = 0; i < x.length; i++) x[i] = 0.23 + 0.04 * r.next();
  const s: AscentState = {
    model, layerId, unit, side, x, step: 0, centre: -1,
    lr: opts.lr ?? 0.05, l2: opts.l2 ?? 0.05, blurEvery: opts.blurEvery ?? 0, blurUntil: opts.blurUntil ?? Infinity,
    activation: 0, mean: 0, objective: 0, startActivation: 0,
  };
  measure(s);
  s.startActivation = s.activation;
  return s;
}

/** Forward to the unit's layer; optionally backward to the input. Returns ∂J/∂x or null. */
function measure(s: AscentState, withGrad = false): Float32Array | null {
  const xv = variable({ shape: [1, s.side, s.side, 1], data: s.x }, withGrad, 'input');
  const out = s.model.forward(xv, { upTo: s.layerId });
  const [, h, w, c] = out.value.shape;
  if (s.unit < 0 || s.unit >= c) throw new RangeError(`layer ${s.layerId} has ${c} units, not unit ${s.unit + 1}`);
  const z = out.value.data;
  if (s.centre < 0) s.centre = (h - 1) >> 1;
  const at = (s.centre * w + s.centre) * c + s.unit;
  let sum = 0;
  for (let p = 0; p < h * w; p++) sum += z[p * c + s.unit];
  let sq = 0;
  for (let i = 0; i < s.x.length; i++) sq += s.x[i] * s.x[i];
  s.activation = z[at];
  s.mean = sum / (h * w);
  s.objective = s.activation - (s.l2 * sq) / s.x.length;
  if (!withGrad) return null;
  // Seed ∂J/∂z: 1 at the unit, 0 elsewhere.
  const seed = new Float32Array(z.length);
  seed[at] = 1;
  s.model.zeroGrads();
  backward(out, { shape: out.value.shape.slice(), data: seed });
  const g = Float32Array.from(xv.grad!.data);
  for (let i = 0; i < g.length; i++) g[i] -= (2 * s.l2 * s.x[i]) / s.x.length;
  return g;
}

/** One step of gradient ascent (then the new activation is measured). */
export function ascentStep(s: AscentState): void {
  const g = measure(s, true)!;
  let ms = 0;
  for (let i = 0; i < g.length; i++) ms += g[i] * g[i];
  const scale = s.lr / (Math.sqrt(ms / g.length) + 1e-12);
  for (let i = 0; i < g.length; i++) s.x[i] = Math.min(1, Math.max(0, s.x[i] + scale * g[i]));
  s.step++;
  if (s.blurEvery > 0 && s.step % s.blurEvery === 0 && s.step <= s.blurUntil) blur3(s.x, s.side);
  measure(s);
}

/** A light 3×3 blur: weights ¼ centre, ⅛ edge, 1/16 corner (renormalised at the image border). */
export function blur3(x: Float32Array, side: number): void {
  const src = x.slice();
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      let sum = 0, wsum = 0;
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          const rr = r + dr, cc = c + dc;
          if (rr < 0 || cc < 0 || rr >= side || cc >= side) continue;
          const wgt = dr === 0 && dc === 0 ? 4 : dr === 0 || dc === 0 ? 2 : 1;
          sum += wgt * src[rr * side + cc];
          wsum += wgt;
        }
      }
      x[r * side + c] = sum / wsum;
    }
  }
}
