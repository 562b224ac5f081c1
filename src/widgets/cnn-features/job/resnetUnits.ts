// Units of the real ImageNet ResNet-50 (its packed conv1 … conv3_x stages), two long jobs:
// - 'cnn-features-resnet': run the app's pictures through the stem, one picture per step, and
//   keep for every unit of conv1, res2c and res3d the nine strongest responses (Zeiler & Fergus),
//   at most three per picture, at least half a receptive field apart, so the nine are not nine
//   shifts of one stroke. The page crops the patches from its own copy of the same pictures.
// - 'cnn-features-resnet-ascent': activation maximisation, gradient ascent on the input pixels
//   to excite one unit (the centre position of one channel, before its ReLU):
//     J(x) = z_u(centre; x) − λ·mean((x − 128)²)/128²,   x ← clip(x + η·∇J/rms(∇J), 0, 255)
//   with a light blur every few steps (but not the last ones), on a picture a little larger
//   than the unit's receptive field.
import { stemForward, stemPreprocess, type StemLayer, type StemWeights } from '../../../engine/nn/resnetStem';
import { backward, variable, type Variable } from '../../../engine/nn/variable';
import { rng } from '../../../engine/random';
import { defineLongJob, JobError } from '../../../worker/job';
import { features, loadStem, type StemModel } from '../../shared/job/styleStem';
import { offer, topK, type TopK } from './topK';
import { blur3 } from './ascent';
import { RESNET_FEATURE_LAYERS, resnetPictures, stemField, type NamedPicture, type ResnetFeatureLayer } from './resnetPictures';
import type { ReceptiveField } from './receptiveField';

export const RESNET_TOP = 9;
const PER_PICTURE = 3;

export interface ResnetLayerTops {
  layer: ResnetFeatureLayer;
  units: number;
  /** Side of the layer's map on a 128 × 128 picture. */
  side: number;
  rf: ReceptiveField;
  /** units × 9, best first: the activation (after the ReLU), picture index, map row and column. */
  values: Float32Array;
  pictures: Int32Array;
  rows: Int32Array;
  cols: Int32Array;
}

interface AnalysisState {
  w: StemWeights;
  pictures: NamedPicture[];
  next: number;
  tops: Map<ResnetFeatureLayer, { tops: TopK[]; side: number }>;
}

function checkModel(model: StemModel): StemWeights {
  const w = loadStem(model);
  if (!w['res3d_branch2c/w']) throw new JobError('no-model', 'the conv3_x weights (resnet50-res3) were not loaded');
  return w;
}

function toInput(img: { width: number; data: Float32Array }): Variable {
  const s = img.width;
  return variable(stemPreprocess({ shape: [1, s, s, 3], data: Float32Array.from(img.data, (v) => 255 * v) }));
}

/** A channel's best positions in one map [1, h, w, c]: greedy, each at least `gap` cells from the others. */
export function bestPositions(d: Float32Array, h: number, w: number, c: number, ch: number, count: number, gap: number): { value: number; row: number; col: number }[] {
  const out: { value: number; row: number; col: number }[] = [];
  for (let k = 0; k < count; k++) {
    let best = -Infinity, at = -1;
    for (let p = 0; p < h * w; p++) {
      const r = Math.floor(p / w), q = p % w;
      if (out.some((o) => Math.abs(o.row - r) < gap && Math.abs(o.col - q) < gap)) continue;
      if (d[p * c + ch] > best) {
        best = d[p * c + ch];
        at = p;
      }
    }
    if (at < 0 || best <= 0) break;
    out.push({ value: best, row: Math.floor(at / w), col: at % w });
  }
  return out;
}

export const cnnFeaturesResnet = defineLongJob<{ model: StemModel }, AnalysisState, { analysed: number; total: number }, { layers: ResnetLayerTops[] } | undefined>({
  init(args) {
    return { w: checkModel(args.model), pictures: resnetPictures(), next: 0, tops: new Map() };
  },
  step(s) {
    const pic = s.pictures[s.next];
    const acts = stemForward(s.w, toInput(pic.image), 'res3d');
    for (const layer of RESNET_FEATURE_LAYERS) {
      const a = acts[layer]!.value;
      const [, h, w, c] = a.shape;
      let entry = s.tops.get(layer);
      if (!entry) s.tops.set(layer, (entry = { tops: Array.from({ length: c }, () => topK(RESNET_TOP)), side: h }));
      const rf = stemField(layer);
      const gap = Math.max(1, Math.ceil(rf.size / (2 * rf.jump)));
      for (let ch = 0; ch < c; ch++) for (const b of bestPositions(a.data, h, w, c, ch, PER_PICTURE, gap)) offer(entry.tops[ch], b.value, s.next, b.row, b.col);
    }
    s.next++;
    return s.next >= s.pictures.length;
  },
  progress: (s) => ({ analysed: s.next, total: s.pictures.length }),
  snapshot(s) {
    if (s.next < s.pictures.length) return undefined;
    return {
      layers: RESNET_FEATURE_LAYERS.map((layer) => {
        const { tops, side } = s.tops.get(layer)!;
        const n = tops.length;
        const values = new Float32Array(n * RESNET_TOP), pictures = new Int32Array(n * RESNET_TOP), rows = new Int32Array(n * RESNET_TOP), cols = new Int32Array(n * RESNET_TOP);
        tops.forEach((t, u) => {
          for (let i = 0; i < RESNET_TOP; i++) {
            const k = u * RESNET_TOP + i;
            values[k] = Number.isFinite(t.values[i]) ? t.values[i] : 0;
            pictures[k] = t.images[i];
            rows[k] = t.rows[i];
            cols[k] = t.cols[i];
          }
        });
        return { layer, units: n, side, rf: stemField(layer), values, pictures, rows, cols };
      }),
    };
  },
});

