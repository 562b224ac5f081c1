// benchmark: time conv2d forward passes in this browser, one pass per step, so the page
// can watch it progress (and pause or cancel it). Per case: a few warm-up passes (JIT,
// scratch buffers), then the median of the timed passes.
//
//   FLOPs of one pass = 2 · (multiplies) = 2 · n · outH · outW · cOut · f · f · cIn
//   GFLOP/s = FLOPs / seconds / 1e9,   images/s = n / seconds
//
// The shapes are the engine benchmark's (npm run bench), so numbers compare with its table.
import { conv2d, convMultiplyCount, convOutputSizeSides, randn, resolvePadding, type Padding, type Tensor } from '../../../engine/index';
import { defineLongJob } from '../../../worker/job';

export interface BenchCase {
  label: string;
  batch: number;
  size: number; // input height = width
  cIn: number;
  f: number;
  cOut: number;
  pad: Padding;
}

export const BENCH_CASES: readonly BenchCase[] = [
  { label: '32×28×28×1 → 5×5×8 valid', batch: 32, size: 28, cIn: 1, f: 5, cOut: 8, pad: 'valid' },
  { label: '32×14×14×8 → 3×3×16 same', batch: 32, size: 14, cIn: 8, f: 3, cOut: 16, pad: 'same' },
  { label: '1×56×56×64 → 3×3×64 same', batch: 1, size: 56, cIn: 64, f: 3, cOut: 64, pad: 'same' },
];

export interface BenchmarkArgs {
  /** Timed passes per case (after warm-up). Default 7. */
  passes?: number;
  warmup?: number; // default 2
  /** Indices into BENCH_CASES; default all. */
  cases?: number[];
}

export interface BenchCaseResult {
  label: string;
  ms: number; // median milliseconds per pass
  gflops: number;
  imagesPerSecond: number;
}

export interface BenchmarkProgress {
  step: number;
  total: number;
  results: BenchCaseResult[];
  /** Over all finished cases: total FLOPs / total median time. NaN until one case is done. */
  gflops: number;
  /** Images per second of the first (LeNet-sized, batch 32) case, once done. */
  imagesPerSecond: number;
}

interface Prepared {
  c: BenchCase;
  x: Tensor;
  w: Tensor;
  b: Tensor;
  out: Tensor;
  flops: number;
}

interface BenchState {
  cases: Prepared[];
  passes: number;
  warmup: number;
  caseIndex: number;
  pass: number; // within the current case, warm-up included
  times: number[];
  step: number;
  results: BenchCaseResult[];
  flopsDone: number;
  msDone: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function prepare(c: BenchCase, seed: number): Prepared {
  const sides = resolvePadding(c.size, c.size, c.f, c.f, 1, c.pad);
  const oh = convOutputSizeSides(c.size, c.f, sides.top, sides.bottom, 1);
  const ow = convOutputSizeSides(c.size, c.f, sides.left, sides.right, 1);
  return {
    c,
    x: randn([c.batch, c.size, c.size, c.cIn], seed),
    w: randn([c.f, c.f, c.cIn, c.cOut], seed + 1, 0.1),
    b: randn([c.cOut], seed + 2, 0.1),
    out: { shape: [c.batch, oh, ow, c.cOut], data: new Float32Array(c.batch * oh * ow * c.cOut) },
    flops: 2 * c.batch * convMultiplyCount(oh, ow, c.cOut, c.f, c.cIn),
  };
}

export const benchmark = defineLongJob<BenchmarkArgs, BenchState, BenchmarkProgress>({
  init(args) {
    const picks = args.cases ?? BENCH_CASES.map((_, i) => i);
    for (const i of picks) {
      if (!BENCH_CASES[i]) throw new RangeError(`benchmark: no case ${i} (there are ${BENCH_CASES.length})`);
    }
    const passes = Math.max(1, Math.floor(args.passes ?? 7));
    return {
      cases: picks.map((i) => prepare(BENCH_CASES[i], 11 + 3 * i)),
      passes,
      warmup: Math.max(0, Math.floor(args.warmup ?? 2)),
      caseIndex: 0,
      pass: 0,
      times: [],
      step: 0,
      results: [],
      flopsDone: 0,
      msDone: 0,
    };
  },

  step(s) {
    const p = s.cases[s.caseIndex];
    const t0 = performance.now();
    conv2d(p.x, p.w, p.b, { pad: p.c.pad, out: p.out });
    const ms = performance.now() - t0;
    if (s.pass >= s.warmup) s.times.push(ms);
    s.pass++;
    s.step++;
    if (s.times.length === s.passes) {
      const m = Math.max(median(s.times), 1e-3);
      s.results.push({
        label: p.c.label,
        ms: m,
        gflops: p.flops / (m / 1000) / 1e9,
        imagesPerSecond: p.c.batch / (m / 1000),
      });
      s.flopsDone += p.flops;
      s.msDone += m;
      s.caseIndex++;
      s.pass = 0;
      s.times = [];
    }
    return s.caseIndex >= s.cases.length;
  },

  progress: (s) => ({
    step: s.step,
    total: s.cases.length * (s.passes + s.warmup),
    results: s.results.map((r) => ({ ...r })),
    gflops: s.msDone > 0 ? s.flopsDone / (s.msDone / 1000) / 1e9 : NaN,
    imagesPerSecond: s.results.length ? s.results[0].imagesPerSecond : NaN,
  }),
});
