import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { lessonMetaPlugin } from './src/lessons/vite-plugin.ts';
import { cspPlugin } from './src/app/vite-csp.ts';
import { wasmKernels } from './scripts/wasm-plugin.ts';
import { faceModels } from './scripts/face-plugin.ts';
import { offlinePlugin } from './src/app/vite-offline.ts';

// base './' lets the built app run from any static path (and from a sub-folder on a host).
export default defineConfig({
  base: './',
  plugins: [wasmKernels(), faceModels(), react(), lessonMetaPlugin(), cspPlugin(), offlinePlugin()],
  worker: { format: 'es' },
  // manifest: scripts/size.mjs reads it to measure what the course map loads first.
  build: { target: 'es2022', chunkSizeWarningLimit: 800, manifest: true },
  test: {
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    setupFiles: ['test/engine/backend.setup.ts'],
    // the whole suite on the WebAssembly kernels, and the engine's tests again on the JS ones
    projects: [
      { extends: true, test: { name: 'wasm', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'] } },
      { extends: true, test: { name: 'engine-js', include: ['test/engine/**/*.test.ts'], env: { CONVLAB_BACKEND: 'js' } } },
    ],
  },
});
