// A Worker stand-in for Node: a real runtime behind a fake port (messages cloned and
// delivered asynchronously, as postMessage does). It says 'ready' once "loaded" (unless
// opts.loads is false); opts.hold keeps requests unanswered. die() fires the error event.
import type { WorkerLike } from '../../src/worker/client';
import { createRuntime } from '../../src/worker/runtime';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';

export class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  terminated = false;
  sent: ToWorker[] = [];
  private rt = createRuntime((m) => this.reply(m));
  constructor(private opts: { loads?: boolean; hold?: boolean } = {}) {
    if (opts.loads !== false) this.reply({ type: 'ready' });
  }
  private reply(m: FromWorker) {
    if (!this.terminated) queueMicrotask(() => this.onmessage?.({ data: m } as MessageEvent));
  }
  postMessage(msg: ToWorker) {
    this.sent.push(msg);
    if (this.opts.hold) return;
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

