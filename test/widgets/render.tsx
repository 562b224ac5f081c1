// Shared DOM set-up for the widget tests (happy-dom): mount a React element inside a language,
// unmount and remove every mounted host after each test, read a data-metric's raw value, type
// into an input the way React hears it. Importing this module registers the afterEach clean-up.
import { afterEach } from 'vitest';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { LangContext, type Lang } from '../../src/ui/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: { root: Root; host: HTMLElement }[] = [];
afterEach(() => {
  for (const { root, host } of mounted.splice(0)) {
    act(() => root.unmount());
    host.remove();
  }
});

function attach(): { root: Root; host: HTMLElement } {
  const host = document.createElement('div');
  document.body.appendChild(host);
  const m = { root: createRoot(host), host };
  mounted.push(m);
  return m;
}

/** Render `node` in `lang` into a fresh host in the document; returns the host. */
export function mount(node: ReactNode, lang: Lang = 'en'): HTMLElement {
  const { root, host } = attach();
  act(() => root.render(<LangContext.Provider value={lang}>{node}</LangContext.Provider>));
  return host;
}

/** Render `node` in `lang` again into a host made by mount (same root: state is kept). */
export function rerender(host: HTMLElement, node: ReactNode, lang: Lang = 'en') {
  const m = mounted.find((x) => x.host === host);
  if (!m) throw new Error('rerender: host was not mounted by mount()');
  act(() => m.root.render(<LangContext.Provider value={lang}>{node}</LangContext.Provider>));
}

/** Unmount and remove a host made by mount before the test ends (to mount another one). */
export function unmount(host: HTMLElement) {
  const i = mounted.findIndex((x) => x.host === host);
  if (i < 0) throw new Error('unmount: host was not mounted by mount()');
  const [m] = mounted.splice(i, 1);
  act(() => m.root.unmount());
  m.host.remove();
}

/** Like mount, but awaits the render's effects (widgets that ask the worker on mount). */
export async function mountAsync(node: ReactNode, lang: Lang = 'en'): Promise<HTMLElement> {
  const { root, host } = attach();
  await act(async () => root.render(<LangContext.Provider value={lang}>{node}</LangContext.Provider>));
  return host;
}

/** The raw value (data-value) of the element with data-metric="name" inside h. */
export const metric = (h: HTMLElement, name: string) => h.querySelector(`[data-metric="${name}"]`)?.getAttribute('data-value');

/** Type text into an input: set the value through the native setter, then fire 'input'. */
export function type(el: HTMLInputElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(el, text);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Let timers and promises run (inside act) until cond holds; throws 'timed out' after ms. */
export async function until(cond: () => boolean, ms: number) {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await act(async () => new Promise((r) => setTimeout(r, 20)));
  }
}
