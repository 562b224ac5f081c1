// Training an encoder for one-shot learning on many identities (course §32–35): every character
// of the training scripts is one "person"; a batch holds K characters × M fresh jittered drawings
// each, and the triplet loss (semi-hard mining) pulls drawings of one character together and
// pushes other characters away. Every few steps the encoder is tested on N-way one-shot episodes
// drawn from scripts it never saw: one drawing per character as the database, another to name.
import type { Tensor } from '../../../engine/tensor';
import { rng, type Rng } from '../../../engine/random';
import { sequential, type Model } from '../../../engine/nn/model';
import type { LayerSpec } from '../../../engine/nn/specs';
import { createOptimiser, type Optimiser, type ParamSlot } from '../../../engine/nn/optimisers';
import { backward } from '../../../engine/nn/variable';
import { l2NormalizeRows, tripletLoss } from '../../../engine/nn/tripletLoss';
import { glyphIds, scriptOf, type GlyphSet } from '../../../data/glyphs';
import { DRAWING_PIXELS, DRAWING_SIDE, drawGlyph, randomJitter } from '../../../data/glyphJitter';
import { oneShotAccuracy, type Episode } from '../../../geometry/oneShot';
import { JobError } from '../../../worker/job';
import { easyFraction, mineTriplets } from '../../shared/job/embedding/mining';

/** The N of the N-way tests, all measured at every evaluation. */
export const WAYS = [5, 20] as const;
export type Ways = (typeof WAYS)[number];

/** conv 3×3×16, pool, conv 3×3×32, pool, conv 3×3×64, pool, dense 64, dense d (then normalised). */
export function glyphEncoderLayers(dim: number): LayerSpec[] {
  return [
    { type: 'conv2d', filters: 16, size: 3, pad: 'same' },
    { type: 'relu' },
    { type: 'maxPool2d', size: 2 },
    { type: 'conv2d', filters: 32, size: 3, pad: 'same' },
    { type: 'relu' },
    { type: 'maxPool2d', size: 2 },
    { type: 'conv2d', filters: 64, size: 3, pad: 'same' },
    { type: 'relu' },
    { type: 'maxPool2d', size: 2 },
    { type: 'flatten' },
    { type: 'dense', units: 64 },
    { type: 'relu' },
    { type: 'dense', units: dim, init: 'glorot' },
  ];
}

export interface GlyphConfig {
  seed: number;
  dim: number;
  alpha: number;
  learningRate: number;
  /** Characters per batch × drawings per character. */
  k: number;
  m: number;
  /** One-shot episodes per N at each evaluation. */
  episodes: number;
  /** Train on only this many characters (spread over the training scripts); 0 = all of them. */
  identities: number;
}

export const GLYPH_DEFAULTS: GlyphConfig = { seed: 1, dim: 32, alpha: 0.2, learningRate: 0.001, k: 16, m: 4, episodes: 60, identities: 0 };

export interface GlyphSession {
  config: GlyphConfig;
  set: GlyphSet;
  model: Model;
  optimiser: Optimiser;
  trainIds: Int32Array;
  /** Held-out characters, and two fixed drawings of each (support, query), 28×28 floats. */
  testIds: Int32Array;
  support: Float32Array;
  query: Float32Array;
  episodes: Record<Ways, Episode[]>;
  batchRng: Rng;
  mineRng: Rng;
  x: Tensor;
  y: Int32Array;
  step: number;
  loss: number | null;
  easy: number | null;
}

export function createGlyphSession(set: GlyphSet, cfg: Partial<GlyphConfig> = {}): GlyphSession {
  const config: GlyphConfig = { ...GLYPH_DEFAULTS, ...cfg };
  if (!(Number.isInteger(config.dim) && config.dim >= 2 && config.dim <= 128)) throw new JobError('bad-setting', `dimension must be 2–128, got ${config.dim}`, { name: 'dim', value: String(config.dim) });
  const trainIds = spread(glyphIds(set, 'train'), config.identities), testIds = glyphIds(set, 'test');
  const r = rng((config.seed * 7919 + 5) >>> 0);
  const support = new Float32Array(testIds.length * DRAWING_PIXELS), query = new Float32Array(testIds.length * DRAWING_PIXELS);
  testIds.forEach((id, i) => {
    drawGlyph(set, id, randomJitter(r), support, i * DRAWING_PIXELS);
    drawGlyph(set, id, randomJitter(r), query, i * DRAWING_PIXELS);
  });
  const episodes = {} as Record<Ways, Episode[]>;
  for (const n of WAYS) episodes[n] = makeEpisodes(set, testIds, n, config.episodes, r);
  const b = Math.min(config.k, trainIds.length) * config.m;
  return {
    config, set, trainIds, testIds, support, query, episodes,
    model: sequential(glyphEncoderLayers(config.dim), [DRAWING_SIDE, DRAWING_SIDE, 1], { seed: config.seed }),
    optimiser: createOptimiser({ kind: 'adam', lr: config.learningRate }),
    batchRng: rng((config.seed * 2654435761) >>> 0 || 1),
    mineRng: rng((config.seed * 40503 + 17) >>> 0),
    x: { shape: [b, DRAWING_SIDE, DRAWING_SIDE, 1], data: new Float32Array(b * DRAWING_PIXELS) },
    y: new Int32Array(b),
    step: 0,
    loss: null,
    easy: null,
  };
}

