// Every test file starts on the back end the app runs on: the WebAssembly SIMD kernels once
// ready() has loaded them. The `engine-js` Vitest project (vite.config.ts) sets
// CONVLAB_BACKEND=js and runs the engine's tests again on the scalar-JS kernels.
import { ready, useBackend, backendName } from '../../src/engine/index';
import { relaxedSimdSupported } from '../../src/engine/kernels/wasm/module';

// Chromium (114+) and Node 22+ validate relaxed SIMD, so the app runs the fused build; Node 20
// has it behind a V8 flag: set it, so the tests run what the browser runs (wasm.test.ts also
// checks the plain SIMD128 build).
if (!relaxedSimdSupported()) (await import('node:v8')).setFlagsFromString('--experimental-wasm-relaxed-simd');

const want = process.env.CONVLAB_BACKEND === 'js' ? 'js' : 'wasm';
await ready();
useBackend(want);
if (backendName() !== want) throw new Error(`backend.setup: wanted ${want}, running ${backendName()}`);
