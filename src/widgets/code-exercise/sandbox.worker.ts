// The sandbox: one dedicated worker per run, loaded from a same-origin URL (a blob: worker
// would inherit the page's content-security policy, which forbids evaluating code). A worker
// already has no DOM and no access to the page; before any student code runs, this one also
// loses every way out — network, storage, other workers, messages to the page — and, once
// the code is compiled, any way to build new code from strings. The page enforces the time
// limit by terminating the worker.
import { runStudent, type RunRequest } from './runner';
import { studentHelpers } from './helpers';

const scope = self as unknown as Record<string, unknown>;
const post = self.postMessage.bind(self);

const CLOSED = [
  'fetch', 'fetchLater', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport', 'importScripts',
  'indexedDB', 'caches', 'BroadcastChannel', 'Worker', 'SharedWorker', 'postMessage', 'close', 'navigator',
  'setTimeout', 'setInterval', 'queueMicrotask', 'requestAnimationFrame',
];

function shut(target: Record<string, unknown>, name: string, value: unknown = undefined): void {
  try {
    Object.defineProperty(target, name, { value, writable: false, configurable: false });
  } catch {
    // an own non-configurable property we cannot redefine: leave it
  }
}

for (const name of CLOSED) shut(scope, name);

/** No eval, no Function(...), no string timers: only the code that was compiled can run. */
function noCodeGeneration(): void {
  const refuse = () => {
    throw new EvalError('building code from strings is switched off in exercises');
  };
  for (const make of [function () {}, async function () {}, function* () {}, async function* () {}]) {
    shut(Object.getPrototypeOf(make) as Record<string, unknown>, 'constructor', refuse);
  }
  shut(scope, 'Function', refuse);
  shut(scope, 'eval', refuse);
}

self.onmessage = (e: MessageEvent<RunRequest>) => {
  shut(scope, 'onmessage', null);
  post(runStudent(e.data, studentHelpers, noCodeGeneration));
};
