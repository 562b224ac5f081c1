// Timing helpers shared by every bench section: warm-up, then repeated runs until a time
// budget is spent, and the MEDIAN per-call time (robust to a GC pause or a noisy neighbour).

export interface TimeOptions {
  warmup?: number;
  minRuns?: number;
  maxRuns?: number;
  /** Keep running (after minRuns) until this many ms have been spent. */
  budgetMs?: number;
}

export function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The clock. On a shared machine (other processes competing for 2 cores) wall time
 * mostly measures the queue, so by default we time the CPU this process actually used
 * (user + system, all its threads: GC included). BENCH_CLOCK=wall switches to wall time.
 */
export const CLOCK: 'cpu' | 'wall' = process.env.BENCH_CLOCK === 'wall' ? 'wall' : 'cpu';

export function now(): number {
  if (CLOCK === 'wall') return performance.now();
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Median milliseconds per call of fn. */
export function timeMedian(fn: () => void, o: TimeOptions = {}): number {
  return median(timeRuns(fn, o));
}

/** Milliseconds of each timed call of fn (after the warm-up calls). */
export function timeRuns(fn: () => void, o: TimeOptions = {}): number[] {
  const warmup = o.warmup ?? 2;
  const minRuns = o.minRuns ?? 5;
  const maxRuns = o.maxRuns ?? 200;
  const budget = o.budgetMs ?? 800;
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  const t0 = now();
  while (times.length < maxRuns && (times.length < minRuns || now() - t0 < budget)) {
    const a = now();
    fn();
    times.push(now() - a);
  }
  return times;
}

export interface InterleaveOptions {
  warmup?: number;
  /** Rounds; in each round every engine runs in turn, so all see the same machine load. */
  rounds?: number;
  /** Per round and engine, keep calling (after the first call) until this many ms are spent. */
  perRoundMs?: number;
  /** Called (untimed) before engine i's turn in each round, e.g. to switch TF.js's backend. */
  enter?: ((() => void) | undefined)[];
}

/**
 * Median ms per call of each fn, measured in interleaved rounds: A, B, C, A, B, C, …
 * On a shared machine the load changes from second to second; timing one engine after
 * the other would give each a different machine, while interleaving gives them the same
 * one, so the RATIOS are fair even when the absolute times drift.
 */
export function timeInterleaved(fns: (() => void)[], o: InterleaveOptions = {}): number[] {
  const warmup = o.warmup ?? 2, rounds = o.rounds ?? 5, per = o.perRoundMs ?? 150;
  fns.forEach((fn, i) => {
    o.enter?.[i]?.();
    for (let j = 0; j < warmup; j++) fn();
  });
  const times: number[][] = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, i) => {
      o.enter?.[i]?.();
      const t0 = now();
      do {
        const a = now();
        fn();
        times[i].push(now() - a);
      } while (now() - t0 < per);
    });
  }
  return times.map(median);
}

/** One line of the results table. `work` is FLOPs per call (2 per multiply-add) or images. */
export interface BenchRow {
  section: string;
  case: string;
  engine: 'ConvLab' | 'TF.js CPU' | 'ConvNetJS' | string;
  ms: number;
  /** GFLOP/s for kernels, images/s for the training step, or null. */
  rate: number | null;
  rateUnit: 'GFLOP/s' | 'images/s' | 'MB' | '';
  note?: string;
}

/** A bench section: other helpers add one (e.g. NMS) by exporting it and listing it in run.ts. */
export interface BenchSection {
  name: string;
  run(): Promise<BenchRow[]> | BenchRow[];
}

/** Print one figure the moment it is measured (stderr), then return it for the final table. */
export function emit(r: BenchRow): BenchRow {
  const rate = r.rate === null ? '' : ` (${r.rate.toFixed(r.rate >= 100 ? 0 : 2)} ${r.rateUnit})`;
  const value = r.rateUnit === 'MB' ? `${r.ms.toFixed(1)} MB` : `${r.ms.toFixed(r.ms >= 100 ? 0 : 2)} ms`;
  console.error(`  ${r.section} · ${r.case} · ${r.engine}: ${value}${rate}`);
  return r;
}

export function gflops(flops: number, ms: number): number {
  return flops / (ms * 1e6);
}

/** Deterministic pseudo-random fill (the bench must not depend on Math.random). */
export function fillRandom(a: Float32Array | Float64Array | number[], seed: number, scale = 1): void {
  let s = seed >>> 0;
  for (let i = 0; i < a.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    a[i] = ((s / 4294967296) * 2 - 1) * scale;
  }
}

/** Markdown table: one row per (section, case), one column group per engine, ratios ours ÷ theirs. */
export function markdownTable(rows: BenchRow[]): string {
  const keyOf = (r: BenchRow) => `${r.section}\u0000${r.case}`;
  const groups = new Map<string, BenchRow[]>();
  for (const r of rows) {
    const k = keyOf(r);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(r);
  }
  const f = (x: number, d = 2) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(d));
  const cell = (r: BenchRow | undefined) => {
    if (!r) return '—';
    if (r.rateUnit === 'MB') return `${f(r.ms)} MB`;
    const rate = r.rate === null ? '' : ` (${f(r.rate)} ${r.rateUnit})`;
    return `${f(r.ms)} ms${rate}`;
  };
  // For kernels and the training step a higher rate is better; ratio = how many times faster we are.
  const ratio = (ours: BenchRow | undefined, theirs: BenchRow | undefined) => {
    if (!ours || !theirs || ours.rateUnit === 'MB') return '—';
    return `${(theirs.ms / ours.ms).toFixed(2)}×`;
  };
  const others = ['TF.js WASM', 'TF.js CPU', 'ConvNetJS'];
  const lines = [
    `| section | case | ConvLab | ${others.join(' | ')} | ${others.map((e) => `ConvLab ÷ ${e}`).join(' | ')} |`,
    `|---|---|---|${others.map(() => '---|---|').join('')}`,
  ];
  for (const rs of groups.values()) {
    const by = (e: string) => rs.find((r) => r.engine === e);
    const ours = by('ConvLab');
    const note = rs.map((r) => r.note).filter(Boolean).join('; ');
    const cells = others.map((e) => cell(by(e))), ratios = others.map((e) => ratio(ours, by(e)));
    lines.push(`| ${rs[0].section} | ${rs[0].case}${note ? ` (${note})` : ''} | ${cell(ours)} | ${cells.join(' | ')} | ${ratios.join(' | ')} |`);
  }
  return lines.join('\n');
}
