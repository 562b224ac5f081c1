// style-transfer: neural style transfer (§39–43) on ResNet-50's first stages, pretrained on
// ImageNet and frozen. The PIXELS of G are the parameters:
//   J(G) = α·J_content(C, G) + β·J_style(S, G)
//   J_content = ½‖a[l](C) − a[l](G)‖², l = res2b by default (conv1 … res3d selectable)
//                                                       (the lecture's form, not the exercise's 1/(4·n_H·n_W·n_C))
//   J_style   = Σ_l λ_l·J_style^[l],  l ∈ {conv1, res2a, res2b, res2c}, λ_l = 1/4,
//   J_style^[l] = 1/(2·n_H·n_W·n_C)²·Σ_k Σ_k' (G_kk'(S) − G_kk'(G))²
// Each step: forward G, J, backward to the input, one Adam step on G, clip to 0…255.
// G starts as noise or as C plus a little noise (seeded, so reset replays the same run).
import { backward, variable, type Variable } from '../../../engine/nn/variable';
import { contentCost, styleCost, weightedSum } from '../../../engine/nn/styleCost';
import { gramMatrix } from '../../../engine/ops/gramMatrix';
import { STEM_LAYERS, stemBuffers, type StemBuffers, type StemLayer, type StemWeights } from '../../../engine/nn/resnetStem';
import { rng } from '../../../engine/random';
import type { Tensor } from '../../../engine/tensor';
import type { RgbImage } from '../../../data/colorPicture';
import { assertFiniteLoss, defineLongJob, JobError } from '../../../worker/job';
import { checkLayer, features, loadStem, toBytes, toPixels, type StemModel } from '../../shared/job/styleStem';

export const CONTENT_LAYER: StemLayer = 'res2b';
export const STYLE_LAYERS: readonly StemLayer[] = ['conv1', 'res2a', 'res2b', 'res2c'];

export interface StyleTransferArgs {
  model: StemModel;
  content: RgbImage;
  /** Not needed with contentOnly. */
  style?: RgbImage;
  /** Only J_content (β = 0): reconstruct C from one layer's activations (lesson 43). */
  contentOnly?: boolean;
  /** Default res2b. */
  contentLayer?: StemLayer;
  size: number;
  init: 'noise' | 'content';
  /** log10(β/α): α = 1, β = 10^balance. */
  balance: number;
  learningRate?: number; // Adam step in 0–255 pixel units, default 6
  seed?: number;
  maxSteps?: number; // default 400
}

export interface StyleTransferSettings {
  balance: number;
  learningRate: number;
}

export interface StyleTransferProgress {
  step: number;
  total: number; // J(G) of the image the last step started from
  content: number; // J_content
  style: number; // J_style
  alpha: number;
  beta: number;
  msPerStep: number;
}

export interface StyleTransferSnapshot {
  /** G as RGB bytes, size×size×3. */
  image: Uint8ClampedArray;
  size: number;
}

export interface StyleTransferState {
  w: StemWeights;
  size: number;
  g: Tensor; // 0–255 RGB [1,s,s,3]
  aC: Tensor;
  contentLayer: StemLayer;
  /** Empty with contentOnly (no style term). */
  gramS: Tensor[];
  beta: number;
  lr: number;
  m: Float32Array;
  v: Float32Array;
  step: number;
  maxSteps: number;
  last: { total: number; content: number; style: number };
  ms: number;
}

function checkBalance(b: unknown): number {
  if (typeof b !== 'number' || !Number.isFinite(b) || b < -2 || b > 8) {
    throw new JobError('bad-setting', `the balance log10(β/α) must be a number in −2…8, got ${String(b)}`, { value: String(b) });
  }
  return b;
}

function checkRate(lr: unknown): number {
  if (typeof lr !== 'number' || !Number.isFinite(lr) || lr <= 0 || lr > 50) {
    throw new JobError('bad-setting', `the learning rate must be in (0, 50], got ${String(lr)}`, { value: String(lr) });
  }
  return lr;
}

// Each image G keeps its layers' buffers from step to step (no allocation per step).
const buffers = new WeakMap<Tensor, StemBuffers>();
function buffersFor(g: Tensor): StemBuffers {
  let b = buffers.get(g);
  if (!b) buffers.set(g, (b = stemBuffers()));
  return b;
}

