// The face-verification widget in real Chromium (lessons 35, 36, 39): two of face-api's demo
// photos (test fixtures only) uploaded into the two file inputs → faces found and encoded in the
// worker → data-metric="face-distance"; a non-image file gets a clear message; the fake camera
// (a test pattern, no face) gives "no face found"; enrol, recognise, reload (IndexedDB), delete.
// Screenshots en and zh.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { axeWidget } from './helpers.mjs';

const require = createRequire(import.meta.url);
const demo = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');
const FV = '[data-widget="face-verification"]';
const LIMIT = 120_000; // a busy shared 2-core machine

const value = (page, scope, name) => page.locator(`${scope} [data-metric="${name}"]`).first().getAttribute('data-value');
const ready = (page) => page.waitForFunction((s) => {
  const i = document.querySelector(`${s} input[data-input="face-1"], ${s} input[data-input="face-enrol"]`);
  return i && !i.disabled;
}, FV, { timeout: LIMIT });
const faceFound = (page, input) => page.waitForFunction(([s, n]) => document.querySelector(`${s} [data-face-input="${n}"] [data-faces-found]`) || document.querySelector(`${s} [data-face-input="${n}"] [data-error]`), [FV, input], { timeout: LIMIT });

export default [
  {
    name: 'face-verification: two photos → face distance, τ decides, bad file and no-face messages, camera (en, zh)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lesson/face-verification`);
      await page.locator(FV).first().scrollIntoViewIfNeeded();
      await ready(page);
      // a text file is not a picture: a clear message in place
      await page.locator(`${FV} input[data-input="face-1"]`).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
      await page.getByText('“notes.txt” is not a picture').waitFor({ timeout: 10_000 });

      await page.locator(`${FV} input[data-input="face-1"]`).setInputFiles(join(demo, 'sample2.jpg'));
      await page.locator(`${FV} input[data-input="face-2"]`).setInputFiles(join(demo, 'sample1.jpg'));
      await page.waitForFunction((s) => document.querySelector(`${s} [data-metric="face-distance"]`)?.getAttribute('data-value'), FV, { timeout: LIMIT });
      const d1 = Number(await value(page, FV, 'face-distance'));
      assert.ok(d1 > 0.2 && d1 < 1.5, `a distance between two different people's faces: ${d1}`);
      assert.equal(await page.getAttribute(`${FV} [data-face-input="1"] [data-faces-found]`, 'data-faces-found'), '1', 'sample2 holds one face');
      assert.equal(await page.getAttribute(`${FV} [data-face-input="2"] [data-faces-found]`, 'data-faces-found'), '3', 'sample1 holds three faces');
      assert.equal(await value(page, FV, 'face-verdict'), d1 <= 0.6 ? 'same' : 'different', 'τ = 0.6 decides');
      const crop = await page.locator(`${FV} canvas[data-picture="crop-1"]`).getAttribute('width');
      assert.equal(crop, '150', 'the crop the network sees is 150×150');
      // choose another face of sample1: a different distance
      await page.locator(`${FV} [data-face-input="2"] .fv-choose button`).nth(1).click();
      await page.waitForFunction(([s, d]) => Number(document.querySelector(`${s} [data-metric="face-distance"]`)?.getAttribute('data-value')) !== d, [FV, d1], { timeout: 10_000 });
      const d2 = Number(await value(page, FV, 'face-distance'));
      console.log(`    face-verification: d(sample2, sample1 face 1) = ${d1.toFixed(3)}, d(sample2, sample1 face 2) = ${d2.toFixed(3)}`);
      // a τ above d makes it "same"
      const tau = page.locator(`${FV} .fv-decision input[type="range"]`);
      await tau.fill(String(Math.min(1.2, Math.ceil((d2 + 0.02) * 100) / 100)));
      assert.equal(await value(page, FV, 'face-verdict'), 'same', `τ above d = ${d2} says same`);
      await tau.fill('0.6');
      // the chosen face carries its 68 landmarks and the turned square it was cut from
      assert.equal(await page.locator(`${FV} [data-face-input="2"] .fv-landmark`).count(), 68, '68 landmarks drawn');
      await page.locator(`${FV} [data-face-input="1"]`).scrollIntoViewIfNeeded();
      await shot(page, 'face-verification-photos-en');
      await page.locator(`${FV} [data-metric="face-distance"]`).scrollIntoViewIfNeeded();
      await shot(page, 'face-verification-en');
      await axeWidget(page, FV, 'face-verification', assert);

      // the fake camera shows a test pattern: turned on only when asked, then "no face"
      assert.equal(await page.locator(`${FV} video`).count(), 0, 'the camera is off until asked');
      await page.click(`${FV} [data-face-input="1"] [data-action="camera"]`);
      await page.locator(`${FV} [data-face-input="1"] video`).waitFor({ timeout: 20_000 });
      await page.waitForFunction((s) => document.querySelector(`${s} [data-face-input="1"] video`)?.videoWidth > 0, FV, { timeout: 20_000 });
      await page.click(`${FV} [data-face-input="1"] [data-action="take-picture"]`);
      await page.locator(`${FV} [data-face-input="1"]`).getByText('No face found in this picture').waitFor({ timeout: LIMIT });
      assert.equal(await value(page, FV, 'face-distance'), '', 'no face, no distance');
      await page.click(`${FV} [data-face-input="1"] [data-action="camera-off"]`);
      assert.equal(await page.locator(`${FV} video`).count(), 0, 'the camera turns off');

      // zh
      await page.goto(`${baseURL}#/zh/lesson/face-verification`);
      await page.locator(FV).first().scrollIntoViewIfNeeded();
      await ready(page);
      await page.locator(`${FV} input[data-input="face-1"]`).setInputFiles(join(demo, 'sample2.jpg'));
      await page.locator(`${FV} input[data-input="face-2"]`).setInputFiles(join(demo, 'sample1.jpg'));
      await page.waitForFunction((s) => document.querySelector(`${s} [data-metric="face-distance"]`)?.getAttribute('data-value'), FV, { timeout: LIMIT });
      assert.ok(Math.abs(Number(await value(page, FV, 'face-distance')) - d1) < 1e-9, 'the same two photos give the same distance');
      await page.getByText('不同的人').first().waitFor();
      await page.locator(`${FV} [data-metric="face-distance"]`).scrollIntoViewIfNeeded();
      await shot(page, 'face-verification-zh');
    },
  },
  {
    name: 'face-verification: enrol one picture, recognise, not in the database, kept after reload, delete',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lesson/one-shot-learning`);
      const rec = `${FV}:has([data-part="recognise"][aria-pressed="true"])`;
      await page.locator(rec).scrollIntoViewIfNeeded();
      await ready(page);
      await page.fill(`${rec} input[data-input="face-name"]`, 'Sample two');
      await page.locator(`${rec} input[data-input="face-enrol"]`).setInputFiles(join(demo, 'sample2.jpg'));
      await faceFound(page, 'enrol');
      await page.click(`${rec} [data-action="enrol"]`);
      await page.waitForSelector(`${rec} [data-face-db-size="1"]`);
      // the same picture again: distance 0, recognised
      await page.locator(`${rec} input[data-input="face-query"]`).setInputFiles(join(demo, 'sample2.jpg'));
      await page.waitForFunction((s) => document.querySelector(`${s} [data-metric="face-recognised"]`)?.getAttribute('data-value') === 'Sample two', rec, { timeout: LIMIT });
      // a face that was not enrolled
      await page.locator(`${rec} input[data-input="face-query"]`).setInputFiles(join(demo, 'sample3.jpg'));
      await page.locator(rec).getByText('Not in the database').waitFor({ timeout: LIMIT });
      assert.equal(await value(page, rec, 'face-recognised'), '', 'a stranger is not recognised');
      await shot(page, 'face-recognition-en');
      // kept in this browser: still there after a reload, then deleted
      await page.reload();
      await page.locator(rec).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${rec} [data-face-db-size="1"]`, { timeout: 20_000 });
      await page.click(`${rec} [data-action="delete-face"]`);
      await page.waitForSelector(`${rec} [data-face-db-size="0"]`);
      await page.reload();
      await page.locator(rec).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${rec} [data-face-db-size="0"]`, { timeout: 20_000 });
    },
  },
  {
    name: 'face-verification: triplet loss on three uploaded faces, L = max(d(A,P) − d(A,N) + α, 0)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lesson/face-verification`);
      await page.click(`${FV} [data-part="triplet"]`);
      await page.waitForFunction((s) => { const i = document.querySelector(`${s} input[data-input="face-anchor"]`); return i && !i.disabled; }, FV, { timeout: LIMIT });
      await page.locator(`${FV} input[data-input="face-anchor"]`).setInputFiles(join(demo, 'sample2.jpg'));
      await page.locator(`${FV} input[data-input="face-positive"]`).setInputFiles(join(demo, 'sample2.jpg'));
      await page.locator(`${FV} input[data-input="face-negative"]`).setInputFiles(join(demo, 'sample1.jpg'));
      await page.waitForFunction((s) => document.querySelector(`${s} [data-metric="triplet-loss"]`)?.getAttribute('data-value'), FV, { timeout: LIMIT });
      const dap = Number(await value(page, FV, 'triplet-d-ap')), dan = Number(await value(page, FV, 'triplet-d-an'));
      const loss = Number(await value(page, FV, 'triplet-loss'));
      assert.ok(dap < 1e-9, `the same photo twice: d(A,P) = ${dap}`);
      assert.ok(dan > 0.05, `another person: d(A,N) = ${dan}`);
      assert.ok(Math.abs(loss - Math.max(dap - dan + 0.2, 0)) < 1e-9, `L = ${loss} with α = 0.2`);
      await page.locator(`${FV} .fv-part input[type="range"]`).fill(String(Math.ceil((dan + 0.1) * 20) / 20));
      const alpha = Math.ceil((dan + 0.1) * 20) / 20;
      const loss2 = Number(await value(page, FV, 'triplet-loss'));
      assert.ok(Math.abs(loss2 - (alpha - dan)) < 1e-6, `α = ${alpha} > d(A,N): L = ${loss2}`);
      await page.locator(`${FV} [data-metric="triplet-loss"]`).scrollIntoViewIfNeeded();
      await shot(page, 'face-triplet-en');
    },
  },
];
