// `npm run build:wasm`: compile the AssemblyScript kernels (src/engine/kernels/wasm/assembly)
// to src/engine/kernels/wasm/build/kernels.wasm with SIMD128 and -O3 (and kernels-relaxed.wasm
// with relaxed SIMD as well). The .wasm is built
// from source, never committed; it is rebuilt only when a source is newer than it.
// vite.config.ts and bench/vite.config.ts also run this script when they start (plugin below
// in scripts/wasm-plugin), so `npx vite build` and `npx vitest` on a fresh clone find it.
import { mkdirSync, readdirSync, statSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const srcDir = join(root, 'src/engine/kernels/wasm/assembly');
const outDir = join(root, 'src/engine/kernels/wasm/build');
const out = join(outDir, 'kernels.wasm');
const outRelaxed = join(outDir, 'kernels-relaxed.wasm');

const sources = readdirSync(srcDir).filter((f) => f.endsWith('.ts')).map((f) => join(srcDir, f));
const newest = Math.max(...sources.map((f) => statSync(f).mtimeMs), statSync(fileURLToPath(import.meta.url)).mtimeMs);
const current = (f) => existsSync(f) && statSync(f).mtimeMs >= newest;
if (!process.argv.includes('--force') && current(out) && current(outRelaxed)) {
  process.exit(0);
}
mkdirSync(outDir, { recursive: true });
const { default: asc } = await import('assemblyscript/asc');
// Two builds of the same sources: plain SIMD128 (every browser with SIMD), and one with relaxed
// SIMD, whose multiply-adds are fused (gemm.ts: madd); the engine loads the second only where
// the browser validates relaxed SIMD.
for (const [file, features] of [[out, ['simd']], [outRelaxed, ['simd', 'relaxed-simd']]]) {
  const { error, stderr } = await asc.main([
    join(srcDir, 'index.ts'),
    '--outFile', file,
    '-O3', ...features.flatMap((f) => ['--enable', f]),
    // no garbage collector: the kernels never allocate; JavaScript lays out the memory
    '--runtime', 'stub', '--noAssert',
    '--initialMemory', '16',
  ]);
  if (error) {
    console.error(stderr.toString());
    console.error(`build:wasm failed: ${error.message}`);
    process.exit(1);
  }
  console.log(`build:wasm: ${file.slice(root.length)} (${statSync(file).size} bytes)`);
}