/* ---------- activation maximisation ---------- */

export interface ResnetAscentArgs {
  model: StemModel;
  layer: ResnetFeatureLayer;
  unit: number;
  steps?: number;
  seed?: number;
}

interface AscentState {
  w: StemWeights;
  layer: StemLayer;
  unit: number;
  side: number;
  x: Float32Array;
  step: number;
  steps: number;
  activation: number;
  startActivation: number;
}

/** Input side for a layer: its receptive field plus a margin, rounded up to a multiple of 8. */
export function ascentSide(layer: ResnetFeatureLayer): number {
  return Math.ceil((stemField(layer).size + 8) / 8) * 8;
}

const ETA = 10, L2 = 0.05, BLUR_EVERY = 8;

/** z at the centre position of the unit's channel (before the ReLU), and ∂z/∂x when asked. */
function centreUnit(s: AscentState, grad: boolean): { z: number; g?: Float32Array } {
  const pix = variable({ shape: [1, s.side, s.side, 3], data: s.x }, grad);
  const pre: Partial<Record<StemLayer, Variable>> = {};
  features(s.w, pix, s.layer, undefined, pre);
  const zV = pre[s.layer]!;
  const [, h, w, c] = zV.value.shape;
  if (s.unit < 0 || s.unit >= c) throw new JobError('bad-setting', `${s.layer} has units 1–${c}, not ${s.unit + 1}`, { name: 'unit', value: String(s.unit + 1) });
  const centre = (h - 1) >> 1;
  const at = (centre * w + centre) * c + s.unit;
  const z = zV.value.data[at];
  if (!grad) return { z };
  const seed = new Float32Array(zV.value.data.length);
  seed[at] = 1;
  backward(zV, { shape: zV.value.shape.slice(), data: seed });
  return { z, g: Float32Array.from(pix.grad!.data) };
}

export const cnnFeaturesResnetAscent = defineLongJob<ResnetAscentArgs, AscentState, { step: number; steps: number; activation: number; startActivation: number }, { image: Uint8ClampedArray; side: number }>({
  init(args) {
    if (!RESNET_FEATURE_LAYERS.includes(args.layer)) throw new JobError('bad-setting', `unknown layer ${String(args.layer)}`, { name: 'layer', value: String(args.layer) });
    const side = ascentSide(args.layer);
    const r = rng(args.seed ?? 1);
    // mid-grey plus a little noise, in the network's 0–255 pixel units (the mean is subtracted inside)
    const x = new Float32Array(3 * side * side);
    for (let i = 0; i < x.length; i++) x[i] = 128 + 20 * (r.next() - 0.5);
    const s: AscentState = { w: checkModel(args.model), layer: args.layer, unit: args.unit, side, x, step: 0, steps: args.steps ?? 60, activation: 0, startActivation: 0 };
    s.activation = s.startActivation = centreUnit(s, false).z;
    return s;
  },
  step(s) {
    const { g } = centreUnit(s, true);
    const grad = g!;
    // the L2 pull towards grey: ∂/∂x of −λ·mean((x − 128)²)/128²
    const n = s.x.length;
    for (let i = 0; i < n; i++) grad[i] -= (2 * L2 * (s.x[i] - 128)) / (n * 128 * 128);
    let ms = 0;
    for (let i = 0; i < n; i++) ms += grad[i] * grad[i];
    const k = ETA / (Math.sqrt(ms / n) + 1e-12);
    for (let i = 0; i < n; i++) s.x[i] = Math.min(255, Math.max(0, s.x[i] + k * grad[i]));
    s.step++;
    if (s.step % BLUR_EVERY === 0 && s.step <= s.steps - 5) for (let ch = 0; ch < 3; ch++) blurChannel(s.x, s.side, ch);
    s.activation = centreUnit(s, false).z;
    return s.step >= s.steps;
  },
  progress: (s) => ({ step: s.step, steps: s.steps, activation: s.activation, startActivation: s.startActivation }),
  snapshot: (s) => ({ image: Uint8ClampedArray.from(s.x, (v) => Math.round(v)), side: s.side }),
});

/** blur3 on one channel of an interleaved RGB picture. */
function blurChannel(x: Float32Array, side: number, ch: number): void {
  const plane = new Float32Array(side * side);
  for (let i = 0; i < plane.length; i++) plane[i] = x[3 * i + ch];
  blur3(plane, side);
  for (let i = 0; i < plane.length; i++) x[3 * i + ch] = plane[i];
}
