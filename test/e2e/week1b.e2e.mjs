// Week-1 widgets in the real browser: exercise, shape-calculator, why-convolutions,
// edge-detect (MNIST, built-in pictures, an uploaded PNG, a non-image file) and learn-filter.
import { addAxe } from './helpers.mjs';

const MINE = ['exercise', 'shape-calculator', 'why-convolutions', 'edge-detect', 'learn-filter'];
const widget = (name) => `[data-widget="${name}"]`;

/** axe on this file's widgets only (serious and critical findings). */
async function axeMine(page, label, assert) {
  await addAxe(page);
  const found = await page.evaluate(async (names) => {
    const roots = names.flatMap((n) => [...document.querySelectorAll(`[data-widget="${n}"]`)]);
    if (!roots.length) return ['no widget of mine on this page'];
    const r = await axe.run({ include: roots }, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, MINE);
  assert.deepEqual(found, [], `axe on ${label}`);
}
const metric = (page, scope, name) => page.getAttribute(`${scope} [data-metric="${name}"]`, 'data-value');

async function open(page, baseURL, lang, id) {
  await page.goto(`${baseURL}#/${lang}/lesson/${id}`);
  await page.waitForSelector('[data-lesson-title]');
}

/** A PNG drawn by a canvas in the page: a bright rectangle on black, w×h. */
async function makePng(page, w, h) {
  const b64 = await page.evaluate(([w, h]) => {
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    const ctx = c.getContext('2d');
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = '#fff';
    ctx.fillRect(Math.round(w / 4), Math.round(h / 4), Math.round(w / 2), Math.round(h / 2));
    return c.toDataURL('image/png').split(',')[1];
  }, [w, h]);
  return Buffer.from(b64, 'base64');
}

export default [
  {
    name: 'axe: no serious violations in these widgets (en light, zh dark)',
    async run({ newPage, baseURL, assert }) {
      const page = await newPage();
      const lessons = ['computer-vision', 'edge-detection', 'more-edge-detection', 'cnn-example', 'why-convolutions'];
      for (const id of lessons) {
        await open(page, baseURL, 'en', id);
        await page.waitForSelector(MINE.map(widget).join(', '));
        await page.waitForTimeout(600);
        await axeMine(page, `en/${id}`, assert);
      }
      await page.click('[data-control="theme"]');
      await page.click('[data-control="theme"]');
      for (const id of ['more-edge-detection', 'why-convolutions']) {
        await open(page, baseURL, 'zh', id);
        await page.waitForSelector(MINE.map(widget).join(', '));
        await page.waitForTimeout(600);
        await axeMine(page, `zh/${id} dark`, assert);
      }
    },
  },
  {
    name: 'exercise: a wrong answer shows the answer and the computation; the right one is confirmed',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await open(page, baseURL, 'en', 'computer-vision');
      const ex = '.ex[data-kind="output-size"]';
      await page.waitForSelector(ex);
      await page.fill(`${ex} input`, '-1');
      await page.press(`${ex} input`, 'Enter');
      await page.waitForSelector(`${ex} [data-metric="answer-status"][data-value="wrong"]`);
      const correct = await page.getAttribute(`${ex} [data-metric="correct-answer"]`, 'data-value');
      const work = await page.textContent(`${ex} .ex-work code`);
      assert.match(work, /^⌊\(\d+ \+ 2·\d+ − \d+\)\/\d+⌋ \+ 1 = ⌊-?\d+\/\d+⌋ \+ 1 = \d+$/);
      assert.ok(work.endsWith(`= ${correct}`), work);
      await page.locator(ex).scrollIntoViewIfNeeded();
      await shot(page, 'exercise-wrong-en');
      await page.fill(`${ex} input`, correct);
      await page.click(`${ex} [data-action="check"]`);
      await page.waitForSelector(`${ex} [data-metric="answer-status"][data-value="right"]`);
      // A new question clears the verdict.
      await page.click(`${ex} [data-action="new-question"]`);
      assert.equal(await page.getAttribute(`${ex} [data-metric="answer-status"]`, 'data-value'), '');
    },
  },
  {
    name: 'shape-calculator: LeNet-5 preset gives the errata parameters; a bad filter is explained in place',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await open(page, baseURL, 'en', 'cnn-example');
      const sc = widget('shape-calculator');
      await page.waitForSelector(`${sc} [data-metric="total-params"]`);
      assert.equal(await metric(page, sc, 'total-params'), '62006');
      const params = await page.$$eval(`${sc} [data-metric="layer-params"]`, (els) => els.map((e) => e.getAttribute('data-value')));
      assert.deepEqual(params, ['0', '456', '0', '2416', '0', '48120', '10164', '850']);
      await page.locator(sc).scrollIntoViewIfNeeded();
      await shot(page, 'shape-calculator-lenet5-en');
      await page.fill(`${sc} input[aria-label="f of layer 3"]`, '20');
      await page.waitForSelector(`${sc} .sc-problem`);
      assert.equal(await metric(page, sc, 'total-params'), '');
      assert.equal(await page.inputValue(`${sc} input[aria-label="f of layer 3"]`), '20');
    },
  },
  {
    name: 'why-convolutions: 14,450,688 dense weights vs 456; Chinese page',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await open(page, baseURL, 'zh', 'why-convolutions');
      const wc = widget('why-convolutions');
      await page.waitForSelector(`${wc} [data-metric="dense-weights"]`);
      assert.equal(await metric(page, wc, 'dense-weights'), '14450688');
      assert.equal(await metric(page, wc, 'conv-params'), '456');
      await page.focus(`${wc} .wc-out`);
      await page.keyboard.press('ArrowDown');
      assert.match(await page.textContent(`${wc} .wc-explain`), /\(12, 13\)/);
      await page.locator(wc).scrollIntoViewIfNeeded();
      await shot(page, 'why-convolutions-zh');
    },
  },
  {
    name: 'edge-detect: MNIST digit maps, then an uploaded PNG (downscaled), then a non-image file keeps the picture',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await open(page, baseURL, 'en', 'edge-detection');
      const ed = widget('edge-detect');
      await page.waitForSelector(`${ed} [data-metric="edge-map-count"][data-value="7"]`, { timeout: 20000 });
      assert.equal(await metric(page, ed, 'picture-size'), '28x28');
      await page.locator(ed).scrollIntoViewIfNeeded();
      await shot(page, 'edge-detect-digit-en');
      const png = await makePng(page, 400, 300);
      await page.setInputFiles(`${ed} input[type=file]`, { name: 'box.png', mimeType: 'image/png', buffer: png });
      await page.waitForSelector(`${ed} [data-metric="picture-size"][data-value="192x256"]`);
      await page.waitForSelector(`${ed} [data-metric="edge-map-count"][data-value="7"]`);
      assert.match(await page.textContent(ed), /Downscaled from 400×300 to 256×192/);
      // The magnitude map is not blank: its canvas has bright (edge) pixels.
      const lit = await page.$eval(`${ed} [data-grid="edge-magnitude"] canvas`, (c) => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 2] - d[2]) > 60) n++;
        return n;
      });
      assert.ok(lit > 100, `edge pixels in the magnitude map: ${lit}`);
      await shot(page, 'edge-detect-upload-en');
      await page.setInputFiles(`${ed} input[type=file]`, { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
      await page.waitForSelector(`${ed} [data-error]`);
      assert.match(await page.textContent(`${ed} [data-error]`), /notes\.txt.*not a picture/);
      assert.equal(await metric(page, ed, 'picture-size'), '192x256', 'previous picture stays');
    },
  },
  {
    name: 'learn-filter: start lowers the loss and ends near Sobel; pause and reset work',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await open(page, baseURL, 'en', 'more-edge-detection');
      const lf = widget('learn-filter');
      await page.waitForSelector(`${lf} [data-action="start"]`);
      await page.click(`${lf} [data-action="start"]`);
      await page.waitForFunction((s) => Number(document.querySelector(`${s} [data-metric="step"]`)?.getAttribute('data-value')) >= 5, lf);
      const early = Number(await metric(page, lf, 'loss'));
      await page.waitForFunction((s) => Number(document.querySelector(`${s} [data-metric="step"]`)?.getAttribute('data-value')) >= 300, lf, { timeout: 30000 });
      const late = Number(await metric(page, lf, 'loss'));
      assert.ok(late < early / 100, `loss ${early} → ${late}`);
      assert.ok(Number(await metric(page, lf, 'max-abs-diff')) < 0.05);
      await page.click(`${lf} [data-action="pause"]`);
      await page.waitForSelector(`${lf} [data-action="start"]`);
      const paused = await metric(page, lf, 'step');
      await page.waitForTimeout(400);
      assert.equal(await metric(page, lf, 'step'), paused, 'paused: no more steps');
      await page.locator(lf).scrollIntoViewIfNeeded();
      await shot(page, 'learn-filter-en');
      await page.click(`${lf} [data-action="reset"]`);
      assert.equal(await metric(page, lf, 'step'), '0');
      // Too large a learning rate: the loss blows up and the page says why, in place.
      await page.selectOption(`${lf} select >> nth=1`, '3');
      await page.click(`${lf} [data-action="start"]`);
      await page.waitForSelector(`${lf} [data-error]`, { timeout: 20000 });
      assert.match(await page.textContent(`${lf} [data-error]`), /diverges/);
      await page.click(`${lf} [data-action="reset"]`);
      assert.equal(await page.$(`${lf} [data-error]`), null);
    },
  },
  {
    name: 'presenter and dark screenshots of the week-1 widgets',
    async run({ newPage, baseURL, shot }) {
      const page = await newPage({ viewport: { width: 1920, height: 1080 } });
      await open(page, baseURL, 'en', 'cnn-example');
      await page.click('[data-control="presenter"]');
      await page.waitForSelector('html.presenting');
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector(`${widget('shape-calculator')} [data-metric="total-params"][data-value="62006"]`);
      await page.locator(widget('shape-calculator')).scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await shot(page, 'presenter-shape-calculator-en');
      await page.keyboard.press('Escape');
      await page.click('[data-control="theme"]');
      await page.click('[data-control="theme"]');
      await open(page, baseURL, 'zh', 'more-edge-detection');
      await page.waitForSelector(`${widget('edge-detect')} [data-metric="edge-map-count"][data-value="7"]`);
      await page.locator(widget('edge-detect')).scrollIntoViewIfNeeded();
      await shot(page, 'edge-detect-dark-zh');
      // learn-filter and a conv-value exercise, dark, Chinese
      const lf = widget('learn-filter');
      await page.click(`${lf} [data-action="start"]`);
      await page.waitForFunction((s) => Number(document.querySelector(`${s} [data-metric="step"]`)?.getAttribute('data-value')) >= 60, lf);
      await page.locator(lf).scrollIntoViewIfNeeded();
      await shot(page, 'learn-filter-dark-zh');
      const ex = '.ex[data-kind="conv-value"]';
      await page.fill(`${ex} input`, '1000');
      await page.press(`${ex} input`, 'Enter');
      await page.waitForSelector(`${ex} [data-metric="answer-status"][data-value="wrong"]`);
      await page.locator(ex).scrollIntoViewIfNeeded();
      await shot(page, 'exercise-conv-value-dark-zh');
    },
  },
  {
    name: 'phone: the table scrolls inside its box, the edge maps wrap, a tap picks an output unit',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage({ viewport: { width: 390, height: 844 } });
      await open(page, baseURL, 'en', 'cnn-example');
      const sc = widget('shape-calculator');
      await page.waitForSelector(`${sc} [data-metric="total-params"]`);
      const fit = await page.$eval(`${sc} .sc-scroll`, (el) => ({
        right: el.getBoundingClientRect().right, vw: window.innerWidth, inner: el.scrollWidth > el.clientWidth,
      }));
      assert.ok(fit.right <= fit.vw + 1, `the calculator ends at ${fit.right}px on a ${fit.vw}px screen`);
      assert.ok(fit.inner, 'the wide table scrolls inside its box');
      await page.locator(sc).scrollIntoViewIfNeeded();
      await shot(page, 'phone-shape-calculator-en');
      await open(page, baseURL, 'en', 'why-convolutions');
      const out = `${widget('why-convolutions')} [data-grid="output"] canvas`;
      await page.waitForSelector(out);
      await page.locator(out).scrollIntoViewIfNeeded();
      const box = await page.locator(out).boundingBox();
      await page.mouse.click(box.x + 2, box.y + 2); // top-left unit
      assert.match(await page.textContent(`${widget('why-convolutions')} .wc-explain`), /\(1, 1\)/);
      await page.locator(widget('why-convolutions')).scrollIntoViewIfNeeded();
      await shot(page, 'phone-why-convolutions-en');
    },
  },
];
