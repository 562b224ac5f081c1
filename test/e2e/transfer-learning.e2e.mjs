// transfer-learning in the real browser: the frozen ResNet-50 stem runs in the worker on the
// packed ImageNet weights, then the new softmax head and the CNN from scratch train side by
// side; with 5 pictures per class the head wins on the held-out pictures. en, zh screenshots.
import { W, axeWidget, metric, waitMetric } from './helpers.mjs';

export default [
  {
    name: 'transfer-learning: frozen ImageNet features + new softmax beat a CNN from scratch on 5 pictures per class (en, zh)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      const w = W('transfer-learning');
      await page.goto(`${baseURL}#/en/lesson/transfer-learning`);
      await page.waitForSelector(`${w} [data-action="start"]`);
      assert.equal(await metric(page, w, 'examples-per-class'), '5');
      // the training pictures are drawn in the page: 5 of each of the 4 classes
      assert.equal(await page.locator(`${w} .tl-class canvas`).count(), 20);
      await page.click(`${w} [data-action="start"]`);
      // 20 training + 120 held-out pictures through the frozen layers, then 200 steps
      await waitMetric(page, w, 'features-done', 'Number(v) >= 1', 60_000);
      await waitMetric(page, w, 'step', 'Number(v) >= 200', 240_000);
      await page.waitForSelector(`${w} [data-action="start"]`); // done: the Start button is back
      assert.equal(await metric(page, w, 'features-done'), '140');
      const pre = Number(await metric(page, w, 'pretrained-test-accuracy'));
      const scr = Number(await metric(page, w, 'scratch-test-accuracy'));
      assert.ok(pre > 0.6, `pretrained held-out accuracy ${pre} > 60%`);
      assert.ok(pre > scr + 0.15, `pretrained ${pre} beats scratch ${scr} by 15 points`);
      assert.equal(await metric(page, w, 'pretrained-train-accuracy'), '1');
      // what is frozen and what is trained, with the counts from the worker
      const what = await page.locator(`${w} .tl-what`).innerText();
      assert.ok(what.includes('223,872'), `frozen count shown: ${what}`);
      assert.ok(what.includes('1,028'), `head count shown: ${what}`);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'transfer-learning-en');
      await axeWidget(page, w, 'transfer-learning', assert);

      await page.goto(`${baseURL}#/zh/lesson/transfer-learning`);
      await page.waitForSelector(`${w} [data-action="start"]`);
      await page.selectOption(`${w} [data-param="perClass"]`, '2');
      assert.equal(await metric(page, w, 'examples-per-class'), '2');
      await page.click(`${w} [data-action="start"]`);
      await waitMetric(page, w, 'step', 'Number(v) >= 30', 240_000);
      await page.click(`${w} [data-action="pause"]`);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'transfer-learning-zh');
    },
  },
];
