// A Worker stand-in for Node: a real runtime behind a fake port (messages cloned and
// delivered asynchronously, as postMessage does). It says 'ready' once "loaded" (unless
// opts.loads is false); opts.hold keeps requests unanswered. die() fires the error event;
// silence() makes it stop answering without any event (as a worker that called close()).
// opts.busyMs makes each request occupy the worker that long, messages handled in order.
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
  silent = false;
  private queue: Promise<void> = Promise.resolve();
  constructor(private opts: { loads?: boolean; hold?: boolean; busyMs?: number } = {}) {
    if (opts.loads !== false) this.reply({ type: 'ready' });
  }
  private reply(m: FromWorker) {
    if (!this.terminated && !this.silent) queueMicrotask(() => this.onmessage?.({ data: m } as MessageEvent));
  }
  postMessage(msg: ToWorker) {
    this.sent.push(msg);
    if (this.opts.hold) return;
    if (msg.type === 'crash') {
      setTimeout(() => this.die('simulated crash'), 0);
      return;
    }
    const copy = structuredClone(msg);
    if (this.opts.busyMs !== undefined) {
      const ms = msg.type === 'request' ? this.opts.busyMs : 0;
      this.queue = this.queue.then(() => new Promise<void>((r) => setTimeout(r, ms))).then(() => {
        if (!this.terminated && !this.silent) this.rt.handle(copy);
      });
      return;
    }
    queueMicrotask(() => !this.terminated && !this.silent && this.rt.handle(copy));
  }
  silence() {
    this.silent = true;
    for (const id of this.rt.active()) this.rt.handle({ type: 'cancel', id });
  }
  die(message: string) {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
  terminate() {
    this.terminated = true;
    for (const id of this.rt.active()) this.rt.handle({ type: 'cancel', id });
  }
}

