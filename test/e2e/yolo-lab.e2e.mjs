// yolo-lab in the real browser: training runs in the worker, mAP@0.5 on the held-out scenes
// rises clearly within a generous limit, the main thread stays free, and the inference
// pipeline on a held-out scene responds to the score threshold. Screenshots in English and
// Chinese.
import { W, axeWidget, metric } from './helpers.mjs';

// The target is mAP@0.5 ≥ 0.8 within 60 s of training; the test's bar is lower and its limit
// longer, because eight people share this machine's two cores (YOLO_LIMIT_S overrides).
const LIMIT_S = Number(process.env.YOLO_LIMIT_S ?? 240);
const w = W('yolo-lab');
// Long tasks are wall-clock: on this shared machine (load 10–25 on 2 cores) a few-ms render can
// be descheduled for hundreds of ms, and the existing labs show the same. The bar here catches
// real blocking (e.g. drawing all held-out scenes on the main thread), not the machine's load.
const LONG_TASK_MS = Number(process.env.YOLO_LONG_TASK_MS ?? 2000);

async function watchLongTasks(page) {
  await page.addInitScript(() => {
    window.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      /* no longtask support: the list stays empty */
    }
  });
}

/** Poll map50 from the test side until it reaches `target` (or the limit); returns what was seen. */
async function trainTo(page, target) {
  const t0 = Date.now();
  const seen = [];
  for (;;) {
    const v = await metric(page, w, 'map50');
    if (v) {
      const m = Number(v);
      if (!seen.length || seen[seen.length - 1] !== m) seen.push(m);
      if (m >= target) break;
    }
    if (Date.now() - t0 > LIMIT_S * 1000) break;
    await page.waitForTimeout(500);
  }
  return { seen, wall: (Date.now() - t0) / 1000 };
}

export default [
  {
    name: 'yolo-lab: mAP@0.5 on held-out scenes rises clearly while training in the worker; pipeline follows the threshold (en, zh)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage({ viewport: { width: 1280, height: 1000 } });
      await watchLongTasks(page);
      await page.goto(`${baseURL}#/en/lesson/yolo-algorithm`);
      await page.waitForSelector(`${w} [data-action="start"]`);
      assert.equal(await metric(page, w, 'map50'), '');
      const t0 = await page.evaluate(() => performance.now());
      await page.click(`${w} [data-action="start"]`);
      const { seen, wall } = await trainTo(page, 0.8);
      const t1 = await page.evaluate(() => performance.now());
      await page.click(`${w} [data-action="pause"]`);
      await page.waitForSelector(`${w} [data-action="start"]`);
      const map = Number(await metric(page, w, 'map50'));
      const loss = Number(await metric(page, w, 'train-loss'));
      const secs = Number(await metric(page, w, 'train-seconds'));
      const testSecs = Number(await metric(page, w, 'test-seconds'));
      const step = Number(await metric(page, w, 'step'));
      const longTasks = await page.evaluate(([a, b]) => window.__longTasks.filter((t) => t.start >= a && t.start <= b), [t0, t1]);
      const worst = Math.max(0, ...longTasks.map((t) => t.ms));
      console.log(`    yolo-lab: mAP@0.5 ${map} after ${secs} s of training in the worker (+ ${testSecs} s scoring held-out scenes; ${wall.toFixed(0)} s wall, step ${step}, loss ${loss}); passes ${seen.join(' ')}; longest main-thread task ${worst.toFixed(0)} ms (${longTasks.length} over 50 ms)`);
      console.log(`    long tasks (start s after Start: ms): ${longTasks.map((t) => `${((t.start - t0) / 1000).toFixed(1)}:${t.ms.toFixed(0)}`).join(' ')}`);
      assert.ok(seen[0] < 0.15, `the untrained network scores near 0 (${seen[0]})`);
      assert.ok(map >= 0.5 && map <= 1, `mAP@0.5 rose clearly (${map})`);
      assert.ok(Number.isFinite(loss) && loss > 0, `training loss shown (${loss})`);
      assert.ok(worst <= LONG_TASK_MS, `no long main-thread task while training (worst ${worst} ms)`);

      // anchors from k-means are drawn; the pipeline has S·S·B raw boxes and NMS keeps fewer
      await page.waitForSelector(`${w} [data-anchors="3"]`);
      const raw = Number(await page.getAttribute(`${w} [data-stage="raw"]`, 'data-boxes'));
      assert.equal(raw, 8 * 8 * 3);
      const slider = page.locator(`${w} input[type="range"]`);
      await slider.fill('0.1');
      const kept10 = Number(await page.getAttribute(`${w} [data-stage="kept"]`, 'data-boxes'));
      const final10 = Number(await page.getAttribute(`${w} [data-stage="final"]`, 'data-boxes'));
      await slider.fill('0.9');
      const kept90 = Number(await page.getAttribute(`${w} [data-stage="kept"]`, 'data-boxes'));
      assert.ok(kept10 >= kept90, `a higher threshold keeps fewer boxes (${kept10} ≥ ${kept90})`);
      assert.ok(final10 <= kept10, `NMS keeps a subset (${final10} ≤ ${kept10})`);
      await slider.fill('0.5');
      await page.selectOption(`${w} select[data-param="scene"]`, "2"); // four objects
      await page.locator(`${w} .yl-inference`).scrollIntoViewIfNeeded();
      await shot(page, 'yolo-lab-pipeline-en');
      await page.locator(`${w} .yl-grid`).scrollIntoViewIfNeeded();
      await shot(page, 'yolo-lab-curves-en');
      await axeWidget(page, w, 'yolo-lab', assert);
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.locator(`${w} .yl-inference`).scrollIntoViewIfNeeded();
      await shot(page, 'yolo-lab-pipeline-dark');
      await axeWidget(page, w, 'yolo-lab (dark)', assert);
      await page.emulateMedia({ colorScheme: 'light' });

      // Chinese: the lab starts and shows its anchors and a first score
      await page.goto(`${baseURL}#/zh/lesson/yolo-algorithm`);
      await page.waitForSelector(`${w} [data-action="start"]`);
      await page.click(`${w} [data-action="start"]`);
      await page.waitForSelector(`${w} [data-anchors="3"]`, { timeout: 60_000 });
      const until = Date.now() + 120_000;
      while (Number((await metric(page, w, 'step')) ?? 0) < 20 && Date.now() < until) await page.waitForTimeout(500);
      await page.click(`${w} [data-action="pause"]`);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'yolo-lab-zh');
      await page.locator(`${w} .yl-inference`).scrollIntoViewIfNeeded();
      await shot(page, 'yolo-lab-pipeline-zh');
    },
  },
];
