// A Vite plugin that builds the WebAssembly kernels (scripts/build-wasm.mjs) before Vite,
// Vitest or the bench build reads them; the script returns at once when the .wasm is current.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export function wasmKernels(): Plugin {
  let built = false;
  return {
    name: 'convlab-wasm-kernels',
    buildStart() {
      if (built) return;
      execFileSync(process.execPath, [fileURLToPath(new URL('./build-wasm.mjs', import.meta.url))], { stdio: 'inherit' });
      built = true;
    },
  };
}
