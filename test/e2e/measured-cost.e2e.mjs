// Counted vs measured cost in the real browser: inception-cost (lesson 17) and
// depthwise-separable (lesson 19) time both forms in the worker; the counted ratio shown is
// the widget's own count, the measured one is positive and its ms are shown. en, zh.
import { W, metric, waitMetric } from './helpers.mjs';

export default [
  {
    name: 'measured cost: inception bottleneck and depthwise-separable timed in the worker beside the counted ratio (en, zh)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      const ic = W('inception-cost');
      await page.goto(`${baseURL}#/en/lesson/inception-motivation`);
      await page.waitForSelector(`${ic} [data-action="time"]`);
      await page.click(`${ic} [data-action="time"]`);
      await waitMetric(page, ic, 'measured-ratio', 'Number(v) > 0', 60_000);
      const counted = Number(await metric(page, ic, 'counted-ratio'));
      assert.ok(Math.abs(counted - 120422400 / 12443648) < 1e-9, `counted ratio ${counted}`);
      const msA = Number(await metric(page, ic, 'measured-ms-a'));
      const msB = Number(await metric(page, ic, 'measured-ms-b'));
      const measured = Number(await metric(page, ic, 'measured-ratio'));
      assert.ok(Math.abs(measured - msA / msB) < 1e-9, `measured ratio = ms A / ms B: ${measured}`);
      // ten times fewer multiplies must show on the clock, even on a busy machine
      assert.ok(measured > 1.5, `the bottleneck is measurably faster: ${measured}×`);
      await page.locator(`${ic} .measured-cost`).scrollIntoViewIfNeeded();
      await shot(page, 'measured-cost-inception-en');

      const dw = W('depthwise-separable');
      await page.goto(`${baseURL}#/zh/lesson/mobilenet`);
      await page.waitForSelector(`${dw} [data-action="time"]`);
      await page.fill(`${dw} input[name="n"]`, '56');
      await page.fill(`${dw} input[name="nC"]`, '128');
      await page.fill(`${dw} input[name="nC2"]`, '128');
      await page.waitForSelector(`${dw} [data-metric="output-shape"][data-value="54x54x128"]`);
      await page.click(`${dw} [data-action="time"]`);
      await waitMetric(page, dw, 'measured-ratio', 'Number(v) > 0', 120_000);
      const dwCounted = Number(await metric(page, dw, 'counted-ratio'));
      const normal = Number(await metric(page, dw, 'normal-cost'));
      const separable = Number(await metric(page, dw, 'separable-cost'));
      assert.ok(Math.abs(dwCounted - normal / separable) < 1e-9, `counted ratio is the widget's own count: ${dwCounted}`);
      // changing a size marks the timing stale rather than showing numbers for other sizes
      await page.fill(`${dw} input[name="nC2"]`, '64');
      await page.waitForSelector(`${dw} .measured-cost .mc-note`);
      assert.equal(await page.locator(`${dw} [data-metric="measured-ratio"]`).count(), 0);
      await page.fill(`${dw} input[name="nC2"]`, '128');
      await page.click(`${dw} [data-action="time"]`);
      await waitMetric(page, dw, 'measured-ratio', 'Number(v) > 0', 120_000);
      await page.locator(`${dw} .measured-cost`).scrollIntoViewIfNeeded();
      await shot(page, 'measured-cost-depthwise-zh');
    },
  },
];
