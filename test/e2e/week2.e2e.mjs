// Week-2 (and week-4 maths) widgets in the real browser: each widget's main metric on its
// lesson page after an interaction, with screenshots in English, Chinese, dark theme and
// presenter mode.
import { W, axeWidgets, toPresenterSlideWith, metric } from './helpers.mjs';

/** Set a range input (React listens to 'input'). */
async function setRange(page, selector, value) {
  await page.$eval(selector, (el, v) => {
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    set.call(el, String(v));
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

export default [
  {
    name: 'week2 inception-cost: 120,422,400 vs 12,443,648; k = 192 costs more; keyboard on the slider (en, zh, dark, presenter)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      const w = W('inception-cost');
      await page.goto(`${baseURL}#/en/lesson/inception-motivation`);
      await page.waitForSelector(`${w} [data-metric="direct-cost"]`);
      assert.equal(await metric(page, w, 'direct-cost'), '120422400');
      assert.equal(await metric(page, w, 'bottleneck-cost'), '12443648');
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'week2-inception-cost-en');
      await page.focus(`${w} input[type="range"]`);
      await page.keyboard.press('ArrowRight'); // k 16 → 17
      assert.equal(await metric(page, w, 'bottleneck-cost'), String(28 * 28 * 17 * 192 + 28 * 28 * 32 * 25 * 17));
      await setRange(page, `${w} input[type="range"]`, 192);
      assert.equal(await metric(page, w, 'bottleneck-cost'), String(28 * 28 * 192 * 192 + 120422400));
      await page.locator(`${w} .ui-callout-mistake`).waitFor();
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'week2-inception-cost-192-en');

      await page.goto(`${baseURL}#/zh/lesson/inception-motivation`);
      await page.waitForSelector(`${w} [data-metric="direct-cost"]`);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'week2-inception-cost-zh');
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(`${baseURL}#/en/lesson/inception-motivation`);
      await page.waitForSelector(`${w} [data-metric="direct-cost"]`);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'week2-inception-cost-dark');
      await toPresenterSlideWith(page, w);
      assert.equal(await metric(page, w, 'direct-cost'), '120422400');
      await shot(page, 'week2-inception-cost-presenter');
      await page.emulateMedia({ colorScheme: 'light' });
    },
  },
  {
    name: 'week2 one-by-one: 6×6×1 per filter, pixel z from the engine, filters → 6×6×n (en, zh, presenter)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      const w = W('one-by-one');
      await page.goto(`${baseURL}#/en/lesson/network-in-network`);
      await page.waitForSelector(`${w} [data-metric="pixel-z"]`);
      assert.equal(await metric(page, w, 'output-shape'), '6x6x1');
      assert.equal(await metric(page, w, 'param-count'), '33');
      assert.equal(await metric(page, w, 'shrink-param-count'), '6176');
      // The engine's z at the chosen pixel = the widget's own sum of the 32 products + b.
      const sumOf = () => page.$$eval(`${w} [data-grid="products"] [data-row]`, (cs) => cs.reduce((a, c) => a + Number(c.getAttribute('data-value')), 0));
      const z0 = Number(await metric(page, w, 'pixel-z'));
      // pick another pixel with the keyboard: focus the input grid, move, Enter
      await page.click(`${w} [data-grid="input"] [data-row="0"][data-col="0"]`);
      await page.waitForFunction((s) => document.querySelector(`${s} .obo-pixel`)?.textContent?.includes('(1, 1)'), w);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await page.waitForFunction((s) => document.querySelector(`${s} .obo-pixel`)?.textContent?.includes('(1, 2)'), w);
      const z1 = Number(await metric(page, w, 'pixel-z'));
      const s1 = await sumOf();
      assert.ok(Math.abs(z1 - (s1 + 1)) < 1e-6, `engine z ${z1} = Σ products ${s1} + b 1`); // filter 1's bias is 1
      assert.ok(Number.isFinite(z0));
      await setRange(page, `${w} input[type="range"]`, 8);
      await page.waitForFunction((s) => document.querySelectorAll(`${s} .obo-map`).length === 8, w);
      assert.equal(await metric(page, w, 'output-shape'), '6x6x8');
      assert.equal(await metric(page, w, 'param-count'), String(33 * 8));
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'week2-one-by-one-en');
      await page.goto(`${baseURL}#/zh/lesson/network-in-network`);
      await page.waitForSelector(`${w} [data-metric="pixel-z"]`);
      await page.locator(`${w} [data-grid="fibre"]`).scrollIntoViewIfNeeded();
      await shot(page, 'week2-one-by-one-zh');
      await page.emulateMedia({ colorScheme: 'dark' });
      await toPresenterSlideWith(page, w);
      await page.locator(`${w} [data-grid="fibre"]`).scrollIntoViewIfNeeded();
      await shot(page, 'week2-one-by-one-presenter-dark');
      await page.emulateMedia({ colorScheme: 'light' });
    },
  },
  {
    name: 'week2 depthwise-separable: 2160 vs 432 + 240 = 672, step through, f too large keeps the input and says why (en, zh, dark presenter)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      const w = W('depthwise-separable');
      await page.goto(`${baseURL}#/en/lesson/mobilenet`);
      await page.waitForSelector(`${w} [data-metric="normal-cost"]`);
      assert.equal(await metric(page, w, 'normal-cost'), '2160');
      assert.equal(await metric(page, w, 'separable-cost'), '672');
      assert.equal(await metric(page, w, 'output-shape'), '4x4x5');
      for (let i = 0; i < 3; i++) await page.click(`${w} [data-action="step"]`);
      assert.equal(await metric(page, w, 'separable-done'), '432'); // depthwise done
      await page.click(`${w} [data-action="step"]`);
      assert.equal(await page.locator(`${w} [data-slices="out"] [data-active]`).count(), 1);
      await page.locator(`${w} [data-action="step"]`).scrollIntoViewIfNeeded();
      await shot(page, 'week2-depthwise-en');
      for (let i = 0; i < 4; i++) await page.click(`${w} [data-action="step"]`);
      assert.equal(await metric(page, w, 'separable-done'), '672');
      // f = 7 does not fit a 6×6 input (valid): the field keeps "7", the reason shows, numbers stay.
      await page.fill(`${w} input[name="f"]`, '7');
      await page.locator(`${w} .ui-error`).first().waitFor();
      assert.equal(await page.inputValue(`${w} input[name="f"]`), '7');
      assert.equal(await metric(page, w, 'normal-cost'), '2160');
      await page.selectOption(`${w} select`, 'same');
      assert.equal(await metric(page, w, 'output-shape'), '6x6x5');
      assert.equal(await metric(page, w, 'normal-cost'), String(6 * 6 * 5 * 49 * 3));
      await page.goto(`${baseURL}#/zh/lesson/mobilenet`);
      await page.waitForSelector(`${w} [data-metric="normal-cost"]`);
      await page.locator(`${w} [data-v2]`).scrollIntoViewIfNeeded();
      await shot(page, 'week2-depthwise-v2-zh');
      await page.emulateMedia({ colorScheme: 'dark' });
      await toPresenterSlideWith(page, w);
      await page.fill(`${w} input[name="nC"]`, '512');
      await page.fill(`${w} input[name="nC2"]`, '512');
      await page.locator(`${w} [data-action="step"]`).scrollIntoViewIfNeeded();
      await page.click(`${w} [data-action="step"]`);
      await shot(page, 'week2-depthwise-presenter-dark');
      await page.emulateMedia({ colorScheme: 'light' });
    },
  },
  {
    name: 'week2 inception-module: four branches → 28×28×256; clicking a branch lists its layers (en, zh, dark presenter)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      const w = W('inception-module');
      await page.goto(`${baseURL}#/en/lesson/inception-network`);
      await page.waitForSelector(`${w} [data-metric="output-shape"]`);
      assert.equal(await metric(page, w, 'output-shape'), '28x28x256');
      await page.click(`${w} [data-branch="b5"]`);
      assert.equal(await metric(page, w, 'branch-multiplies'), '12443648');
      // keyboard: Tab to the pool branch and press Enter
      await page.focus(`${w} [data-branch="pool"]`);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`${w} [data-detail="pool"]`);
      assert.equal(await metric(page, w, 'branch-params'), String(193 * 32));
      assert.equal(await page.locator(`${w} [data-detail="pool"] tbody tr`).count(), 2);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'week2-inception-module-en');
      await page.goto(`${baseURL}#/zh/lesson/inception-network`);
      await page.waitForSelector(`${w} [data-metric="output-shape"]`);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'week2-inception-module-zh');
      await page.emulateMedia({ colorScheme: 'dark' });
      await toPresenterSlideWith(page, w);
      await shot(page, 'week2-inception-module-presenter-dark');
      await page.emulateMedia({ colorScheme: 'light' });
    },
  },
  {
    name: 'week2 residual-block: shrink W[l+2], b[l+2] to 0 → a[l+2] = a[l] with the skip, 0 without; W_s when shapes differ (en, zh, dark presenter)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      const w = W('residual-block');
      await page.goto(`${baseURL}#/en/lesson/why-resnets-work`);
      await page.waitForSelector(`${w} [data-metric="identity-gap"]:not([data-invalid])`);
      assert.ok(Number(await metric(page, w, 'identity-gap')) > 0.1, 'full weights: not the identity');
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'week2-residual-en');
      await page.click(`${w} [data-action="shrink"]`);
      await page.waitForFunction((s) => document.querySelector(`${s} [data-metric="identity-gap"]`)?.getAttribute('data-value') === '0', w, { timeout: 15000 });
      assert.equal(await metric(page, w, 'output'), '0.8,0,1.5,0.3,1.1,0.6');
      await shot(page, 'week2-residual-identity-en');
      await page.click(`${w} [role="switch"] >> nth=0`); // skip off
      await page.waitForFunction((s) => document.querySelector(`${s} [data-metric="output"]`)?.getAttribute('data-value') === '0,0,0,0,0,0', w);
      await page.click(`${w} [role="switch"] >> nth=0`); // skip on
      await page.click(`${w} [role="switch"] >> nth=1`); // a[l] of 4: W_s
      await page.waitForFunction((s) => document.querySelectorAll(`${s} [data-grid="a-l"] [data-row]`).length === 4 && document.querySelector(`${s} [data-metric="output"]`)?.getAttribute('data-value') === '0.8,0,1.5,0.3,0,0', w);
      await page.goto(`${baseURL}#/zh/lesson/resnets`);
      await page.waitForSelector(`${w} [data-metric="identity-gap"]:not([data-invalid])`);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'week2-residual-zh');
      await page.emulateMedia({ colorScheme: 'dark' });
      await toPresenterSlideWith(page, w);
      await shot(page, 'week2-residual-presenter-dark');
      await page.emulateMedia({ colorScheme: 'light' });
    },
  },
  {
    name: 'week2 conv-1d-3d: 1-D 14 → 10×16 stepped by the window, f → 14 − f + 1; 3-D → 10×10×10×16 with the cube moved (en, zh, dark presenter)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      const w1 = `${W('conv-1d-3d')} >> nth=0`;
      await page.goto(`${baseURL}#/en/lesson/1d-and-3d-convolutions`);
      const one = page.locator(W('conv-1d-3d')).nth(0);
      const three = page.locator(W('conv-1d-3d')).nth(1);
      await one.locator('[data-metric="output-shape"]').waitFor();
      assert.equal(await one.locator('[data-metric="output-shape"]').getAttribute('data-value'), '10x16');
      assert.equal(await one.locator('[data-metric="param-count"]').getAttribute('data-value'), '96');
      for (let i = 0; i < 5; i++) await one.locator('[data-action="step"]').click();
      // window 5 covers samples 5..9 of the trace (the QRS spike at sample 7 is in the middle)
      const v = Number(await one.locator('[data-metric="output-value"]').getAttribute('data-value'));
      const ekg = [0, 0.1, 0.2, 0.1, 0, -0.3, 1.6, -0.6, 0, 0.1, 0.3, 0.4, 0.2, 0];
      const spike = [-0.25, -0.25, 1, -0.25, -0.25];
      const expect5 = spike.reduce((s, w, u) => s + w * ekg[4 + u], 0);
      assert.ok(Math.abs(v - expect5) < 1e-5, `y5 = ${v}, by hand ${expect5}`);
      await one.scrollIntoViewIfNeeded();
      await shot(page, 'week2-conv1d-en');
      await setRange(page, `${w1} >> input[type="range"]`, 7);
      assert.equal(await one.locator('[data-metric="output-shape"]').getAttribute('data-value'), '8x16');
      await three.locator('[data-metric="output-value"]:not([data-invalid])').waitFor();
      assert.equal(await three.locator('[data-metric="output-shape"]').getAttribute('data-value'), '10x10x10x16');
      assert.equal(await three.locator('[data-metric="params"]').getAttribute('data-value'), '2016');
      const before = await three.locator('[data-metric="output-value"]').getAttribute('data-value');
      await three.locator('input[type="range"]').nth(0).focus();
      await page.keyboard.press('ArrowLeft'); // depth 9 → 8: off the blob
      await page.waitForFunction((b) => document.querySelectorAll('[data-widget="conv-1d-3d"]')[1].querySelector('[data-metric="output-value"]').getAttribute('data-value') !== b, before);
      await three.scrollIntoViewIfNeeded();
      await shot(page, 'week2-conv3d-en');
      await page.goto(`${baseURL}#/zh/lesson/1d-and-3d-convolutions`);
      await page.locator(W('conv-1d-3d')).nth(1).locator('[data-metric="output-value"]:not([data-invalid])').waitFor();
      await page.locator(W('conv-1d-3d')).nth(1).scrollIntoViewIfNeeded();
      await shot(page, 'week2-conv3d-zh');
      await page.emulateMedia({ colorScheme: 'dark' });
      await toPresenterSlideWith(page, W('conv-1d-3d'));
      for (let i = 0; i < 3; i++) await page.locator(W('conv-1d-3d')).nth(0).locator('[data-action="step"]').click();
      await shot(page, 'week2-conv1d-presenter-dark');
      await page.emulateMedia({ colorScheme: 'light' });
    },
  },
  {
    name: 'week2 gram-matrix: lesson example G = [[6,3],[3,3]]; editing G to equal S → style cost 0; moving a channel (en, zh, dark presenter)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      const w = W('gram-matrix');
      await page.goto(`${baseURL}#/en/lesson/style-cost`);
      await page.waitForSelector(`${w} [data-metric="style-cost"]`);
      assert.equal(await metric(page, w, 'gram-s'), '6,3,3,3');
      assert.equal(await metric(page, w, 'gram-g'), '2,1,1,3');
      assert.ok(Math.abs(Number(await metric(page, w, 'style-cost')) - 24 / 256) < 1e-9);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'week2-gram-en');
      // type 2 into G channel 1 at row 2, column 1 (keyboard editing): G becomes S
      await page.click(`${w} [data-grid="g-ch1"] [data-row="1"][data-col="0"]`);
      await page.keyboard.press('2');
      await page.keyboard.press('Enter');
      await page.waitForFunction((s) => document.querySelector(`${s} [data-metric="style-cost"]`)?.getAttribute('data-value') === '0', w);
      assert.equal(await metric(page, w, 'gram-g'), '6,3,3,3');
      await page.click(`${w} [data-action="move-2"]`);
      await page.waitForFunction((s) => document.querySelector(`${s} [data-metric="gram-g"]`)?.getAttribute('data-value') === '6,4,4,3', w);
      await page.selectOption(`${w} select >> nth=0`, '3');
      await page.waitForFunction((s) => document.querySelector(`${s} [data-metric="gram-s"]`)?.getAttribute('data-value')?.split(',').length === 9, w);
      await page.goto(`${baseURL}#/zh/lesson/style-cost`);
      await page.waitForSelector(`${w} [data-metric="style-cost"]`);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'week2-gram-zh');
      await page.emulateMedia({ colorScheme: 'dark' });
      await toPresenterSlideWith(page, w);
      await shot(page, 'week2-gram-presenter-dark');
      await page.emulateMedia({ colorScheme: 'light' });
    },
  },
  {
    name: 'week2 axe: the week-2/4 widgets have no serious accessibility violations (light and dark)',
    async run({ newPage, baseURL, assert }) {
      const page = await newPage();
      const pages = [
        ['inception-motivation', 'inception-cost'], ['network-in-network', 'one-by-one'], ['mobilenet', 'depthwise-separable'],
        ['inception-network', 'inception-module'], ['why-resnets-work', 'residual-block'], ['1d-and-3d-convolutions', 'conv-1d-3d'], ['style-cost', 'gram-matrix'],
      ];
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const [lesson, widget] of pages) {
          // dark: the widgets with the most colour (keeps this test short)
          if (scheme === 'dark' && !['depthwise-separable', 'inception-module', 'residual-block', 'conv-1d-3d'].includes(widget)) continue;
          await page.goto(`${baseURL}#/en/lesson/${lesson}`);
          await page.waitForSelector(`${W(widget)} [data-metric]:not([data-invalid])`);
          await page.waitForTimeout(200);
          await axeWidgets(page, W(widget), `${widget} (${scheme})`, assert);
        }
      }
      await page.emulateMedia({ colorScheme: 'light' });
    },
  },
];
