// Every test file starts on the back end the app runs on: the WebAssembly SIMD kernels once
// ready() has loaded them. The `engine-js` Vitest project (vite.config.ts) sets
// CONVLAB_BACKEND=js and runs the engine's tests again on the scalar-JS kernels.
import { ready, useBackend, backendName } from '../../src/engine/index';

const want = process.env.CONVLAB_BACKEND === 'js' ? 'js' : 'wasm';
await ready();
useBackend(want);
if (backendName() !== want) throw new Error(`backend.setup: wanted ${want}, running ${backendName()}`);
