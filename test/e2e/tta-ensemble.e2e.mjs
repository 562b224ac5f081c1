// tta-ensemble in the real browser: three networks train in the worker, then 120 held-out
// pictures are scored four ways; the table's accuracies are fractions of 120, the cost of
// 30 passes exceeds one pass, and the gains are accuracy differences. en, zh screenshots.
import { W, axeWidget, metric, waitMetric } from './helpers.mjs';

export default [
  {
    name: 'tta-ensemble: one network, 10-crop, ensemble and both, accuracy and measured cost (en, zh)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      const w = W('tta-ensemble');
      await page.goto(`${baseURL}#/en/lesson/state-of-computer-vision`);
      await page.waitForSelector(`${w} [data-action="start"]`);
      await page.click(`${w} [data-action="start"]`);
      await waitMetric(page, w, 'scored', 'Number(v) >= 120', 420_000);
      await page.waitForSelector(`${w} [data-action="start"]`);
      const acc = {}, ms = {};
      for (const m of ['single', 'crops', 'ensemble', 'ensembleCrops']) {
        acc[m] = Number(await metric(page, w, `${m}-accuracy`));
        ms[m] = Number(await metric(page, w, `${m}-ms`));
        const k = acc[m] * 120;
        assert.ok(Math.abs(k - Math.round(k)) < 1e-9, `${m} accuracy is a count out of 120: ${acc[m]}`);
        const gain = Number(await metric(page, w, `${m}-gain`));
        assert.ok(Math.abs(gain - (acc[m] - acc.single)) < 1e-9, `${m} gain = accuracy − single`);
      }
      assert.ok(acc.single > 0.4, `one network learned: ${acc.single}`);
      assert.ok(ms.ensembleCrops > ms.single, `30 passes cost more than one: ${ms.ensembleCrops} > ${ms.single}`);
      assert.equal(await metric(page, w, 'single-cost'), '1');
      await page.locator(`${w} .tta-table`).scrollIntoViewIfNeeded();
      await shot(page, 'tta-ensemble-en');
      await axeWidget(page, w, 'tta-ensemble', assert);

      await page.goto(`${baseURL}#/zh/lesson/state-of-computer-vision`);
      await page.waitForSelector(`${w} [data-action="start"]`);
      await page.click(`${w} [data-action="start"]`);
      await waitMetric(page, w, 'train-step', 'Number(v) >= 20', 120_000);
      await page.click(`${w} [data-action="pause"]`);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'tta-ensemble-zh');
    },
  },
];
