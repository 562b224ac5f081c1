// A Worker stand-in for Node: a real runtime behind a fake port (messages cloned and
// delivered asynchronously, as postMessage does). die() fires the Worker's error event.
import type { WorkerLike } from '../../src/worker/client';
import { createRuntime } from '../../src/worker/runtime';
import type { ToWorker } from '../../src/worker/protocol';

export class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  terminated = false;
  sent: ToWorker[] = [];
  private rt = createRuntime((m) => {
    if (!this.terminated) queueMicrotask(() => this.onmessage?.({ data: m } as MessageEvent));
  });
  postMessage(msg: ToWorker) {
    this.sent.push(msg);
    if (msg.type === 'crash') {
      setTimeout(() => this.die('simulated crash'), 0);
      return;
    }
    const copy = structuredClone(msg);
    queueMicrotask(() => !this.terminated && this.rt.handle(copy));
  }
  die(message: string) {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
  terminate() {
    this.terminated = true;
    for (const id of this.rt.active()) this.rt.handle({ type: 'cancel', id });
  }
}

