// The small week-3 networks trained in the real browser: the localizer (lesson 24). Training
// runs in the worker; the test polls the step and IoU metrics from the Node side (the CSP
// forbids code made from strings in the page). Screenshots in English and Chinese.
import { W, axeWidget, metric } from './helpers.mjs';

/** Poll data-metric=name in scope until pred(value) holds, from the test side. */
async function until(page, scope, name, pred, timeout = 180_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await metric(page, scope, name);
    if (v !== null && v !== '' && pred(Number(v))) return Number(v);
    if (Date.now() > end) throw new Error(`${name} stayed at ${v}`);
    await page.waitForTimeout(300);
  }
}

const LAB = `${W('localization-target')}:has(.loc-lab)`;
const SW = `${W('sliding-windows')}:has(.sw-trained)`;
const LM = `${W('landmarks')}:has(.lm-lab)`;
const RP = `${W('region-proposals')}:has(.rp-lab)`;

export default [
  {
    name: 'localization-target train: the localizer trains in the worker and the held-out box IoU climbs (en, zh)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${baseURL}#/en/lesson/object-localization`);
      await page.waitForSelector(`${LAB} [data-action="start"]`);
      await page.click(`${LAB} [data-action="start"]`);
      const first = await until(page, LAB, 'box-iou', () => true, 60_000);
      assert.ok(first < 0.25, `untrained box IoU ${first}`);
      await until(page, LAB, 'step', (v) => v >= 300, 240_000);
      const iou = await until(page, LAB, 'box-iou', (v) => v > 0.3, 120_000);
      await page.click(`${LAB} [data-action="pause"]`);
      assert.ok(iou > first + 0.15, `box IoU ${first} → ${iou}`);
      assert.ok(Number(await metric(page, LAB, 'pc-accuracy')) > 0.8, 'p_c mostly right');
      await page.locator(`${LAB} .loc-lab-scenes`).scrollIntoViewIfNeeded();
      await shot(page, 'detsmall-localizer-en');
      await axeWidget(page, LAB, 'localizer lab', assert);

      await page.goto(`${baseURL}#/zh/lesson/object-localization`);
      await page.waitForSelector(`${LAB} [data-action="start"]`);
      await page.click(`${LAB} [data-action="start"]`);
      await until(page, LAB, 'step', (v) => v >= 100, 120_000);
      await page.click(`${LAB} [data-action="pause"]`);
      await page.locator(`${LAB} .loc-lab-scenes`).scrollIntoViewIfNeeded();
      await shot(page, 'detsmall-localizer-zh');
    },
  },
  {
    name: 'sliding-windows trained: crop accuracy climbs; crop by crop = one pass (max diff < 1e-5), both timed; another scene (en, zh)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${baseURL}#/en/lesson/convolutional-sliding-windows`);
      await page.waitForSelector(`${SW} [data-action="start"]`);
      await page.click(`${SW} [data-action="start"]`);
      const first = await until(page, SW, 'window-accuracy', () => true, 60_000);
      await until(page, SW, 'step', (v) => v >= 200, 240_000);
      const acc = await until(page, SW, 'window-accuracy', (v) => v > 0.8, 120_000);
      assert.ok(acc > first + 0.3, `crop accuracy ${first} → ${acc}`);
      await page.click(`${SW} [data-action="pause"]`);
      const diff = Number(await metric(page, SW, 'max-diff'));
      assert.ok(diff >= 0 && diff < 1e-5, `max diff ${diff}`);
      assert.equal(await metric(page, SW, 'passes-crops'), '64');
      assert.ok(Number(await metric(page, SW, 'ms-crops')) > 0 && Number(await metric(page, SW, 'ms-one-pass')) > 0, 'both timed');
      // another held-out scene while paused: the comparison reruns on it
      await page.selectOption(`${SW} select`, '1');
      await page.waitForSelector(`${SW} [data-scene="sw-scene"] canvas[aria-label*=" 2,"]`);
      await page.locator(`${SW} .sw-trained-main`).scrollIntoViewIfNeeded();
      await shot(page, 'detsmall-sliding-windows-en');
      await axeWidget(page, SW, 'sliding-windows trained', assert);
      console.log(`  crop accuracy ${first} → ${acc}; max diff ${diff}; crops ${await metric(page, SW, 'ms-crops')} ms, one pass ${await metric(page, SW, 'ms-one-pass')} ms`);

      await page.goto(`${baseURL}#/zh/lesson/convolutional-sliding-windows`);
      await page.waitForSelector(`${SW} [data-action="start"]`);
      await page.click(`${SW} [data-action="start"]`);
      await until(page, SW, 'step', (v) => v >= 60, 120_000);
      await until(page, SW, 'max-diff', () => true, 60_000);
      await page.click(`${SW} [data-action="pause"]`);
      await page.locator(`${SW} .sw-trained`).scrollIntoViewIfNeeded();
      await shot(page, 'detsmall-sliding-windows-zh');
    },
  },
  {
    name: 'landmarks train: the held-out mean landmark error falls from tens of pixels to a few (en, zh)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${baseURL}#/en/lesson/landmark-detection`);
      await page.waitForSelector(`${LM} [data-action="start"]`);
      await page.click(`${LM} [data-action="start"]`);
      const first = await until(page, LM, 'landmark-error', () => true, 60_000);
      assert.ok(first > 8, `untrained error ${first} px`);
      await until(page, LM, 'step', (v) => v >= 300, 240_000);
      const err = await until(page, LM, 'landmark-error', (v) => v < 3.5, 120_000);
      await page.click(`${LM} [data-action="pause"]`);
      await page.locator(`${LM} .lm-lab-faces`).scrollIntoViewIfNeeded();
      await shot(page, 'detsmall-landmarks-en');
      await axeWidget(page, LM, 'landmarks lab', assert);
      console.log(`  landmark error ${first} → ${err} px`);

      await page.goto(`${baseURL}#/zh/lesson/landmark-detection`);
      await page.waitForSelector(`${LM} [data-action="start"]`);
      await page.click(`${LM} [data-action="start"]`);
      await until(page, LM, 'step', (v) => v >= 100, 120_000);
      await page.click(`${LM} [data-action="pause"]`);
      await page.locator(`${LM} .lm-lab-faces`).scrollIntoViewIfNeeded();
      await shot(page, 'detsmall-landmarks-zh');
    },
  },
  {
    name: 'region-proposals trained: selective-search proposals, R-CNN style vs one pass — same numbers, both timed; another scene (en, zh)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${baseURL}#/en/lesson/region-proposals`);
      await page.waitForSelector(`${RP} [data-action="start"]`);
      await page.click(`${RP} [data-action="start"]`);
      const proposals = await until(page, RP, 'proposals', (v) => v > 0, 240_000);
      const classified = Number(await metric(page, RP, 'classified'));
      assert.ok(classified > 0 && classified <= proposals, `classified ${classified} of ${proposals}`);
      assert.equal(Number(await metric(page, RP, 'rcnn-passes')), classified, 'R-CNN: one pass per classified proposal');
      assert.equal(await metric(page, RP, 'one-pass-passes'), '1');
      const diff = Number(await metric(page, RP, 'max-diff'));
      assert.ok(diff >= 0 && diff < 1e-5, `max diff ${diff}`);
      assert.ok(Number(await metric(page, RP, 'ms-rcnn')) > 0 && Number(await metric(page, RP, 'ms-one-pass')) > 0, 'both timed');
      assert.ok(Number(await metric(page, RP, 'segments')) > 1, 'segments');
      const msR = await metric(page, RP, 'ms-rcnn'), msO = await metric(page, RP, 'ms-one-pass');
      // another scene after training: proposals are recomputed for it
      await page.selectOption(`${RP} select`, '1');
      await page.waitForSelector(`${RP} [data-scene="rp-scene"] canvas[aria-label*=" 2:"]`);
      await until(page, RP, 'proposals', (v) => v > 0, 30_000);
      await page.locator(`${RP} .rp-lab-pics`).scrollIntoViewIfNeeded();
      await shot(page, 'detsmall-region-proposals-en');
      await axeWidget(page, RP, 'region-proposals trained', assert);
      console.log(`  proposals ${proposals}, classified ${classified}; R-CNN ${msR} ms, one pass ${msO} ms; max diff ${diff}`);

      await page.goto(`${baseURL}#/zh/lesson/region-proposals`);
      await page.waitForSelector(`${RP} [data-action="start"]`);
      await page.click(`${RP} [data-action="start"]`);
      await until(page, RP, 'proposals', (v) => v > 0, 240_000);
      await page.locator(`${RP} .rp-lab`).scrollIntoViewIfNeeded();
      await shot(page, 'detsmall-region-proposals-zh');
    },
  },
];