/** `n` of the ids evenly spaced (all of them when n is 0 or too large). */
export function spread(ids: Int32Array, n: number): Int32Array {
  if (!n || n >= ids.length) return ids;
  if (n < 2) throw new JobError('bad-setting', `need at least 2 training characters, got ${n}`, { name: 'identities', value: String(n) });
  return Int32Array.from({ length: n }, (_, i) => ids[Math.floor((i * ids.length) / n)]);
}

/**
 * Episodes of N characters of ONE held-out script each (the harder, within-alphabet test of
 * Lake et al.: the characters to tell apart share their script's style), scripts taken in turn.
 */
export function makeEpisodes(set: GlyphSet, testIds: Int32Array, n: number, count: number, r: Rng): Episode[] {
  const byScript = new Map<string, number[]>();
  testIds.forEach((id, pos) => {
    const name = scriptOf(set, id).name;
    byScript.set(name, [...(byScript.get(name) ?? []), pos]);
  });
  const pools = [...byScript.values()].filter((p) => p.length >= n);
  if (!pools.length) throw new JobError('bad-setting', `no held-out script has ${n} characters`, { name: 'ways', value: String(n) });
  const out: Episode[] = [];
  for (let e = 0; e < count; e++) {
    const pool = pools[e % pools.length].slice();
    r.shuffle(pool);
    out.push({ members: Int32Array.from(pool.slice(0, n)) });
  }
  return out;
}

/** One training batch: K characters × M fresh drawings, forward once, mine, triplet loss, Adam. */
export function trainGlyphBatch(s: GlyphSession): void {
  const c = s.config;
  const ids = Array.from(s.trainIds);
  s.batchRng.shuffle(ids);
  for (let q = 0; q < Math.min(c.k, ids.length); q++) {
    for (let t = 0; t < c.m; t++) {
      const row = q * c.m + t;
      drawGlyph(s.set, ids[q], randomJitter(s.batchRng), s.x.data, row * DRAWING_PIXELS);
      s.y[row] = ids[q];
    }
  }
  const params = s.model.parameters();
  for (const p of params) p.zeroGrad();
  const out = l2NormalizeRows(s.model.forward(s.x, { training: true, reuseBuffers: true }));
  const triplets = mineTriplets(out.value.data, c.dim, s.y, 'semi-hard', s.mineRng);
  const lossV = tripletLoss(out, triplets, c.alpha);
  const loss = lossV.info.loss;
  if (!Number.isFinite(loss)) throw new JobError('non-finite-loss', `the triplet loss became ${loss} at step ${s.step + 1}`, { loss: String(loss), step: s.step + 1 });
  s.easy = easyFraction(lossV.info.perTriplet);
  s.loss = loss;
  s.step++;
  if (loss === 0) return;
  backward(lossV);
  const slots: ParamSlot[] = params.map((p) => ({ data: p.value.data, grad: p.grad ? p.grad.data : new Float32Array(p.value.data.length) }));
  s.optimiser.step(slots);
}

/** Encodings (unit sphere) of `count` 28×28 drawings stored back to back in `pixels`. */
export function encodeDrawings(model: Model, pixels: Float32Array, count: number): Float32Array {
  const x: Tensor = { shape: [count, DRAWING_SIDE, DRAWING_SIDE, 1], data: pixels.subarray(0, count * DRAWING_PIXELS) };
  return l2NormalizeRows(model.forward(x)).value.data.slice();
}

export interface GlyphEval {
  step: number;
  /** One-shot accuracy per N on the held-out scripts. */
  accuracy: Record<Ways, number>;
  support: Float32Array;
  query: Float32Array;
}

/** Encode the fixed held-out drawings and score every N-way test. */
export function evaluateGlyphs(s: GlyphSession): GlyphEval {
  const n = s.testIds.length;
  const support = encodeDrawings(s.model, s.support, n), query = encodeDrawings(s.model, s.query, n);
  const accuracy = {} as Record<Ways, number>;
  for (const w of WAYS) accuracy[w] = oneShotAccuracy(support, query, s.config.dim, s.episodes[w]);
  return { step: s.step, accuracy, support, query };
}

/** The same test on raw pixels (nearest neighbour in the 784 numbers): what no learning gives. */
export function pixelAccuracy(s: GlyphSession): Record<Ways, number> {
  const accuracy = {} as Record<Ways, number>;
  for (const w of WAYS) accuracy[w] = oneShotAccuracy(s.support, s.query, DRAWING_PIXELS, s.episodes[w]);
  return accuracy;
}
