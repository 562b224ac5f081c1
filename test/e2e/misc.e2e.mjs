// Misc widgets in the real browser: data-augmentation (§21), landmarks (§24), region-proposals
// (§31). Each test drives the main interaction (button, drag, keyboard, tabs) and reads the
// widget's main data-metric; screenshots in en, zh, dark and presenter mode; axe on the widget.
import { W, axeWidget, waitMetric, toPresenterSlideWith, metric } from './helpers.mjs';

/** zh, dark (+ axe) and presenter screenshots of one widget on one lesson. */
async function shots(newPage, baseURL, shot, assert, lesson, name, tag, ready) {
  // a widget name, or a selector when a lesson holds two widgets of that name
  const w = name.startsWith('[') ? name : W(name);
  const page = await newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${baseURL}#/zh/lesson/${lesson}`);
  await page.waitForSelector(`${w} ${ready}`);
  await page.locator(w).scrollIntoViewIfNeeded();
  await shot(page, `misc-${tag}-zh`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${baseURL}#/en/lesson/${lesson}`);
  await page.waitForSelector(`${w} ${ready}`);
  await page.locator(w).scrollIntoViewIfNeeded();
  await shot(page, `misc-${tag}-dark`);
  await axeWidget(page, w, `${name} (dark)`, assert);
  await page.emulateMedia({ colorScheme: 'light' });
  await toPresenterSlideWith(page, w);
  await shot(page, `misc-${tag}-presenter`);
}

export default [
  {
    name: 'data-augmentation: 8 samples; new samples → next seed, other pictures; the letter b mirrored reads d',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${baseURL}#/en/lesson/data-augmentation`);
      const w = W('data-augmentation');
      await page.waitForSelector(`${w} [data-metric="samples"]`);
      assert.equal(await metric(page, w, 'samples'), '8');
      assert.equal(await metric(page, w, 'seed'), '1');
      const pixels = () => page.evaluate((sel) => document.querySelector(`${sel} [data-sample="0"] canvas`).toDataURL(), w);
      const before = await pixels();
      await page.locator(`${w} .aug-grid`).scrollIntoViewIfNeeded();
      await shot(page, 'misc-augment-en');
      await page.click(`${w} [data-action="new-samples"]`);
      await waitMetric(page, w, 'seed', 'v === "2"');
      await page.waitForFunction(([sel, b]) => document.querySelector(`${sel} [data-sample="0"] canvas`).toDataURL() !== b, [w, before]);
      // Everything off except the mirror: the cat keeps its label, the letter b becomes a d in some samples.
      await page.selectOption(`${w} select`, 'letter-b');
      await page.waitForSelector(`${w} [data-sample][data-label="d"]`);
      const labels = await page.$$eval(`${w} [data-sample]`, (els) => els.map((e) => e.getAttribute('data-label')));
      assert.ok(labels.includes('b') && labels.includes('d'), `labels ${labels}`);
      // Keyboard: the rotation slider moves with the arrow keys.
      const rot = page.locator(`${w} input[type="range"]`).nth(1);
      await rot.focus();
      const v0 = Number(await rot.inputValue());
      await page.keyboard.press('ArrowRight');
      assert.equal(Number(await rot.inputValue()), v0 + 1);
      await shot(page, 'misc-augment-letter-en');
      // PCA colour augmentation: σ up → every sample reports its α and colour offset; λ1 ≥ λ2 ≥ λ3.
      await page.selectOption(`${w} select`, 'cat');
      const pca = page.locator(`${w} input[type="range"]`).nth(4);
      await pca.focus();
      await page.keyboard.press('End');
      await page.waitForFunction((sel) => [...document.querySelectorAll(`${sel} .aug-params`)].length === 8
        && [...document.querySelectorAll(`${sel} .aug-params`)].every((e) => e.textContent.includes('PCA α')), w);
      const lambdas = await page.$$eval(`${w} [data-eigenvalue]`, (els) => els.map((e) => Number(e.getAttribute('data-eigenvalue'))));
      assert.equal(lambdas.length, 3);
      assert.ok(lambdas[0] >= lambdas[1] && lambdas[1] >= lambdas[2] && lambdas[2] >= 0, `eigenvalues ${lambdas}`);
      await page.locator(`${w} .aug-pca`).scrollIntoViewIfNeeded();
      await shot(page, 'misc-augment-pca-en');
      await shots(newPage, baseURL, shot, assert, 'data-augmentation', 'data-augmentation', 'augment', '[data-metric="samples"]');
    },
  },
  {
    name: 'landmarks: y has 1 + 2n entries; drag and keyboard move a landmark; a label swap changes y, not the picture',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${baseURL}#/en/lesson/landmark-detection`);
      const w = `${W('landmarks')}:not(:has(.lm-lab))`; // the first one (the lesson also holds the trained one)
      await page.waitForSelector(`${w} [data-metric="vector-length"]`);
      assert.equal(await metric(page, w, 'landmarks'), '4');
      assert.equal(await metric(page, w, 'vector-length'), '9');
      const entry = (name) => page.getAttribute(`${w} [data-entry="${name}"]`, 'data-value');
      await page.locator(`${w} .lm-face`).scrollIntoViewIfNeeded();
      // Drag landmark 1 (left eye, outer corner) to the right with the mouse.
      const x0 = Number(await entry('l1x'));
      const dot = await page.locator(`${w} [data-landmark="0"] .lm-dot`).boundingBox();
      const face = await page.locator(`${w} .lm-face`).boundingBox();
      await page.mouse.move(dot.x + dot.width / 2, dot.y + dot.height / 2);
      await page.mouse.down();
      await page.mouse.move(dot.x + dot.width / 2 + face.width * 0.05, dot.y + dot.height / 2, { steps: 5 });
      await page.mouse.move(dot.x + dot.width / 2 + face.width * 0.1, dot.y + dot.height / 2, { steps: 5 });
      await page.mouse.up();
      const x1 = Number(await entry('l1x'));
      assert.ok(Math.abs(x1 - (x0 + 0.1)) < 0.02, `dragged l1x ${x0} → ${x1}`);
      // Keyboard: arrow up moves l1y by 0.01.
      const y0 = Number(await entry('l1y'));
      await page.focus(`${w} [data-landmark="0"]`);
      await page.keyboard.press('ArrowUp');
      assert.equal(Number(await entry('l1y')), Math.round((y0 - 0.01) * 1000) / 1000);
      // 8 landmarks → 17; swap labels 1 and 4 → their entries are flagged, the dots stay.
      await page.selectOption(`${w} select >> nth=0`, '8');
      await waitMetric(page, w, 'vector-length', 'v === "17"');
      const before = await entry('l1x');
      const l4x = await entry('l4x');
      await page.selectOption(`${w} select >> nth=1`, '1');
      await page.selectOption(`${w} select >> nth=2`, '4');
      await page.click(`${w} [data-action="swap"]`);
      assert.equal(await entry('l1x'), l4x);
      assert.equal(await entry('l4x'), before);
      assert.equal(await page.locator(`${w} .lm-changed`).count(), 4);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'misc-landmarks-en');
      // Mirror without renumbering: the common mistake is called out.
      await page.click(`${w} .lm-controls input[role="switch"] >> nth=1`);
      await page.waitForSelector(`${w} .ui-callout-mistake`);
      await shot(page, 'misc-landmarks-mirror-en');
      // No face: the coordinates become "don't care", the picture shows no face and no landmarks.
      await page.click(`${w} .lm-controls input[role="switch"] >> nth=0`);
      await page.waitForSelector(`${w} [data-picture="no-face"]`);
      assert.equal(await entry('face'), '0');
      assert.equal(await entry('l1x'), '');
      assert.equal(await page.locator(`${w} [data-landmark]`).count(), 0);
      assert.equal(await metric(page, w, 'vector-length'), '17');
      await shots(newPage, baseURL, shot, assert, 'landmark-detection', `${W('landmarks')}:not(:has(.lm-lab))`, 'landmarks', '[data-metric="vector-length"]');
    },
  },
  {
    name: 'region-proposals: R-CNN 2,000 proposals → 2,000 forward passes; Fast R-CNN 1; Faster R-CNN 300 RPN proposals, 1 pass; slider changes N',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${baseURL}#/en/lesson/region-proposals`);
      const w = `${W('region-proposals')}:not(:has(.rp-lab))`; // the first one (the lesson also holds the trained one)
      await page.waitForSelector(`${w} [data-detection]`);
      assert.equal(await metric(page, w, 'proposals'), '2000');
      assert.equal(await metric(page, w, 'forward-passes'), '2000');
      assert.ok(Number(await metric(page, w, 'detections')) >= 3);
      await page.locator(`${w} .rp-scene`).scrollIntoViewIfNeeded();
      await shot(page, 'misc-rp-rcnn-en');
      // Keyboard through the tabs: → Fast R-CNN, → Faster R-CNN.
      await page.focus(`${w} [data-tab="rcnn"]`);
      await page.keyboard.press('ArrowRight');
      await waitMetric(page, w, 'forward-passes', 'v === "1"');
      assert.equal(await metric(page, w, 'proposals'), '2000');
      await page.keyboard.press('ArrowRight');
      await waitMetric(page, w, 'proposals', 'v === "300"');
      assert.equal(await metric(page, w, 'forward-passes'), '1');
      assert.equal(await page.getAttribute(`${w} [data-tab="faster"]`, 'aria-selected'), 'true');
      await shot(page, 'misc-rp-faster-en');
      // Back to R-CNN with the mouse; fewer proposals → fewer passes.
      await page.click(`${w} [data-tab="rcnn"]`);
      const slider = page.locator(`${w} input[type="range"]`);
      await slider.focus();
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
      await waitMetric(page, w, 'forward-passes', 'v === "1500"');
      assert.equal(await page.getAttribute(`${w} [data-pipeline="rcnn"] [data-passes]`, 'data-passes'), '1500');
      await page.click(`${w} .rp-controls input[role="switch"]`);
      await page.waitForTimeout(200);
      await shot(page, 'misc-rp-segmentation-en');
      await shots(newPage, baseURL, shot, assert, 'region-proposals', `${W('region-proposals')}:not(:has(.rp-lab))`, 'rp', '[data-detection]');
    },
  },
];