/** J(G) and its parts for the current G; with `grad`, also ∂J/∂G. */
export function styleCosts(s: Pick<StyleTransferState, 'w' | 'g' | 'aC' | 'gramS' | 'beta' | 'contentLayer'>, grad: boolean): { total: number; content: number; style: number; dG?: Tensor } {
  const x: Variable = variable(s.g, grad);
  const withStyle = s.gramS.length > 0;
  const a = features(s.w, x, withStyle ? deepest('res2c', s.contentLayer) : s.contentLayer, buffersFor(s.g));
  const jc = contentCost(a[s.contentLayer]!, s.aC);
  const js = withStyle ? weightedSum(STYLE_LAYERS.map((l, i) => styleCost(a[l]!, s.gramS[i])), STYLE_LAYERS.map(() => 1 / STYLE_LAYERS.length)) : null;
  const j = js ? weightedSum([jc, js], [1, s.beta]) : jc;
  const out = { total: j.value.data[0], content: jc.value.data[0], style: js ? js.value.data[0] : 0 };
  if (!grad) return out;
  backward(j);
  return { ...out, dG: x.grad! };
}

/** The deeper of two layers: the forward pass must reach both. */
function deepest(a: StemLayer, b: StemLayer): StemLayer {
  return STEM_LAYERS.indexOf(a) >= STEM_LAYERS.indexOf(b) ? a : b;
}

export const styleTransfer = defineLongJob<StyleTransferArgs, StyleTransferState, StyleTransferProgress, StyleTransferSnapshot, StyleTransferSettings>({
  init(args) {
    const size = args.size;
    if (!Number.isInteger(size) || size < 16 || size > 256) throw new RangeError(`style-transfer: size must be a whole number in 16…256, got ${size}`);
    const w = loadStem(args.model);
    const contentLayer = checkLayer(args.contentLayer ?? CONTENT_LAYER, w);
    const c = toPixels(args.content, size, 'content image C');
    const aC = features(w, c, contentLayer)[contentLayer]!.value;
    let gramS: Tensor[] = [];
    if (!args.contentOnly) {
      if (!args.style) throw new RangeError('style-transfer: a style image S is needed (or contentOnly)');
      const aS = features(w, toPixels(args.style, size, 'style image S'), 'res2c');
      gramS = STYLE_LAYERS.map((l) => gramMatrix(aS[l]!.value));
    }
    const r = rng(args.seed ?? 1);
    // noise: uniform 0…255; from C: C plus ±40 noise (the lesson's "noisy C")
    const g: Tensor = {
      shape: [1, size, size, 3],
      data: args.init === 'content'
        ? Float32Array.from(c.data, (v) => Math.min(255, Math.max(0, v + (r.next() - 0.5) * 80)))
        : Float32Array.from(c.data, () => 64 + 128 * r.next()),
    };
    const n = g.data.length;
    return {
      w, size, g, aC, gramS, contentLayer,
      beta: args.contentOnly ? 0 : 10 ** checkBalance(args.balance),
      lr: checkRate(args.learningRate ?? 6),
      m: new Float32Array(n), v: new Float32Array(n),
      step: 0, maxSteps: args.maxSteps ?? 400,
      last: { total: NaN, content: NaN, style: NaN }, ms: 0,
    };
  },
  step(s) {
    const t0 = performance.now();
    const { total, content, style, dG } = styleCosts(s, true);
    assertFiniteLoss(total, s.step);
    s.last = { total, content, style };
    // Adam on the pixels (β1 0.9, β2 0.999), then clip G to the valid range 0…255
    const b1 = 0.9, b2 = 0.999, eps = 1e-8;
    s.step++;
    const c1 = 1 - b1 ** s.step, c2 = 1 - b2 ** s.step;
    const g = s.g.data, d = dG!.data, m = s.m, v = s.v;
    for (let i = 0; i < g.length; i++) {
      m[i] = b1 * m[i] + (1 - b1) * d[i];
      v[i] = b2 * v[i] + (1 - b2) * d[i] * d[i];
      const x = g[i] - (s.lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
      g[i] = x < 0 ? 0 : x > 255 ? 255 : x;
    }
    const dt = performance.now() - t0;
    s.ms = s.ms ? 0.8 * s.ms + 0.2 * dt : dt;
    return s.step >= s.maxSteps;
  },
  progress: (s) => ({ step: s.step, ...s.last, alpha: 1, beta: s.beta, msPerStep: s.ms }),
  snapshot: (s) => ({ image: toBytes(s.g.data), size: s.size }),
  update(s, patch) {
    if (patch.balance !== undefined && s.gramS.length) s.beta = 10 ** checkBalance(patch.balance);
    if (patch.learningRate !== undefined) s.lr = checkRate(patch.learningRate);
  },
});
