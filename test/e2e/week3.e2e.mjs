// Week-3 widgets in the real browser: yolo-encoder, bbox-grid, anchor-boxes,
// localization-target, transposed-conv, sliding-windows. Each test drives the main interaction
// (mouse drag, keyboard, typed values) and reads the widget's main data-metric; screenshots in
// en, zh, dark and presenter mode; axe on the widget.
import { W, axeWidget, waitMetric, toPresenterSlideWith, metric } from './helpers.mjs';

/** Drag from the centre of a located element by (dx, dy) pixels with the mouse. */
async function dragBy(page, locator, dx, dy) {
  const b = await locator.boundingBox();
  const x = b.x + b.width / 2, y = b.y + b.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
  await page.mouse.move(x + dx, y + dy, { steps: 4 });
  await page.mouse.up();
}

/** A one-finger drag through the DevTools protocol (the browser turns it into pointer events). */
async function touchDragBy(page, locator, dx, dy) {
  const b = await locator.boundingBox();
  const x = b.x + b.width / 2, y = b.y + b.height / 2;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= 6; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * i) / 6, y: y + (dy * i) / 6 }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** en, zh, dark and presenter screenshots of one widget on one lesson. */
async function shots(newPage, baseURL, shot, assert, lesson, name, tag, ready = '[data-metric]') {
  // a widget name, or a selector when a lesson holds two widgets of that name
  const w = name.startsWith('[') ? name : W(name);
  const page = await newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${baseURL}#/zh/lesson/${lesson}`);
  await page.waitForSelector(`${w} ${ready}`);
  await page.locator(w).scrollIntoViewIfNeeded();
  await shot(page, `week3-${tag}-zh`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${baseURL}#/en/lesson/${lesson}`);
  await page.waitForSelector(`${w} ${ready}`);
  await page.locator(w).scrollIntoViewIfNeeded();
  await shot(page, `week3-${tag}-dark`);
  await axeWidget(page, w, `${name} (dark)`, assert);
  await page.emulateMedia({ colorScheme: 'light' });
  await toPresenterSlideWith(page, w);
  await shot(page, `week3-${tag}-presenter`);
}

export default [
  {
    name: 'yolo-encoder: 3x3x16; drag the car into another cell; add an object; S, A, C → 19x19x425',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${baseURL}#/en/lesson/yolo-algorithm`);
      const w = W('yolo-encoder');
      await page.waitForSelector(`${w} [data-metric="output-shape"]`);
      assert.equal(await metric(page, w, 'output-shape'), '3x3x16');
      assert.equal(await metric(page, w, 'owner-cell'), '3,2');
      assert.equal(await metric(page, w, 'anchor'), '2');
      await page.locator(`${w} .yg-scene`).scrollIntoViewIfNeeded();
      // Drag the car up by about one cell: its midpoint moves to row 2.
      const scene = await page.locator(`${w} .yg-scene`).boundingBox();
      await dragBy(page, page.locator(`${w} [data-object="1"] .yg-box`), 0, -scene.height / 3.4);
      await waitMetric(page, w, 'owner-cell', 'v === "2,2"');
      // Keyboard: shift + ↓ grows it taller until the tall anchor wins.
      await page.focus(`${w} [data-object="1"]`);
      for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+ArrowDown');
      for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+ArrowLeft');
      await waitMetric(page, w, 'anchor', 'v === "1"');
      await page.click(`${w} [data-action="add-object"]`);
      assert.equal(await metric(page, w, 'filled-slots'), '3');
      // Click an empty cell of the image (row 1, column 3): its label is all [0, ?, …].
      const bg = await page.locator(`${w} [data-pick-cells]`).boundingBox();
      await page.mouse.click(bg.x + bg.width * (5 / 6), bg.y + bg.height / 6);
      await page.waitForFunction((s) => document.querySelector(`${s} [data-slots="cell"] caption`)?.textContent?.includes('(1, 3)'), w);
      assert.deepEqual(await page.locator(`${w} [data-slots="cell"] tbody tr`).evaluateAll((rs) => rs.map((r) => r.getAttribute('data-pc'))), ['0', '0']);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'week3-yolo-en');
      await axeWidget(page, w, 'yolo-encoder', assert);
      await page.fill(`${w} input[name="grid"]`, '19');
      await page.fill(`${w} input[name="anchors"]`, '5');
      await page.fill(`${w} input[name="classes"]`, '80');
      await waitMetric(page, w, 'output-shape', 'v === "19x19x425"');
      assert.equal(await metric(page, w, 'output-count'), String(19 * 19 * 425));
      await shot(page, 'week3-yolo-19-en');
      await shots(newPage, baseURL, shot, assert, 'yolo-algorithm', 'yolo-encoder', 'yolo');
    },
  },
  {
    name: 'bbox-grid: the lesson example (0.4, 0.3, 0.9, 1.6); drag the car across a grid line (mouse, then touch); b_w > 1 on a 19×19 grid',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${baseURL}#/en/lesson/bounding-box-predictions`);
      const w = W('bbox-grid');
      await page.waitForSelector(`${w} [data-metric="owner-cell"]`);
      assert.equal(await metric(page, w, 'owner-cell'), '2,2');
      assert.deepEqual([await metric(page, w, 'bx'), await metric(page, w, 'by'), await metric(page, w, 'bh'), await metric(page, w, 'bw')], ['0.4', '0.3', '0.9', '1.6']);
      await page.locator(`${w} .yg-scene`).scrollIntoViewIfNeeded();
      const scene = await page.locator(`${w} .yg-scene`).boundingBox();
      // Right by half a cell: the midpoint (40% across) crosses into column 3.
      await dragBy(page, page.locator(`${w} [data-object="0"] .yg-box`), scene.width / 5, 0);
      await waitMetric(page, w, 'owner-cell', 'v === "2,3"');
      const bx = Number(await metric(page, w, 'bx'));
      assert.ok(bx >= 0 && bx <= 1, `b_x in [0, 1]: ${bx}`);
      assert.equal(await page.locator(`${w} [data-slots="cell"] tbody tr`).getAttribute('data-pc'), '1');
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'week3-bbox-en');
      await axeWidget(page, w, 'bbox-grid', assert);
      // Touch: drag the car back left by a finger.
      await touchDragBy(page, page.locator(`${w} [data-object="0"] .yg-box`), -scene.width / 5, 0);
      await waitMetric(page, w, 'owner-cell', 'v === "2,2"');
      await page.fill(`${w} input[name="grid"]`, '19');
      await waitMetric(page, w, 'output-shape', 'v === "19x19x8"');
      assert.ok(Number(await metric(page, w, 'bw')) > 1, 'on a 19×19 grid the car is many cells wide');
      await shots(newPage, baseURL, shot, assert, 'bounding-box-predictions', 'bbox-grid', 'bbox');
    },
  },
  {
    name: 'anchor-boxes: lesson example IoU 0.79 / 0.23 → anchor 1; reshape by keyboard and typing → anchor 2; 16 numbers',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${baseURL}#/en/lesson/anchor-boxes`);
      const w = W('anchor-boxes');
      await page.waitForSelector(`${w} [data-metric="anchor"]`);
      assert.equal(Number(await metric(page, w, 'iou-anchor-1')).toFixed(2), '0.79');
      assert.equal(Number(await metric(page, w, 'iou-anchor-2')).toFixed(2), '0.23');
      assert.equal(await metric(page, w, 'anchor'), '1');
      assert.equal(await page.locator(`${w} [data-slots="cell"] tbody td`).count(), 16);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'week3-anchors-en');
      await axeWidget(page, w, 'anchor-boxes', assert);
      // Keyboard: shift + → widens the pedestrian until the wide anchor wins.
      await page.focus(`${w} [data-object="0"]`);
      for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+ArrowRight');
      for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+ArrowUp');
      await waitMetric(page, w, 'anchor', 'v === "2"');
      // Typed: check-yourself question 2, a 2.0 × 0.6 object.
      await page.fill(`${w} input[name="object-w"]`, '2');
      await page.fill(`${w} input[name="object-h"]`, '0.6');
      await waitMetric(page, w, 'iou-anchor-2', 'Math.abs(Number(v) - 0.625) < 1e-3');
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'week3-anchors-wide-en');
      // Mouse: drag the car; it keeps anchor 2 and its own cell.
      await page.click(`${w} [data-action="example"]`);
      await dragBy(page, page.locator(`${w} [data-object="1"] .yg-box`).first(), 0, 90);
      await page.waitForFunction((s) => document.querySelector(`${s} [data-object="1"]`)?.getAttribute('aria-pressed') === 'true', w);
      await waitMetric(page, w, 'owner-cell', 'v === "3,2"');
      assert.equal(await metric(page, w, 'anchor'), '2');
      await shots(newPage, baseURL, shot, assert, 'anchor-boxes', 'anchor-boxes', 'anchors');
    },
  },
  {
    name: 'localization-target: drag the car, y follows; class; no object → [0, ?, …] and loss (ŷ₁ − 0)²',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${baseURL}#/en/lesson/object-localization`);
      const w = `${W('localization-target')}:not(:has(.loc-lab))`; // the first one (the lesson also holds the trained one)
      await page.waitForSelector(`${w} [data-metric="loss"]`);
      assert.equal(await metric(page, w, 'target'), '1,0.5,0.7,0.3,0.5,0,1,0');
      await page.locator(`${w} .yg-scene`).scrollIntoViewIfNeeded();
      const scene = await page.locator(`${w} .yg-scene`).boundingBox();
      await dragBy(page, page.locator(`${w} [data-object="0"] .yg-box`), -scene.width * 0.18, -scene.height * 0.18);
      await waitMetric(page, w, 'target', 'Number(v.split(",")[1]) < 0.4 && Number(v.split(",")[2]) < 0.6');
      await page.selectOption(`${w} select`, '2');
      await waitMetric(page, w, 'target', 'v.endsWith(",0,0,1")');
      await page.fill(`${w} input[name="yhat-1"]`, '0.9');
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'week3-localization-en');
      await axeWidget(page, w, 'localization-target', assert);
      await page.click(`${w} input[role="switch"]`);
      await waitMetric(page, w, 'target', 'v === "0,?,?,?,?,?,?,?"');
      assert.ok(Math.abs(Number(await metric(page, w, 'loss')) - 0.81) < 1e-9, 'background image with ŷ₁ = 0.9 costs 0.81');
      await shot(page, 'week3-localization-none-en');
      await shots(newPage, baseURL, shot, assert, 'object-localization', `${W('localization-target')}:not(:has(.loc-lab))`, 'localization');
    },
  },
  {
    name: 'transposed-conv: step the four stamps (keyboard →) → rows 0 4 0 1 / 10 7 6 3 / 0 7 0 2 / 6 3 4 2; edit an input value',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${baseURL}#/en/lesson/semantic-segmentation-unet`);
      const w = W('transposed-conv');
      await page.waitForSelector(`${w} [data-grid="output"]`);
      assert.equal(await metric(page, w, 'output-size'), '4x4');
      assert.equal(await metric(page, w, 'output'), '0 0 0 0/0 0 0 0/0 0 0 0/0 0 0 0');
      await page.locator(w).scrollIntoViewIfNeeded();
      await page.focus(`${w} [data-action="reset"]`);
      await page.click(`${w} [data-action="reset"]`);
      for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
      await waitMetric(page, w, 'step', 'v === "2"');
      await page.locator(`${w} [data-grid="output"]`).scrollIntoViewIfNeeded();
      await shot(page, 'week3-tconv-step2-en');
      for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
      await waitMetric(page, w, 'output', 'v === "0 4 0 1/10 7 6 3/0 7 0 2/6 3 4 2"');
      // Hover the overlap cell (row 2, column 1): 2·2 + 3·2 = 10.
      await page.hover(`${w} [data-grid="output"] [data-row="1"][data-col="0"]`);
      await page.waitForFunction((s) => document.querySelector(`${s} .tc-hover`)?.textContent?.includes('= 10'), w);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'week3-tconv-en');
      await axeWidget(page, w, 'transposed-conv', assert);
      // Edit input (1, 1) from 2 to 0: its stamp disappears.
      await page.click(`${w} [data-grid="input"] [data-row="0"][data-col="0"]`);
      await page.locator(`${w} [data-grid="input"] input`).fill('0');
      await page.keyboard.press('Enter');
      await waitMetric(page, w, 'output', 'v === "0 2 0 1/6 5 6 3/0 7 0 2/6 3 4 2"');
      await shots(newPage, baseURL, shot, assert, 'semantic-segmentation-unet', 'transposed-conv', 'tconv', '[data-grid="canvas"]');
    },
  },
  {
    name: 'sliding-windows 16: 2×2 windows at stride 2, step with the keyboard, stride 1 → 3×3, stride 3 → 1 crop and 77% coverage',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${baseURL}#/en/lesson/object-detection`);
      const w = `${W('sliding-windows')}:not(:has(.sw-trained))`; // the first one (the lesson also holds the trained one)
      await page.waitForSelector(`${w} [data-metric="windows"]`);
      assert.equal(await metric(page, w, 'windows'), '2x2');
      assert.equal(await metric(page, w, 'crops'), '4');
      await page.locator(w).scrollIntoViewIfNeeded();
      await page.click(`${w} [data-action="step"]`);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await waitMetric(page, w, 'crops-done', 'v === "3"');
      assert.equal(await page.locator(`${w} [data-window="current"]`).count(), 1);
      assert.equal(await page.locator(`${w} [data-window="visited"]`).count(), 2);
      await page.waitForFunction((s) => document.querySelector(`${s} .sw-image rect[fill]`)?.getAttribute('fill') !== 'rgb(200,200,200)', w);
      await shot(page, 'week3-sw16-en');
      await axeWidget(page, w, 'sliding-windows 16', assert);
      await page.selectOption(`${w} select`, '1');
      await waitMetric(page, w, 'windows', 'v === "3x3"');
      assert.equal(await metric(page, w, 'crops'), '9');
      await page.selectOption(`${w} select`, '3');
      await waitMetric(page, w, 'crops', 'v === "1"');
      assert.ok(Math.abs(Number(await metric(page, w, 'coverage')) - 196 / 256) < 1e-9);
      await shots(newPage, baseURL, shot, assert, 'object-detection', `${W('sliding-windows')}:not(:has(.sw-trained))`, 'sw16', '.sw-image rect[fill="rgb(60,60,60)"]');
    },
  },
  {
    name: 'sliding-windows 28: 8×8×4 in one pass; a cell maps back to its 14×14 window; one pass = crop by crop',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${baseURL}#/en/lesson/convolutional-sliding-windows`);
      const w = `${W('sliding-windows')}:not(:has(.sw-trained))`; // the first one (the lesson also holds the trained one)
      await page.waitForSelector(`${w} [data-metric="output-shape"]`);
      assert.equal(await metric(page, w, 'output-shape'), '8x8x4');
      assert.equal(await metric(page, w, 'windows'), '8x8');
      await waitMetric(page, w, 'max-diff', 'Number(v) < 1e-5');
      await page.locator(`${w} [data-grid="output"]`).scrollIntoViewIfNeeded();
      // Pointer on output cell (3, 5) → window rows 5–18, columns 9–22.
      await page.hover(`${w} [data-grid="output"] [data-row="2"][data-col="4"]`);
      await waitMetric(page, w, 'window', 'v === "5-18,9-22"');
      // Keyboard: arrows inside the grid move the cell.
      await page.focus(`${w} [data-grid="output"] [data-row="2"][data-col="4"]`);
      await page.keyboard.press('ArrowDown');
      await waitMetric(page, w, 'window', 'v === "7-20,9-22"');
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'week3-sw28-en');
      await axeWidget(page, w, 'sliding-windows 28', assert);
      await shots(newPage, baseURL, shot, assert, 'convolutional-sliding-windows', `${W('sliding-windows')}:not(:has(.sw-trained))`, 'sw28', '[data-metric="max-diff"]');
    },
  },
];
