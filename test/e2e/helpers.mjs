// Helpers shared by the browser tests (the runners load only *.e2e.mjs, so this module is not a
// test file): widget selector, data-metric reads and waits, axe on a widget, presenter slide.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const AXE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', 'axe-core', 'axe.min.js');
let axeSource = null;

/**
 * Put axe into the page. Not with addScriptTag: that adds an inline <script>, which the
 * app's content-security policy blocks (and the runner fails the test on the violation).
 * Evaluated through the DevTools protocol instead, which the policy does not govern.
 */
export async function addAxe(page) {
  axeSource ??= readFileSync(AXE, 'utf8');
  if (await page.evaluate(() => typeof window.axe === 'object')) return;
  await page.evaluate(axeSource);
}

/** The root of a widget by its registry name. */
export const W = (name) => `[data-widget="${name}"]`;

/** axe on the first element matching selector: no serious or critical violation. */
export async function axeWidget(page, selector, label, assert) {
  await addAxe(page);
  const result = await page.evaluate(async (sel) => {
    const r = await axe.run(document.querySelector(sel), { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, selector);
  assert.deepEqual(result, [], `axe on ${label}`);
}

/** axe on every element matching selector: serious or critical violations fail, with their targets. */
export async function axeWidgets(page, selector, label, assert) {
  await addAxe(page);
  const bad = await page.evaluate(async (sel) => {
    const r = await window.axe.run({ include: [...document.querySelectorAll(sel)].map((e) => [e]) }, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, selector);
  assert.deepEqual(bad, [], `${label}: axe violations`);
}

/** The raw value (data-value) of data-metric="name" inside scope. */
export const metric = (page, scope, name) => page.getAttribute(`${scope} [data-metric="${name}"]`, 'data-value');

/**
 * Wait until data-metric="name" inside scope has a non-empty value v for which the JS
 * expression pred holds. pred is evaluated here in Node, on the value read from the page: the
 * app's content-security policy (no 'unsafe-eval') refuses code made from strings in the page.
 */
export async function waitMetric(page, scope, name, pred, timeout = 10000) {
  // eslint-disable-next-line no-new-func -- the predicate is test code written as text, run here in Node
  const test = new Function('v', `return ${pred}`);
  const sel = `${scope} [data-metric="${name}"]`;
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await page.evaluate((s) => document.querySelector(s)?.getAttribute('data-value') ?? null, sel);
    if (last != null && last !== '' && test(last)) return;
    if (Date.now() > end) throw new Error(`waitMetric: ${name} never satisfied ${pred} within ${timeout} ms (last value ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Turn presenter mode on and step slides until the element matching selector is visible. */
export async function toPresenterSlideWith(page, selector) {
  await page.click('[data-control="presenter"]');
  await page.waitForSelector('html.presenting');
  for (let i = 0; i < 8 && !(await page.locator(selector).isVisible()); i++) {
    await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(150);
  }
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
}
