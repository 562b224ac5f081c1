// Week-1 widgets in the real browser: the convolution stepper stepped to the end, the
// output-size widget's formula and impossible case, pooling and conv-volume hooks; with
// screenshots in English, Chinese, dark theme and presenter mode.
import { W, metric, axeWidgets as axeOn } from './helpers.mjs';

/** axe on the widgets only (every [data-widget]): serious or critical violations fail, with their targets. */
const axeWidgets = (page, label, assert) => axeOn(page, '[data-widget]', label, assert);

async function readGrid(page, scope, grid) {
  return page.$$eval(`${scope} [data-grid="${grid}"] [data-row]`, (cells) =>
    cells.map((c) => ({ r: Number(c.getAttribute('data-row')), c: Number(c.getAttribute('data-col')), v: c.getAttribute('data-value') })));
}

async function typeInto(page, selector, text) {
  await page.fill(selector, '');
  await page.type(selector, text);
}

export default [
  {
    name: 'conv-stepper: step to the end on the lecture 6×6 → every row 0 30 30 0 (en, zh, dark, presenter shots)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lesson/edge-detection`);
      const w = W('conv-stepper');
      await page.waitForSelector(`${w} [data-grid="output"]`);
      assert.equal(await metric(page, w, 'output-size'), '4x4');
      // Step with the button until the step metric says 16.
      for (let i = 0; i < 16; i++) await page.click(`${w} [data-action="step"]`);
      await page.waitForFunction((s) => document.querySelector(`${s} [data-metric="step"]`)?.getAttribute('data-value') === '16', w);
      await page.waitForFunction((s) => [...document.querySelectorAll(`${s} [data-grid="output"] [data-row]`)].every((c) => c.getAttribute('data-value') !== ''), w);
      const cells = await readGrid(page, w, 'output');
      const rows = [0, 1, 2, 3].map((r) => cells.filter((c) => c.r === r).sort((a, b) => a.c - b.c).map((c) => Number(c.v)));
      assert.deepEqual(rows, [[0, 30, 30, 0], [0, 30, 30, 0], [0, 30, 30, 0], [0, 30, 30, 0]]);
      assert.equal(await metric(page, w, 'output-cell'), '0'); // the last window sits on the flat right half
      // Reset, then the keyboard: → steps once from the controls.
      await page.click(`${w} [data-action="reset"]`);
      await page.focus(`${w} [data-action="start"]`);
      await page.keyboard.press('ArrowRight');
      assert.equal(await metric(page, w, 'step'), '1');
      await page.keyboard.press('ArrowRight');
      assert.equal(await metric(page, w, 'output-cell'), '30');
      // Hovering an output cell highlights its input window (a dashed rectangle appears).
      await page.hover(`${w} [data-grid="output"] [data-row="2"][data-col="1"]`);
      // its window (rows 2–4, cols 1–3) is outlined on the input, next to the current window
      const inRects = await page.$$eval(`${w} [data-grid="input"] .ui-grid-highlight`, (rs) => rs.map((r) => [Math.round(Number(r.getAttribute('x'))), Math.round(Number(r.getAttribute('y'))), Math.round(Number(r.getAttribute('width')))]));
      assert.deepEqual(inRects.at(-1), [1, 2, 3]);
      // and the other way: hovering input (3, 3) outlines the 3×3 block of outputs that use it
      await page.hover(`${w} [data-grid="input"] [data-row="3"][data-col="3"]`);
      assert.equal(await page.locator(`${w} [data-grid="output"] .ui-grid-highlight`).count(), 1 + 9);
      await page.hover(`${w} [data-grid="output"] [data-row="2"][data-col="1"]`);
      await page.locator(w).first().scrollIntoViewIfNeeded();
      await shot(page, 'week1a-stepper-en');

      // Mirror image via the preset select → 0 −30 −30 0.
      await page.selectOption(`${w} select >> nth=0`, 'vertical-edge-6x6-mirror');
      await page.click(`${w} [data-action="start"]`);
      await page.waitForFunction((s) => document.querySelector(`${s} [data-metric="step"]`)?.getAttribute('data-value') === '16', w, { timeout: 30000 });
      const mirror = await readGrid(page, w, 'output');
      assert.deepEqual(mirror.filter((c) => c.r === 0).sort((a, b) => a.c - b.c).map((c) => Number(c.v)), [0, -30, -30, 0]);

      await page.goto(`${baseURL}#/zh/lesson/edge-detection`);
      await page.waitForSelector(`${w} [data-grid="output"]`);
      for (let i = 0; i < 5; i++) await page.click(`${w} [data-action="step"]`);
      await page.locator(w).first().scrollIntoViewIfNeeded();
      await shot(page, 'week1a-stepper-zh');

      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(`${baseURL}#/en/lesson/more-edge-detection`);
      await page.waitForSelector(`${w} [data-grid="output"]`);
      for (let i = 0; i < 6; i++) await page.click(`${w} [data-action="step"]`);
      await page.locator(w).first().scrollIntoViewIfNeeded();
      await shot(page, 'week1a-stepper-dark');
      await page.emulateMedia({ colorScheme: 'light' });
    },
  },
  {
    name: 'output-size: n, f, p, s → data-metric output-size; floor case; same f=4; impossible case shows why',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lesson/padding`);
      const w = W('output-size');
      await page.waitForSelector(`${w} [data-metric="output-size"]`);
      assert.equal(await metric(page, w, 'output-size'), '6'); // n 6, f 3, p 1, s 1
      await typeInto(page, `${w} input[name="n"]`, '7');
      await typeInto(page, `${w} input[name="p"]`, '0');
      await typeInto(page, `${w} input[name="s"]`, '2');
      assert.equal(await metric(page, w, 'output-size'), '3'); // errata: 7×7, f3, s2 → 3×3
      await typeInto(page, `${w} input[name="n"]`, '8');
      assert.equal(await metric(page, w, 'output-size'), '3'); // ⌊5/2⌋ + 1
      assert.equal(await page.locator(`${w} [data-unreached]`).count(), 2, 'one row and one column greyed');
      await page.locator(w).first().scrollIntoViewIfNeeded();
      await shot(page, 'week1a-output-size-floor-en');
      // same padding with an even filter: asymmetric
      await page.selectOption(`${w} select`, 'same');
      await typeInto(page, `${w} input[name="f"]`, '4');
      await typeInto(page, `${w} input[name="s"]`, '1');
      assert.equal(await metric(page, w, 'output-size'), '8');
      await shot(page, 'week1a-output-size-same-even');
      // impossible: f > n + 2p — red field with the reason, the typed value kept, no number shown
      await page.selectOption(`${w} select`, 'number');
      await typeInto(page, `${w} input[name="p"]`, '0');
      await typeInto(page, `${w} input[name="f"]`, '12');
      assert.equal(await page.inputValue(`${w} input[name="f"]`), '12');
      assert.equal(await page.getAttribute(`${w} input[name="f"]`, 'aria-invalid'), 'true');
      assert.match(await page.textContent(`${w} [data-error]`), /larger than the padded input/);
      assert.equal(await metric(page, w, 'output-size'), '');
      await typeInto(page, `${w} input[name="s"]`, '0');
      assert.match(await page.textContent(`${w} .ui-invalid:has(input[name="s"]) [data-error]`), /at least 1/);
      await shot(page, 'week1a-output-size-impossible');

      await page.goto(`${baseURL}#/zh/lesson/padding`);
      await page.waitForSelector(`${w} [data-metric="output-size"]`);
      await page.locator(w).first().scrollIntoViewIfNeeded();
      await shot(page, 'week1a-output-size-zh');
      // presenter mode: enter, then step slides until the widget shows
      await page.goto(`${baseURL}#/en/lesson/padding`);
      await page.click('[data-control="presenter"]');
      for (let i = 0; i < 8 && !(await page.locator(w).isVisible()); i++) await page.keyboard.press('ArrowRight');
      assert.ok(await page.locator(w).isVisible(), 'output-size visible in presenter mode');
      await shot(page, 'week1a-output-size-presenter');
    },
  },
  {
    name: 'pooling and conv-volume: hooks and numbers (max 9 2 / 6 3; 280 parameters)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lesson/pooling-layers`);
      const p = `${W('pooling')} >> nth=0`;
      await page.waitForSelector(`${W('pooling')} [data-metric="output-size"]`);
      assert.equal(await page.locator(p).locator('[data-metric="output-size"]').getAttribute('data-value'), '2x2');
      assert.equal(await page.locator(p).locator('[data-metric="param-count"]').getAttribute('data-value'), '0');
      for (let i = 0; i < 4; i++) await page.locator(p).locator('[data-action="step"]').click();
      await page.waitForFunction(() => [...document.querySelectorAll('[data-widget="pooling"] [data-grid="output-0"] [data-row]')].slice(0, 4).every((c) => c.getAttribute('data-value') !== ''));
      const vals = await page.locator(p).locator('[data-grid="output-0"] [data-row]').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('data-value'))));
      assert.deepEqual(vals, [9, 2, 6, 3]);
      await page.locator(p).scrollIntoViewIfNeeded();
      await shot(page, 'week1a-pooling-en');

      await page.goto(`${baseURL}#/en/lesson/one-layer-of-a-cnn`);
      const v = W('conv-volume');
      await page.waitForSelector(`${v} [data-metric="param-count"]`);
      assert.equal(await metric(page, v, 'param-count'), '280');
      assert.equal(await metric(page, v, 'output-shape'), '4x4x10');
      await typeInto(page, `${v} input[name="filters"]`, '2');
      assert.equal(await metric(page, v, 'param-count'), '56');
      await page.click(`${v} [data-action="step"]`);
      await page.waitForSelector(`${v} [data-metric="cell-z"]`);
      await page.locator(v).scrollIntoViewIfNeeded();
      await shot(page, 'week1a-conv-volume-en');
    },
  },
  {
    name: 'axe-week1a: the week-1a widgets have no serious violations (light and dark, after stepping)',
    async run({ newPage, baseURL, assert }) {
      const page = await newPage();
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        const all = [['edge-detection', 'conv-stepper'], ['padding', 'output-size'], ['pooling-layers', 'pooling'], ['one-layer-of-a-cnn', 'conv-volume']];
        // dark: the two widgets with the most colour (keeps this test short)
        for (const [id, widget] of scheme === 'light' ? all : [all[0], all[3]]) {
          await page.goto(`${baseURL}#/en/lesson/${id}`);
          await page.waitForSelector(`${W(widget)} [data-action="start"]`);
          await page.locator(`${W(widget)} [data-action="reset"]`).first().click(); // output-size auto-plays
          await page.locator(`${W(widget)} [data-action="step"]`).first().click();
          await page.locator(`${W(widget)} [data-action="step"]`).first().click();
          await axeWidgets(page, `${scheme} ${id}`, assert);
        }
      }
    },
  },
];
