// `npm run bench`: our engine, TensorFlow.js's CPU backend and ConvNetJS in one process,
// the same shapes, warm-up then medians. Prints a Markdown table (paste into the README).
// To add a section (e.g. NMS): write bench/sections/<name>.ts exporting a BenchSection and
// list it in SECTIONS below. `npm run bench -- conv` runs only sections whose name matches.
import { loadavg, cpus } from 'node:os';
import type { BenchRow, BenchSection } from './harness';
import { CLOCK, markdownTable } from './harness';
import { convSection } from './sections/conv';
import { poolSection } from './sections/pool';
import { trainSection } from './sections/train';
import { heapSection } from './sections/heap';
import { nmsSection } from './sections/nms';
import { profileSection } from './sections/profile';
import { styleSection } from './sections/style';
import { forwardSection } from './sections/forward';
import { styleProfileSection } from './sections/styleProfile';
import { setFlagsFromString } from 'node:v8';
import { ready, backendName } from '../src/engine/index';
import { fusedMultiplyAdd } from '../src/engine/kernels/index';
import { relaxedSimdSupported } from '../src/engine/kernels/wasm/module';

export const SECTIONS: BenchSection[] = [convSection, poolSection, trainSection, heapSection, nmsSection, styleSection];
/** Ours-only diagnostics, run only when named (`npm run bench -- profile`). */
const ON_REQUEST: BenchSection[] = [profileSection, forwardSection, styleProfileSection];

async function main(): Promise<void> {
  const filter = process.argv.slice(2).join(' ').toLowerCase();
  // Chromium 114+ runs the kernels' relaxed-SIMD build (fused multiply-adds); Node 20 has relaxed
  // SIMD behind a V8 flag: set it, so the bench times what the browser runs. BENCH_RELAXED=0
  // times the plain SIMD128 build instead. (TF.js WASM's XNNPACK build uses no relaxed SIMD.)
  if (process.env.BENCH_RELAXED !== '0' && !relaxedSimdSupported()) setFlagsFromString('--experimental-wasm-relaxed-simd');
  await ready();
  const rows: BenchRow[] = [];
  const t0 = performance.now();
  const named = ON_REQUEST.filter((s) => filter && s.name.toLowerCase().includes(filter));
  for (const s of [...SECTIONS, ...named]) {
    if (filter && !s.name.toLowerCase().includes(filter)) continue;
    const t = performance.now();
    const got = await s.run();
    rows.push(...got);
    // partial results as they come (a long run that is interrupted still tells something)
    console.error(`\n${markdownTable(got)}\n  ${s.name}: ${((performance.now() - t) / 1000).toFixed(1)} s wall`);
  }
  const load = loadavg().map((l) => l.toFixed(1)).join(' / ');
  console.log(`\nNode ${process.version}, ${cpus().length} cores (load average ${load}), ${new Date().toISOString().slice(0, 10)}, one thread; ConvLab on its ${backendName()} kernels${fusedMultiplyAdd() ? ' (relaxed SIMD: fused multiply-add)' : ''};`);
  console.log(`${CLOCK === 'cpu' ? 'CPU time of this process' : 'wall-clock time'}, medians after warm-up; ratio = their time ÷ ours (higher = we are faster).\n`);
  console.log(markdownTable(rows));
  console.log(`\nTotal ${((performance.now() - t0) / 1000).toFixed(0)} s.`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
