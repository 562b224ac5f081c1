// Build the benchmark for Node: `vite build --config bench/vite.config.ts`, then run
// dist-bench/run.js. TensorFlow.js is bundled (its ESM files use extensionless imports
// Node cannot resolve, and gradients must be registered on the same engine instance).
import { fileURLToPath } from 'node:url';
import { copyFileSync, mkdirSync } from 'node:fs';
import { defineConfig } from 'vite';
import { wasmKernels } from '../scripts/wasm-plugin.ts';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  logLevel: 'warn',
  plugins: [
    wasmKernels(),
    {
      // An SSR build leaves `new URL('./build/kernels.wasm', import.meta.url)` as it is: put the
      // kernels where the bundled chunks will look for them.
      name: 'bench-wasm-kernels',
      writeBundle() {
        for (const file of ['kernels.wasm', 'kernels-relaxed.wasm']) {
          const built = fileURLToPath(new URL(`../src/engine/kernels/wasm/build/${file}`, import.meta.url));
          for (const dir of ['../dist-bench/build/', '../dist-bench/assets/build/']) {
            const d = fileURLToPath(new URL(dir, import.meta.url));
            mkdirSync(d, { recursive: true });
            copyFileSync(built, `${d}${file}`);
          }
        }
      },
    },
  ],
  publicDir: false,
  ssr: { noExternal: ['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-wasm'] },
  build: {
    ssr: 'bench/run.ts',
    outDir: 'dist-bench',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    reportCompressedSize: false,
    // TF.js WASM's Emscripten loader expects CommonJS's require and __dirname
    rollupOptions: {
      output: {
        banner: [
          "import { createRequire as __cjsRequire } from 'node:module';",
          "import { fileURLToPath as __cjsPath } from 'node:url';",
          'const require = __cjsRequire(import.meta.url);',
          'const __filename = __cjsPath(import.meta.url);',
          "const __dirname = __cjsPath(new URL('.', import.meta.url));",
        ].join('\n'),
      },
    },
  },
});
