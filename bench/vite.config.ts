// Build the benchmark for Node: `vite build --config bench/vite.config.ts`, then run
// dist-bench/run.js. TensorFlow.js is bundled (its ESM files use extensionless imports
// Node cannot resolve, and gradients must be registered on the same engine instance).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { wasmKernels } from '../scripts/wasm-plugin.ts';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  logLevel: 'warn',
  plugins: [wasmKernels()],
  publicDir: false,
  ssr: { noExternal: ['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-wasm'] },
  build: {
    ssr: 'bench/run.ts',
    outDir: 'dist-bench',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    reportCompressedSize: false,
  },
});
