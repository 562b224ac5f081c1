// Seeded randomness: every random thing in ConvLab takes a seed, so "reset" replays the
// same initialisation and the same run, bit for bit, in Node and in the browser.
//
//   generator   mulberry32 (32-bit state, integer ops only → identical on every engine)
//   normal      Box–Muller: z = √(−2 ln u₁)·cos(2π u₂)  (second value cached)
//   truncated   TensorFlow's truncated normal: redraw until |z| ≤ 2, then mean + std·z
import type { Tensor } from './tensor';
import { sizeOf } from './shape';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  uniform(lo?: number, hi?: number): number;
  /** Whole number in [0, n). */
  int(n: number): number;
  normal(mean?: number, std?: number): number;
  truncatedNormal(mean?: number, std?: number): number;
  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffle<T>(items: T[]): T[];
  shuffle(items: Int32Array | Float32Array | Uint32Array): Int32Array | Float32Array | Uint32Array;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded random-number generator. Same seed ⇒ same sequence. */
export function rng(seed: number): Rng {
  const next = mulberry32(seed);
  let spare = NaN; // second Box–Muller value, used on the next call
  const normal01 = (): number => {
    if (!Number.isNaN(spare)) {
      const z = spare;
      spare = NaN;
      return z;
    }
    let u1 = next();
    while (u1 === 0) u1 = next();
    const u2 = next();
    const r = Math.sqrt(-2 * Math.log(u1));
    spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  };
  const self = {
    next,
    uniform: (lo = 0, hi = 1) => lo + (hi - lo) * next(),
    int: (n: number) => Math.floor(next() * n),
    normal: (mean = 0, std = 1) => mean + std * normal01(),
    truncatedNormal: (mean = 0, std = 1) => {
      let z = normal01();
      while (Math.abs(z) > 2) z = normal01();
      return mean + std * z;
    },
    shuffle(items: { length: number; [i: number]: unknown }) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const t = items[i];
        items[i] = items[j];
        items[j] = t;
      }
      return items;
    },
  };
  return self as Rng;
}

function source(seedOrRng: number | Rng): Rng {
  return typeof seedOrRng === 'number' ? rng(seedOrRng) : seedOrRng;
}

/** Tensor of normal draws (mean 0, given std). */
export function randn(shape: number[], seedOrRng: number | Rng, std = 1): Tensor {
  const r = source(seedOrRng);
  const data = new Float32Array(sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = r.normal(0, std);
  return { shape: shape.slice(), data };
}

/** Tensor of uniform draws in [lo, hi). */
export function randUniform(shape: number[], seedOrRng: number | Rng, lo = 0, hi = 1): Tensor {
  const r = source(seedOrRng);
  const data = new Float32Array(sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = r.uniform(lo, hi);
  return { shape: shape.slice(), data };
}

/** Tensor of truncated-normal draws (|z| ≤ 2), as Keras initialisers use. */
export function truncatedNormal(shape: number[], seedOrRng: number | Rng, std = 1): Tensor {
  const r = source(seedOrRng);
  const data = new Float32Array(sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = r.truncatedNormal(0, std);
  return { shape: shape.slice(), data };
}
