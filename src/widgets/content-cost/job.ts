// content-activations: C and G through ResNet-50's first stages (pretrained, frozen) up to one
// layer l, and the content cost there (§43):
//   J_content = ½‖a[l](C) − a[l](G)‖²,  also per channel k: ½ Σ_ij (a_ijk(C) − a_ijk(G))²
// G is another picture, or C plus seeded uniform noise of amplitude `noise` (0…255).
import { rng } from '../../engine/random';
import type { Tensor } from '../../engine/tensor';
import type { RgbImage } from '../../data/colorPicture';
import { defineRequest } from '../../worker/job';
import { checkLayer, features, loadStem, toBytes, toPixels, type StemModel } from '../shared/job/styleStem';

export interface ContentActivationsArgs {
  model: StemModel;
  content: RgbImage;
  /** G = this picture; without it G = C + noise. */
  other?: RgbImage;
  noise: number;
  seed?: number;
  size: number;
  layer: string;
  /** How many channels to send back for display (the cost uses all of them). */
  channels?: number;
}

export interface ContentActivationsResult {
  layer: string;
  shape: number[]; // [1, n_H, n_W, n_C]
  cost: number;
  /** ½ Σ_ij (a_ijk(C) − a_ijk(G))² for every channel k. */
  perChannel: Float32Array;
  /** The first `channels` channels, planar: [k][i][j]. */
  aC: Float32Array;
  aG: Float32Array;
  shown: number;
  /** G as RGB bytes. */
  g: Uint8ClampedArray;
}

function planar(a: Tensor, k: number): Float32Array {
  const [, h, w, c] = a.shape;
  const out = new Float32Array(k * h * w);
  for (let ch = 0; ch < k; ch++) for (let p = 0; p < h * w; p++) out[ch * h * w + p] = a.data[p * c + ch];
  return out;
}

export const contentActivations = defineRequest<ContentActivationsArgs, ContentActivationsResult>((args) => {
  const layer = checkLayer(args.layer);
  const { size } = args;
  if (!Number.isFinite(args.noise) || args.noise < 0 || args.noise > 255) throw new RangeError(`content-activations: noise must be in 0…255, got ${args.noise}`);
  const w = loadStem(args.model);
  const c = toPixels(args.content, size, 'content image C');
  let g: Tensor;
  if (args.other) g = toPixels(args.other, size, 'picture G');
  else {
    const r = rng(args.seed ?? 1);
    g = { shape: c.shape.slice(), data: Float32Array.from(c.data, (v) => Math.min(255, Math.max(0, v + args.noise * (2 * r.next() - 1)))) };
  }
  const aC = features(w, c, layer)[layer]!.value;
  const aG = features(w, g, layer)[layer]!.value;
  const [, h, wd, nC] = aC.shape;
  const perChannel = new Float32Array(nC);
  let cost = 0;
  for (let p = 0; p < h * wd; p++) for (let k = 0; k < nC; k++) {
    const d = aC.data[p * nC + k] - aG.data[p * nC + k];
    perChannel[k] += 0.5 * d * d;
  }
  for (const v of perChannel) cost += v;
  const shown = Math.min(nC, args.channels ?? 16);
  return { layer, shape: aC.shape.slice(), cost, perChannel, aC: planar(aC, shown), aG: planar(aG, shown), shown, g: toBytes(g.data) };
});
