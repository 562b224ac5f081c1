// @vitest-environment happy-dom
import { act, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WidgetHost } from '../../src/lessons/WidgetHost';
import { LangContext } from '../../src/ui/i18n';
import { schema, int } from '../../src/widgets/params';
import type { WidgetSpec } from '../../src/widgets/types';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Boom(): never {
  throw new Error('kaboom');
}

// The host reads a test registry, never the real one (which other tests and lessons use).
const registry = vi.hoisted(() => ({}) as Record<string, WidgetSpec<any>>); // eslint-disable-line @typescript-eslint/no-explicit-any -- a stand-in registry holds widgets of any params type
vi.mock('../../src/widgets/registry', () => ({ registry, isRegistered: (name: string) => Object.hasOwn(registry, name) }));

registry['test-ok'] = {
  component: lazy(async () => ({ default: ({ params }: { params: { n: number } }) => <p data-n={params.n}>n = {params.n}</p> })),
  defaults: { n: 1 },
  validate: schema({ n: int(1, 9) }, { n: 1 }),
};
registry['test-crash'] = { component: lazy(async () => ({ default: Boom })), defaults: {}, validate: () => ({ ok: true, params: {} }) };

let root: ReturnType<typeof createRoot> | null = null;
async function render(node: React.ReactNode, lang: 'en' | 'zh' = 'en') {
  const el = document.createElement('div');
  document.body.append(el);
  root = createRoot(el, { onCaughtError: () => {} });
  await act(async () => root!.render(<LangContext.Provider value={lang}>{node}</LangContext.Provider>));
  await act(async () => new Promise((r) => setTimeout(r, 10)));
  return el;
}
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

describe('WidgetHost', () => {
  it('renders a registered widget with data-widget and params merged over defaults', async () => {
    const el = await render(<WidgetHost name="test-ok" params={{ n: 4 }} />);
    expect(el.querySelector('[data-widget="test-ok"] [data-n="4"]')).not.toBeNull();
    const el2 = await render(<WidgetHost name="test-ok" params={{}} />);
    expect(el2.querySelector('[data-n="1"]')).not.toBeNull();
  });
  it('lists invalid params in a red panel, without data-widget', async () => {
    const el = await render(<WidgetHost name="test-ok" params={{ n: 12, x: 1 }} />);
    const panel = el.querySelector('.widget-invalid')!;
    expect(panel.textContent).toMatch(/n must be between 1 and 9, got 12/);
    expect(panel.textContent).toMatch(/unknown param "x"/);
    expect(el.querySelector('[data-widget]')).toBeNull();
  });
  it('shows a bilingual coming-soon panel for unregistered names, without data-widget', async () => {
    // A lesson may name a widget before it is registered (it lands in a later change).
    const name = 'planned-widget';
    const en = await render(<WidgetHost name={name} params={{}} />);
    const panel = en.querySelector(`[data-pending-widget="${name}"]`)!;
    expect(panel.textContent).toMatch(/being built/);
    expect(panel.textContent).toContain(name);
    expect(en.querySelector('[data-widget]')).toBeNull();
    const zh = await render(<WidgetHost name={name} params={{}} />, 'zh');
    expect(zh.textContent).toContain('正在制作');
  });
  it('a crashing widget shows a readable message in place and can be retried', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const el = await render(
      <>
        <WidgetHost name="test-crash" params={{}} />
        <p id="after">rest of the lesson</p>
      </>,
    );
    expect(el.querySelector('[data-widget="test-crash"] .widget-error')!.textContent).toMatch(/kaboom/);
    expect(el.querySelector('#after')).not.toBeNull();
    expect(el.querySelector('.widget-error button')).not.toBeNull();
  });
});
