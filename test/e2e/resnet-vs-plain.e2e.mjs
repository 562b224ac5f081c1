// resnet-vs-plain in the real browser: training runs in the worker and both training losses
// fall at 8 conv layers; at 32 the plain network stays behind the residual one. Screenshots
// in English and Chinese.
import { W, axeWidget, metric } from './helpers.mjs';

/** Poll the step metric from the test side (no string evaluated in the page: the CSP forbids it). */
async function waitSteps(page, w, n, timeout = 150_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const v = Number((await metric(page, w, 'step')) ?? 0);
    if (v >= n) return v;
    if (Date.now() > until) throw new Error(`step stayed at ${v} < ${n}`);
    await page.waitForTimeout(250);
  }
}

const LN10 = Math.log(10);

export default [
  {
    name: 'resnet-vs-plain: both losses fall at 8 layers; at 32 the plain network stays behind (en, zh)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      const w = W('resnet-vs-plain');
      await page.goto(`${baseURL}#/en/lesson/resnets`);
      await page.waitForSelector(`${w} [data-action="start"]`);
      assert.equal(await metric(page, w, 'depth'), '32');
      // shallow: both networks learn
      await page.selectOption(`${w} select >> nth=0`, '8');
      assert.equal(await metric(page, w, 'depth'), '8');
      await page.click(`${w} [data-action="start"]`);
      await waitSteps(page, w, 250);
      await page.click(`${w} [data-action="pause"]`);
      const plain8 = Number(await metric(page, w, 'plain-train-loss'));
      const residual8 = Number(await metric(page, w, 'residual-train-loss'));
      assert.ok(plain8 < 0.85 * LN10, `plain loss at 8 layers fell: ${plain8}`);
      assert.ok(residual8 < 0.7 * LN10, `residual loss at 8 layers fell: ${residual8}`);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'resnet-vs-plain-8-en');
      await axeWidget(page, w, 'resnet-vs-plain', assert);

      // deep: the plain network stays near ln 10, the residual one falls
      await page.selectOption(`${w} select >> nth=0`, '32');
      await page.click(`${w} [data-action="start"]`);
      await waitSteps(page, w, 100);
      await page.click(`${w} [data-action="pause"]`);
      const plain32 = Number(await metric(page, w, 'plain-train-loss'));
      const residual32 = Number(await metric(page, w, 'residual-train-loss'));
      assert.ok(plain32 > residual32 + 0.3, `at 32 layers plain ${plain32} > residual ${residual32}`);
      await page.waitForSelector(`${w} [data-grads="plain"] rect`, { state: 'attached' });
      // every plain layer's bar is visible at 32 layers (the axis follows the smallest norm)
      const heights = await page.locator(`${w} [data-grads="plain"] rect`).evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('height'))));
      assert.equal(heights.length, 32);
      assert.ok(heights.every((h) => h >= 1.5), `plain bars all visible: ${heights.join(',')}`);
      const lost = Number(await metric(page, w, 'plain-gradient-decades'));
      assert.ok(Number.isFinite(lost), `plain decades lost is a number: ${lost}`);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'resnet-vs-plain-32-en');

      await page.goto(`${baseURL}#/zh/lesson/why-resnets-work`);
      await page.waitForSelector(`${w} [data-action="start"]`);
      await page.click(`${w} [data-action="start"]`);
      await waitSteps(page, w, 30);
      await page.click(`${w} [data-action="pause"]`);
      await page.waitForSelector(`${w} [data-grads="residual"] rect`, { state: 'attached' });
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'resnet-vs-plain-zh');
    },
  },
  {
    name: 'resnet-vs-plain lesson 15: bottleneck block with W_s from the engine; ResNet-50 stage table 25,557,032 vs Keras 25,636,712 (en, zh)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      const rb = W('residual-block');
      const sc = W('shape-calculator');
      for (const lang of ['en', 'zh']) {
        await page.goto(`${baseURL}#/${lang}/lesson/why-resnets-work`);
        await page.waitForSelector(`${rb} [data-metric="bottleneck-output-shape"][data-value="4x4x8"]`);
        assert.equal(await metric(page, rb, 'bottleneck-weights'), String(8 * 2 + 9 * 2 * 2 + 2 * 8));
        await page.selectOption(`${rb} .rb-stages >> xpath=preceding::select[1]`, 'projection');
        await page.waitForSelector(`${rb} [data-metric="bottleneck-output-shape"][data-value="2x2x16"]`);
        assert.equal(await metric(page, rb, 'bottleneck-weights'), String(8 * 4 + 9 * 4 * 4 + 4 * 16 + 8 * 16));
        await page.locator(`${rb} [data-table="bottleneck"]`).scrollIntoViewIfNeeded();
        await shot(page, `resnet-bottleneck-${lang}`);
        await page.waitForSelector(`${sc} [data-table="resnet50"]`);
        assert.equal(await metric(page, sc, 'total-params'), '25557032');
        assert.equal(await metric(page, sc, 'keras-params'), '25636712');
        await page.locator(`${sc} [data-table="resnet50"]`).scrollIntoViewIfNeeded();
        await shot(page, `resnet50-stages-${lang}`);
      }
    },
  },
];
