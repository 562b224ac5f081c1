// unet-lab in the real browser: the U-Net (and the network without skips) train in the worker
// on the generated scenes' masks; the U-Net's mean IoU on the held-out scenes rises. The time to
// reach 0.8 is printed (the target is 90 s; the machine may be shared, so the assertion is
// generous). Picking a test scene shows its masks. Screenshots in English and Chinese.
import { W, axeWidget, metric } from './helpers.mjs';

const w = W('unet-lab');

/** Poll from the test side (no string evaluated in the page: the CSP forbids it). */
async function readIou(page) {
  const v = await metric(page, w, 'mean-iou');
  return v ? Number(v) : null;
}

export default [
  {
    name: 'unet-lab: mean IoU on held-out scenes rises while training; picking a scene shows its masks (en, zh)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lesson/semantic-segmentation-unet`);
      await page.waitForSelector(`${w} [data-action="start"]`);
      assert.equal(await metric(page, w, 'mean-iou'), '');
      await page.click(`${w} [data-action="start"]`);
      const t0 = Date.now();
      let first = null, best = 0, at80 = null, step80 = null;
      const limit = 240_000;
      while (Date.now() - t0 < limit) {
        const v = await readIou(page);
        if (v !== null) {
          first ??= v;
          best = Math.max(best, v);
          if (v >= 0.8 && at80 === null) {
            at80 = (Date.now() - t0) / 1000;
            step80 = await metric(page, w, 'step');
            break;
          }
        }
        await page.waitForTimeout(500);
      }
      await page.click(`${w} [data-action="pause"]`);
      const plain = await metric(page, w, 'plain-mean-iou');
      const steps = await metric(page, w, 'step');
      console.log(`    unet-lab: first mean IoU ${first}, best ${best.toFixed(3)}; 0.8 reached ${at80 === null ? `not within ${limit / 1000} s` : `at ${at80.toFixed(1)} s (step ${step80})`}; at pause step ${steps}, without skips ${plain}`);
      assert.ok(first !== null && first < 0.5, `the first evaluation is near the all-background guess: ${first}`);
      assert.ok(best >= 0.65, `mean IoU rose to ${best}`);
      assert.ok(Number(plain) < best, `the network without skips (${plain}) stays below the U-Net (${best})`);
      // the picked scene's masks
      await page.click(`${w} [data-scene="5"]`);
      assert.equal(await page.getAttribute(`${w} [data-scene="5"]`, 'aria-pressed'), 'true');
      await page.waitForSelector(`${w} [data-panel="unet"] figcaption >> text=/of pixels right/`);
      await page.locator(`${w} .unet-picker`).scrollIntoViewIfNeeded();
      await shot(page, 'unet-lab-en');
      await page.locator(`${w} .unet-table`).scrollIntoViewIfNeeded();
      await shot(page, 'unet-lab-en-masks');
      await axeWidget(page, w, 'unet-lab', assert);

      await page.goto(`${baseURL}#/zh/lesson/semantic-segmentation-unet`);
      await page.waitForSelector(`${w} [data-action="start"]`);
      await page.click(`${w} [data-action="start"]`);
      const t1 = Date.now();
      while ((await readIou(page)) === null && Date.now() - t1 < 60_000) await page.waitForTimeout(250);
      await page.click(`${w} [data-action="pause"]`);
      assert.ok((await readIou(page)) !== null, 'an evaluation arrived');
      await page.locator(`${w} .unet-metrics`).scrollIntoViewIfNeeded();
      await shot(page, 'unet-lab-zh');
      await page.locator(`${w} .unet-panels`).scrollIntoViewIfNeeded();
      await shot(page, 'unet-lab-zh-masks');
    },
  },
];
