// Shared by inception-cost and depthwise-separable: time two ways of computing the same
// output on this device, to set the measured ratio beside the counted one.
//
// A form is a chain of layers on one n×n×c input (batch 1, stride 1):
//   conv       the engine's conv2d (the packed-GEMM kernels, WebAssembly SIMD where available)
//   depthwise  one f×f filter per channel, written here as a direct loop: the engine has no
//              depthwise kernel, which is part of why a measured saving can fall short of the
//              counted one (few multiplies per value read: the loop waits on memory, not
//              arithmetic).
// Each form runs once to warm up, then repeatedly until `budgetMs` has passed (at least
// `minRuns` times); the median run is reported, the least disturbed by other work.
import { conv2d } from '../../../engine/ops/conv2d';
import { convMultiplyCount, depthwiseMultiplyCount, samePadSides, convOutputSize } from '../../../engine/shape';
import { rng } from '../../../engine/random';
import type { Tensor } from '../../../engine/tensor';
import { defineRequest } from '../../../worker/job';

export type TimedLayer = { kind: 'conv'; f: number; cOut: number; pad: 'same' | 'valid' } | { kind: 'depthwise'; f: number; pad: 'same' | 'valid' };

export interface TimingArgs {
  n: number;
  c: number;
  forms: TimedLayer[][];
  budgetMs?: number;
  minRuns?: number;
}

export interface FormTiming {
  /** median milliseconds of one run of the whole chain */
  ms: number;
  runs: number;
  /** multiplies of the chain, counted with engine/shape.ts */
  multiplies: number;
}

/** Largest input × filters the page may ask to time (keeps a request well under a second a run). */
export const MAX_TIMED_MULTIPLIES = 2e9;

function outSize(n: number, f: number, pad: 'same' | 'valid'): number {
  return pad === 'same' ? samePadSides(n, f, 1).out : convOutputSize(n, f, 0, 1);
}

/** Depthwise convolution, stride 1, NHWC, batch 1: y[i,j,c] = Σ_{u,v} x[i+u−p, j+v−p, c]·w[u,v,c]. */
export function depthwiseConv(x: Tensor, w: Float32Array, f: number, pad: 'same' | 'valid', y?: Float32Array): Tensor {
  const [, h, wd, c] = x.shape;
  const o = outSize(h, f, pad), ow = outSize(wd, f, pad);
  const pt = pad === 'same' ? samePadSides(h, f, 1).before : 0;
  const pl = pad === 'same' ? samePadSides(wd, f, 1).before : 0;
  const out = y ?? new Float32Array(o * ow * c);
  out.fill(0);
  const xd = x.data;
  for (let i = 0; i < o; i++) {
    for (let u = 0; u < f; u++) {
      const si = i + u - pt;
      if (si < 0 || si >= h) continue;
      for (let j = 0; j < ow; j++) {
        const ob = (i * ow + j) * c;
        for (let v = 0; v < f; v++) {
          const sj = j + v - pl;
          if (sj < 0 || sj >= wd) continue;
          const xb = (si * wd + sj) * c, wb = (u * f + v) * c;
          for (let k = 0; k < c; k++) out[ob + k] += xd[xb + k] * w[wb + k];
        }
      }
    }
  }
  return { shape: [1, o, ow, c], data: out };
}

interface Prepared {
  run(x: Tensor): Tensor;
  multiplies: number;
}

/** Multiplies of a chain, counted before anything is allocated. */
export function chainMultiplies(layers: TimedLayer[], n: number, c: number): number {
  let size = n, ch = c, m = 0;
  for (const l of layers) {
    const o = outSize(size, l.f, l.pad);
    if (l.kind === 'conv') {
      m += convMultiplyCount(o, o, l.cOut, l.f, ch);
      ch = l.cOut;
    } else m += depthwiseMultiplyCount(o, o, l.f, ch);
    size = o;
  }
  return m;
}

function prepare(layers: TimedLayer[], n: number, c: number): Prepared {
  const r = rng(11);
  let size = n, ch = c, multiplies = 0;
  const steps: ((x: Tensor) => Tensor)[] = [];
  for (const l of layers) {
    const o = outSize(size, l.f, l.pad);
    if (l.kind === 'conv') {
      const w: Tensor = { shape: [l.f, l.f, ch, l.cOut], data: Float32Array.from({ length: l.f * l.f * ch * l.cOut }, () => r.normal(0, 0.1)) };
      const out: Tensor = { shape: [1, o, o, l.cOut], data: new Float32Array(o * o * l.cOut) };
      steps.push((x) => conv2d(x, w, null, { pad: l.pad, out }));
      multiplies += convMultiplyCount(o, o, l.cOut, l.f, ch);
      ch = l.cOut;
    } else {
      const w = Float32Array.from({ length: l.f * l.f * ch }, () => r.normal(0, 0.1));
      const out = new Float32Array(o * o * ch);
      steps.push((x) => depthwiseConv(x, w, l.f, l.pad, out));
      multiplies += depthwiseMultiplyCount(o, o, l.f, ch);
    }
    size = o;
  }
  return { run: (x) => steps.reduce((a, s) => s(a), x), multiplies };
}

export function timeForms(a: TimingArgs): FormTiming[] {
  const budget = a.budgetMs ?? 300;
  const minRuns = a.minRuns ?? 3;
  for (const f of a.forms) {
    const m = chainMultiplies(f, a.n, a.c);
    if (m > MAX_TIMED_MULTIPLIES) throw new RangeError(`too large to time here: ${m} multiplies per run (at most ${MAX_TIMED_MULTIPLIES})`);
  }
  const r = rng(7);
  const x: Tensor = { shape: [1, a.n, a.n, a.c], data: Float32Array.from({ length: a.n * a.n * a.c }, () => r.uniform(-1, 1)) };
  const prepared = a.forms.map((f) => prepare(f, a.n, a.c));
  return prepared.map((p) => {
    p.run(x); // warm-up: buffers touched, kernels compiled
    const times: number[] = [];
    const start = performance.now();
    while (times.length < minRuns || performance.now() - start < budget) {
      const t0 = performance.now();
      p.run(x);
      times.push(performance.now() - t0);
      if (times.length >= 1000) break;
    }
    times.sort((u, v) => u - v);
    return { ms: times[Math.floor(times.length / 2)], runs: times.length, multiplies: p.multiplies };
  });
}

export const convTiming = defineRequest<TimingArgs, FormTiming[]>(timeForms);
