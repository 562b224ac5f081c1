// ping: the smallest request. The system check uses it to show that the worker answers and
// how long a round trip takes; tests use it to prove a restarted worker works again.
import { backendName } from '../../../engine/index';
import { defineRequest } from '../../../worker/job';

export interface PingArgs {
  echo?: string;
}

export interface PingResult {
  echo: string;
  /** true when this ran inside a dedicated worker (not on the page's main thread). */
  inWorker: boolean;
  /** The engine's kernels: 'wasm' (WebAssembly SIMD) or 'js' (where SIMD is missing). */
  backend: 'wasm' | 'js';
}

export const ping = defineRequest<PingArgs, PingResult>((args) => ({
  echo: args.echo ?? 'pong',
  inWorker: typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined',
  backend: backendName(),
}));
