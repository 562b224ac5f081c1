// The worker entry: a thin switch that hands messages to the pure runtime. Everything that
// can be tested without a Worker lives in runtime.ts, jobs.ts and the widgets' job files.
/// <reference lib="webworker" />
import { createRuntime } from './runtime';
import type { FromWorker, ToWorker } from './protocol';
import { ready } from '../engine/index';

// The WebAssembly SIMD kernels load first (same-origin asset); if they cannot, the JS ones run.
const engineReady = ready().catch(() => undefined);

const scope = self as unknown as DedicatedWorkerGlobalScope;

const runtime = createRuntime((msg: FromWorker, transfer: Transferable[]) => scope.postMessage(msg, transfer));

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  switch (msg.type) {
    case 'crash':
      // Die the way a real bug would: an uncaught exception outside any job, which the
      // page sees as the Worker's `error` event (and then restarts us).
      setTimeout(() => {
        throw new Error('simulated crash (requested by the page)');
      }, 0);
      return;
    default:
      void engineReady.then(() => runtime.handle(msg));
  }
};

void engineReady.then(() => scope.postMessage({ type: 'ready' } satisfies FromWorker));
