// IoU and non-max suppression in the real browser: drag a box with the mouse and
// read data-metric="iou"; type the course's boxes (2,1,4,3) & (1,2,3,4) → 1/7; the edge-case
// presets; the keyboard; an empty typed box. NMS: step to the end and compare the kept set
// with NMS recomputed here, independently, from the boxes the widget draws; thresholds reset
// the run; the 10,000-box large mode reports a time from the worker. Screenshots: en, zh,
// dark, presenter.
import { W, axeWidget, waitMetric, toPresenterSlideWith, metric } from './helpers.mjs';

/** A NumberField follows outside changes one render later: wait for its text. */
async function waitInput(page, selector, value, timeout = 5000) {
  await page.waitForFunction(([s, v]) => document.querySelector(s)?.value === v, [selector, value], { timeout });
}

/** Per-class greedy NMS, written here from the course's description (not the app's code). */
function referenceNms(boxes, iouT, scoreT) {
  const area = (b) => Math.max(0, b.x2 - b.x1) * Math.max(0, b.y2 - b.y1);
  const iou = (a, b) => {
    const w = Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1));
    const h = Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));
    const u = area(a) + area(b) - w * h;
    return u > 0 ? (w * h) / u : 0;
  };
  const kept = [];
  for (const c of new Set(boxes.map((b) => b.cls))) {
    let left = boxes.filter((b) => b.cls === c && b.score > scoreT);
    while (left.length) {
      const best = left.reduce((m, b) => (b.score > m.score || (b.score === m.score && b.i < m.i) ? b : m));
      kept.push(best.i);
      left = left.filter((b) => b !== best && iou(best, b) < iouT);
    }
  }
  return kept.sort((a, b) => a - b);
}

