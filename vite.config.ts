import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { lessonMetaPlugin } from './src/lessons/vite-plugin.ts';
import { cspPlugin } from './src/app/vite-csp.ts';
import { offlinePlugin } from './src/app/vite-offline.ts';

// base './' lets the built app run from any static path (and from a sub-folder on a host).
export default defineConfig({
  base: './',
  plugins: [react(), lessonMetaPlugin(), cspPlugin(), offlinePlugin()],
  worker: { format: 'es' },
  // manifest: scripts/size.mjs reads it to measure what the course map loads first.
  build: { target: 'es2022', chunkSizeWarningLimit: 800, manifest: true },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
