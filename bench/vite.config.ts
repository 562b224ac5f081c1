// Build the benchmark for Node: `vite build --config bench/vite.config.ts`, then run
// dist-bench/run.js. TensorFlow.js is bundled (its ESM files use extensionless imports
// Node cannot resolve, and gradients must be registered on the same engine instance).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  logLevel: 'warn',
  publicDir: false,
  ssr: { noExternal: ['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu'] },
  build: {
    ssr: 'bench/run.ts',
    outDir: 'dist-bench',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    reportCompressedSize: false,
  },
});