export default [
  {
    name: 'iou: drag a box with the mouse, type the course boxes → 1/7, presets, keyboard, empty box (en, zh, dark, presenter shots)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${baseURL}#/en/lesson/intersection-over-union`);
      const w = W('iou');
      await page.waitForSelector(`${w} [data-metric="iou"]`);
      const before = Number(await metric(page, w, 'iou'));
      assert.ok(Math.abs(before - 5 / 33) < 1e-9, `start IoU 5/33, got ${before}`);

      // Mouse: grab box A near its top-left corner (inside A, outside B) and drag it right.
      await page.locator(`${w} .iou-plane`).scrollIntoViewIfNeeded();
      const a = await page.locator(`${w} [data-box="A"] .iou-outline`).boundingBox();
      await page.mouse.move(a.x + 25, a.y + 25);
      await page.mouse.down();
      await page.mouse.move(a.x + 60, a.y + 45, { steps: 5 });
      await page.mouse.move(a.x + 95, a.y + 65, { steps: 5 });
      await page.mouse.up();
      const dragged = Number(await metric(page, w, 'iou'));
      assert.ok(dragged > before + 0.05, `dragging A towards B raises IoU: ${before} → ${dragged}`);
      assert.notEqual(await page.inputValue(`${w} input[name="A-x1"]`), '2', 'the typed fields follow the drag');
      // A corner handle: drag B's bottom-right corner outwards → B grows, union grows.
      const u0 = Number(await metric(page, w, 'union'));
      const h = await page.locator(`${w} [data-handle="B-se"] .iou-handle-mark`).boundingBox();
      await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
      await page.mouse.down();
      await page.mouse.move(h.x + 40, h.y + 20, { steps: 4 });
      await page.mouse.up();
      assert.ok(Number(await metric(page, w, 'union')) > u0, 'resizing B by its corner changes the union');

      // Typed coordinates: the course's example.
      for (const [name, v] of [['A-x1', '2'], ['A-y1', '1'], ['A-x2', '4'], ['A-y2', '3'], ['B-x1', '1'], ['B-y1', '2'], ['B-x2', '3'], ['B-y2', '4']]) {
        await page.fill(`${w} input[name="${name}"]`, v);
      }
      await waitMetric(page, w, 'iou', 'Math.abs(Number(v) - 1/7) < 1e-12');
      assert.equal(await metric(page, w, 'intersection'), '1');
      assert.equal(await metric(page, w, 'union'), '7');
      assert.equal(await page.getAttribute(`${w} [data-verdict]`, 'data-verdict'), 'not-correct');
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'detection-iou-course-en');
      await axeWidget(page, w, 'iou', assert);

      // Presets: touching → 0, inside → 4/36, good → ≥ 0.5.
      await page.click(`${w} [data-preset="touching"]`);
      assert.equal(await metric(page, w, 'iou'), '0');
      assert.equal(await metric(page, w, 'intersection'), '0');
      await page.click(`${w} [data-preset="disjoint"]`);
      assert.equal(await metric(page, w, 'iou'), '0');
      await page.click(`${w} [data-preset="inside"]`);
      assert.ok(Math.abs(Number(await metric(page, w, 'iou')) - 4 / 36) < 1e-12);
      await page.click(`${w} [data-preset="good"]`);
      assert.equal(await page.getAttribute(`${w} [data-verdict]`, 'data-verdict'), 'correct');

      // Keyboard: focus box A, → moves it by 0.5; shift+↓ grows it by 0.5.
      await page.focus(`${w} [data-box="A"]`);
      await page.keyboard.press('ArrowRight');
      await waitInput(page, `${w} input[name="A-x1"]`, '3.5');
      await page.keyboard.press('Shift+ArrowDown');
      await waitInput(page, `${w} input[name="A-y2"]`, '6.5');

      // An empty box typed in: kept as typed, explained, IoU 0.
      await page.fill(`${w} input[name="A-x2"]`, '1');
      await page.waitForSelector(`${w} .iou-empty-note`);
      assert.equal(await page.inputValue(`${w} input[name="A-x2"]`), '1');
      assert.equal(await metric(page, w, 'iou'), '0');
      // Out of the plane: red field with the reason, value not applied.
      await page.fill(`${w} input[name="B-x2"]`, '40');
      await page.waitForSelector(`${w} input[name="B-x2"][aria-invalid="true"]`);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'detection-iou-empty-en');

      await page.goto(`${baseURL}#/zh/lesson/intersection-over-union`);
      await page.waitForSelector(`${w} [data-metric="iou"]`);
      await page.click(`${w} [data-preset="course"]`);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'detection-iou-zh');

      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(`${baseURL}#/en/lesson/intersection-over-union`);
      await page.waitForSelector(`${w} [data-metric="iou"]`);
      await page.click(`${w} [data-preset="inside"]`);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'detection-iou-dark');
      await axeWidget(page, w, 'iou (dark)', assert);
      await page.emulateMedia({ colorScheme: 'light' });

      const big = await newPage({ viewport: { width: 1920, height: 1080 } });
      await big.goto(`${baseURL}#/en/lesson/intersection-over-union`);
      await big.waitForSelector(`${w} [data-metric="iou"]`);
      await toPresenterSlideWith(big, w);
      await shot(big, 'detection-iou-presenter');
      // Presenter mode: arrow keys are slide keys even on a focused box, so a clicker never
      // gets stuck on a slide (outside presenter mode the box moves, tested above).
      await big.focus(`${w} [data-box="B"]`);
      const bx = await big.inputValue(`${w} input[name="B-x1"]`);
      const where = () => big.evaluate(() => `${document.querySelector('[data-metric="slide"]')?.getAttribute('data-value')}@${Math.round(scrollY)}`);
      const placeBefore = await where();
      await big.keyboard.press('ArrowRight');
      await big.waitForFunction((b) => `${document.querySelector('[data-metric="slide"]')?.getAttribute('data-value')}@${Math.round(scrollY)}` !== b, placeBefore);
      assert.equal(await big.inputValue(`${w} input[name="B-x1"]`), bx, 'the box did not move');
    },
  },
  {
    name: 'nms-stepper: step to the end = NMS recomputed from the drawn boxes; thresholds reset; large mode time (en, zh, dark, presenter shots)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage({ viewport: { width: 1280, height: 1000 } });
      await page.goto(`${baseURL}#/en/lesson/non-max-suppression`);
      const w = W('nms-stepper');
      await page.waitForSelector(`${w} svg [data-box]`);
      const boxes = await page.$$eval(`${w} svg g[data-box]`, (gs) =>
        gs.map((g) => ({
          i: Number(g.getAttribute('data-box')), cls: Number(g.getAttribute('data-class')), score: Number(g.getAttribute('data-score')),
          x1: Number(g.getAttribute('data-x1')), y1: Number(g.getAttribute('data-y1')), x2: Number(g.getAttribute('data-x2')), y2: Number(g.getAttribute('data-y2')),
        })));
      assert.ok(boxes.length >= 20, `a cloud of candidates (${boxes.length})`);
      assert.ok(new Set(boxes.map((b) => b.cls)).size >= 2, 'two or three classes');
      const expected = referenceNms(boxes, 0.5, 0.6);
      assert.equal(await metric(page, w, 'step'), '0');
      assert.equal(await metric(page, w, 'remaining'), String(boxes.length));

      // Step through: every box is decided exactly once, so there are boxes.length steps.
      await page.click(`${w} [data-action="step"]`);
      const first = await page.textContent(`${w} .nms-narrative`);
      assert.match(first, /score .* ≤ 0\.6|highest score/);
      for (let i = 1; i < boxes.length; i++) await page.click(`${w} [data-action="step"]`);
      await waitMetric(page, w, 'remaining', 'v === "0"');
      assert.equal(await metric(page, w, 'step'), String(boxes.length));
      assert.equal(Number(await metric(page, w, 'kept')), expected.length);
      const keptShown = await page.$$eval(`${w} svg g[data-state="kept"]`, (gs) => gs.map((g) => Number(g.getAttribute('data-box'))).sort((a, b) => a - b));
      assert.deepEqual(keptShown, expected);
      const reasons = await page.$$eval(`${w} [data-list="discarded"] .nms-reason`, (xs) => xs.map((x) => x.textContent));
      assert.equal(reasons.length, boxes.length - expected.length);
      assert.ok(reasons.every((r) => /^score 0\.\d+ ≤ 0\.6$|^IoU (0\.\d+|1) ≥ 0\.5 with box \d+$/.test(r)), reasons.join(' | '));
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'detection-nms-end-en');
      await axeWidget(page, w, 'nms-stepper', assert);

      // A threshold change recomputes the trace and starts again from step 0.
      await page.focus(`${w} input[type="range"] >> nth=0`);
      await page.keyboard.press('ArrowLeft');
      await waitMetric(page, w, 'step', 'v === "0"');
      assert.equal(await metric(page, w, 'remaining'), String(boxes.length));
      // Play at 4× to the end; the kept count matches the reference at IoU 0.45.
      await page.selectOption(`${w} .ui-steps select`, '4');
      await page.click(`${w} [data-action="start"]`);
      await waitMetric(page, w, 'remaining', 'v === "0"', 60000);
      assert.equal(Number(await metric(page, w, 'kept')), referenceNms(boxes, 0.45, 0.6).length);

      // Large mode: 10,000 boxes in the worker, time measured there.
      await page.click(`${w} [data-job="nms-large"]`);
      await waitMetric(page, w, 'nms-ms', 'Number(v) > 0', 120000);
      const ms = Number(await metric(page, w, 'nms-ms'));
      const kept = Number(await metric(page, w, 'nms-large-kept'));
      assert.ok(ms > 0 && kept > 0 && kept <= 10000, `large mode: ${kept} kept in ${ms} ms`);
      await page.locator(`${w} .nms-large`).scrollIntoViewIfNeeded();
      await shot(page, 'detection-nms-large-en');

      await page.goto(`${baseURL}#/zh/lesson/non-max-suppression`);
      await page.waitForSelector(`${w} svg [data-box]`);
      for (let i = 0; i < 9; i++) await page.click(`${w} [data-action="step"]`);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'detection-nms-zh');

      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(`${baseURL}#/en/lesson/non-max-suppression`);
      await page.waitForSelector(`${w} svg [data-box]`);
      for (let i = 0; i < 12; i++) await page.click(`${w} [data-action="step"]`);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'detection-nms-dark');
      await axeWidget(page, w, 'nms-stepper (dark)', assert);
      await page.emulateMedia({ colorScheme: 'light' });

      const big = await newPage({ viewport: { width: 1920, height: 1080 } });
      await big.goto(`${baseURL}#/en/lesson/non-max-suppression`);
      await big.waitForSelector(`${w} svg [data-box]`);
      await toPresenterSlideWith(big, w);
      await big.locator(w).scrollIntoViewIfNeeded();
      await shot(big, 'detection-nms-presenter');
      // Presenter mode: → is a slide key even on the widget's focused Step button.
      await big.focus(`${w} [data-action="step"]`);
      const step = await metric(big, w, 'step');
      await big.keyboard.press('ArrowRight');
      await big.waitForTimeout(200);
      assert.equal(await metric(big, w, 'step').catch(() => step), step, '→ moves the slide, not the widget');
    },
  },
];
