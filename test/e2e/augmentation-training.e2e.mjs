// augmentation-training in the real browser: two copies of the same CNN train in the worker on
// 5 pictures per class; after 300 steps the augmented copy's train/test gap is the smaller
// one and its held-out accuracy the higher. en, zh screenshots.
import { W, axeWidget, metric, waitMetric } from './helpers.mjs';

export default [
  {
    name: 'augmentation-training: augmentation narrows the train/test gap on 5 pictures per class (en, zh)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      const w = W('augmentation-training');
      await page.goto(`${baseURL}#/en/lesson/data-augmentation`);
      await page.waitForSelector(`${w} [data-action="start"]`);
      assert.equal(await metric(page, w, 'examples-per-class'), '5');
      await page.click(`${w} [data-action="start"]`);
      await waitMetric(page, w, 'step', 'Number(v) >= 300', 300_000);
      await page.waitForSelector(`${w} [data-action="start"]`); // done
      const gapPlain = Number(await metric(page, w, 'plain-gap'));
      const gapAug = Number(await metric(page, w, 'augmented-gap'));
      const testPlain = Number(await metric(page, w, 'plain-test-accuracy'));
      const testAug = Number(await metric(page, w, 'augmented-test-accuracy'));
      assert.equal(await metric(page, w, 'plain-train-accuracy'), '1');
      assert.ok(gapPlain > 0.4, `without augmentation the gap is wide: ${gapPlain}`);
      assert.ok(gapAug < gapPlain - 0.1, `augmentation narrows the gap: ${gapAug} < ${gapPlain}`);
      assert.ok(testAug > testPlain, `held-out accuracy higher with augmentation: ${testAug} > ${testPlain}`);
      assert.equal(await page.locator(`${w} .at-sample-row canvas`).count(), 4);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'augmentation-training-en');
      await axeWidget(page, w, 'augmentation-training', assert);

      await page.goto(`${baseURL}#/zh/lesson/data-augmentation`);
      await page.waitForSelector(`${w} [data-action="start"]`);
      await page.click(`${w} [data-action="start"]`);
      await waitMetric(page, w, 'step', 'Number(v) >= 60', 240_000);
      await page.click(`${w} [data-action="pause"]`);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'augmentation-training-zh');
    },
  },
];
