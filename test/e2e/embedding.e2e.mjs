// Triplet loss, embedding training and one-shot verification (lessons 35–39) in real
// Chromium: drag the negative and read the loss; train the 2-D embedding until same-class test
// pairs are closer than different-class pairs; one-shot verification above chance.
// Screenshots: en, zh, dark theme, presenter mode.

import { W, axeWidgets as axeWidget } from './helpers.mjs';

const value = async (page, w, name) => (await page.locator(`${w} [data-metric="${name}"]`).first().getAttribute('data-value')) ?? '';
const num = async (page, w, name) => Number(await value(page, w, name));
// Generous bars for a busy shared 2-core machine (EMBED_LIMIT_S overrides).
const LIMIT_S = Number(process.env.EMBED_LIMIT_S ?? 120);
const GLYPH_LIMIT_S = Number(process.env.EMBED_LIMIT_S ?? 300);

const tripletTests = [
  {
    name: 'triplet-loss: drag the negative into the hard region → d(A,N) falls, loss rises (en, zh, presenter shots)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lesson/triplet-loss`);
      const w = W('triplet-loss');
      await page.waitForSelector(`${w} [data-point="n"]`);
      await page.locator(w).scrollIntoViewIfNeeded();
      const loss0 = await num(page, w, 'triplet-loss');
      const dan0 = await num(page, w, 'd-an');
      assert.equal(loss0, 0, 'the starting triplet is easy');
      // drag N onto A's position (centre of the anchor mark)
      const n = await page.locator(`${w} [data-point="n"] .tl-mark`).boundingBox();
      const a = await page.locator(`${w} [data-point="a"] .tl-mark`).boundingBox();
      await page.mouse.move(n.x + n.width / 2, n.y + n.height / 2);
      await page.mouse.down();
      await page.mouse.move(a.x + a.width / 2 + 8, a.y + a.height / 2 + 8, { steps: 12 });
      await page.mouse.up();
      const dan1 = await num(page, w, 'd-an');
      const dap = await num(page, w, 'd-ap');
      const loss1 = await num(page, w, 'triplet-loss');
      assert.ok(dan1 < dan0 && dan1 < dap, `N dragged next to A: d(A,N) ${dan0} → ${dan1} (d(A,P) = ${dap})`);
      assert.ok(Math.abs(loss1 - (dap - dan1 + 0.2)) < 1e-9, `loss = d(A,P) − d(A,N) + α: ${loss1}`);
      assert.equal(await page.getAttribute(`${w} [data-kind]`, 'data-kind'), 'hard');
      // keyboard: arrows on A move it, the loss changes again
      await page.focus(`${w} [data-point="a"]`);
      await page.keyboard.press('ArrowUp');
      assert.notEqual(await num(page, w, 'd-ap'), dap);
      await shot(page, 'embedding-triplet-loss-en');
      await axeWidget(page, w, 'triplet-loss', assert);
      await page.goto(`${baseURL}#/zh/lesson/triplet-loss`);
      await page.waitForSelector(`${w} [data-point="n"]`);
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'embedding-triplet-loss-zh');
      await page.goto(`${baseURL}#/en/lesson/triplet-loss`);
      await page.waitForSelector(`${w} [data-point="n"]`);
      await page.click('[data-control="presenter"]');
      for (let i = 0; i < 8 && !(await page.locator(w).isVisible()); i++) await page.keyboard.press('ArrowRight');
      assert.ok(await page.locator(w).isVisible(), 'triplet-loss visible in presenter mode');
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'embedding-triplet-loss-presenter');
    },
  },
  {
    name: 'triplet-training: semi-hard training makes same-class test pairs closer than different-class pairs',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lesson/siamese-network`);
      const w = W('triplet-training');
      await page.waitForSelector(`${w} [data-action="start"]`);
      await page.locator(w).scrollIntoViewIfNeeded();
      const t0 = Date.now();
      await page.click(`${w} [data-action="start"]`);
      // the first pass over the test digits happens before any training: the untrained loss
      await page.waitForFunction((s) => document.querySelector(`${s} [data-metric="triplet-loss"]`)?.getAttribute('data-value'), w, { timeout: LIMIT_S * 1000 });
      const loss0 = await num(page, w, 'triplet-loss');
      await page.waitForFunction((s) => {
        const v = (n) => document.querySelector(`${s} [data-metric="${n}"]`)?.getAttribute('data-value');
        const same = Number(v('same-class-distance')), diff = Number(v('different-class-distance'));
        return v('same-class-distance') && Number(v('step')) >= 20 && same * 2 < diff;
      }, w, { timeout: LIMIT_S * 1000, polling: 250 });
      const secs = (Date.now() - t0) / 1000;
      const same = await num(page, w, 'same-class-distance');
      const diff = await num(page, w, 'different-class-distance');
      const steps = await num(page, w, 'step');
      console.log(`    separated (same ${same.toFixed(3)} vs different ${diff.toFixed(3)}) at step ${steps} after ${secs.toFixed(1)} s`);
      assert.ok(same < diff);
      const loss1 = await num(page, w, 'triplet-loss');
      console.log(`    test-triplet loss ${loss0.toFixed(3)} → ${loss1.toFixed(3)}`);
      assert.ok(loss1 < loss0, 'the loss on fixed test triplets fell');
      assert.ok((await value(page, w, 'easy-fraction')) !== '', 'easy fraction shown');
      await shot(page, 'embedding-training-en');
      await page.click(`${w} [data-action="pause"]`);
      await page.waitForSelector(`${w} [data-action="start"]`);
      const stepPaused = await num(page, w, 'step');
      await page.waitForTimeout(800);
      assert.ok((await num(page, w, 'step')) - stepPaused <= 1, 'paused: no more steps');
      // dark theme shot
      await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
      await page.waitForTimeout(300);
      await shot(page, 'embedding-training-dark');
      await axeWidget(page, w, 'triplet-training (dark)', assert);
      await page.click(`${w} [data-action="reset"]`);
      assert.equal(await num(page, w, 'step'), 0);
    },
  },
  {
    name: 'triplet-training (random mining, zh): easy fraction reported; presenter shot',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/zh/lesson/triplet-loss`);
      const w = W('triplet-training');
      await page.waitForSelector(`${w} [data-action="start"]`);
      await page.locator(w).scrollIntoViewIfNeeded();
      await page.click(`${w} [data-action="start"]`);
      await page.waitForFunction((s) => Number(document.querySelector(`${s} [data-metric="step"]`)?.getAttribute('data-value')) >= 30, w, { timeout: LIMIT_S * 1000, polling: 250 });
      const easy = await num(page, w, 'easy-fraction');
      console.log(`    random mining: ${Math.round(easy * 100)}% of triplets easy (zero loss) at step ${await num(page, w, 'step')}`);
      assert.ok(easy > 0.1 && easy <= 1, `random triplets are often easy: ${easy}`);
      await shot(page, 'embedding-training-random-zh');
      await page.click(`${w} [data-action="pause"]`);
      await page.click('[data-control="presenter"]');
      for (let i = 0; i < 10 && !(await page.locator(w).isVisible()); i++) await page.keyboard.press('ArrowRight');
      await page.locator(`${w} canvas`).first().scrollIntoViewIfNeeded();
      assert.ok((await num(page, w, 'step')) >= 30, 'presenter mode keeps the training (the widget remounted)');
      await shot(page, 'embedding-training-presenter');
    },
  },
];

export const oneShotTests = [
  {
    name: 'one-shot: train the encoder on 0–6, verify never-seen 7/8/9 above chance, recognition mode (en, zh, dark shots)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lesson/triplet-loss`);
      const w = `${W("one-shot")} .w-one-shot[data-set="digits"]`;
      await page.waitForSelector(`${w} [data-action="start"]`);
      await page.locator(w).scrollIntoViewIfNeeded();
      const t0 = Date.now();
      await page.click(`${w} [data-action="start"]`);
      await page.waitForSelector(`${w} [data-metric="verification-accuracy"]`, { timeout: LIMIT_S * 1000 });
      const secs = (Date.now() - t0) / 1000;
      const acc = await num(page, w, 'verification-accuracy');
      const tau = await num(page, w, 'tau');
      console.log(`    encoder trained in ${secs.toFixed(1)} s; verification accuracy ${(acc * 100).toFixed(1)}% at τ = ${tau}`);
      assert.ok(acc > 0.55, `above chance (50%): ${acc}`);
      const ba = {};
      for (const k of ['new-untrained', 'new-trained', 'known-untrained', 'known-trained']) ba[k] = await num(page, w, `${k}-accuracy`);
      console.log(`    best-τ accuracy, untrained → trained: new classes ${ba['new-untrained']} → ${ba['new-trained']}; known classes ${ba['known-untrained']} → ${ba['known-trained']}`);
      assert.ok(ba['known-trained'] > ba['known-untrained'] + 0.05, 'training separates new pictures of the training classes');
      // τ = 0 rejects every pair: exactly half right (the same-class half is rejected)
      await page.locator(`${w} input[type="range"]`).fill('0');
      assert.equal(await num(page, w, 'tau'), 0);
      assert.ok(Math.abs((await num(page, w, 'verification-accuracy')) - 0.5) < 0.01, 'τ = 0 ⇒ 50%');
      await page.locator(`${w} input[type="range"]`).fill(String(tau));
      await page.click(`${w} button:has-text("Another different-class pair")`);
      await shot(page, 'embedding-one-shot-verify-en');
      await page.click(`${w} [data-mode="recognition"]`);
      await page.waitForSelector(`${w} [data-answer]`);
      await page.click(`${w} [data-query="1"]`);
      assert.ok((await value(page, w, 'db-distance-7')) !== '', 'distance to the database 7');
      await shot(page, 'embedding-one-shot-recognise-en');
      await axeWidget(page, w, 'one-shot recognition', assert);
      await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
      await page.waitForTimeout(300);
      await page.click(`${w} [data-mode="verification"]`);
      await shot(page, 'embedding-one-shot-dark');
      await axeWidget(page, w, 'one-shot verification (dark)', assert);
      // zh: the lesson's widget, untrained, then the language switch keeps nothing broken
      await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
      // the lesson in Chinese (same document): the trained encoder is still there
      await page.evaluate(() => (location.hash = '#/zh/lesson/triplet-loss'));
      await page.waitForSelector(`${w} [data-metric="verification-accuracy"]`, { timeout: 10_000 });
      assert.equal(await num(page, w, 'tau'), tau, 'same encoder, same best τ');
      await page.locator(`${w} .os-logistic`).scrollIntoViewIfNeeded();
      await shot(page, 'embedding-one-shot-zh');
    },
  },
];

const glyphTests = [
  {
    name: 'one-shot (glyphs): train on 11 scripts, 5-way and 20-way accuracy on unseen scripts far above chance (en, zh, presenter shots)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lesson/one-shot-learning`);
      const w = `${W("one-shot")} .w-one-shot[data-set="glyphs"]`;
      await page.waitForSelector(`${w} [data-action="start"]`);
      await page.locator(w).scrollIntoViewIfNeeded();
      assert.equal(await num(page, w, 'chance'), 0.2, '5-way: chance 1/5');
      const t0 = Date.now();
      await page.click(`${w} [data-action="start"]`);
      // first evaluation (the untrained encoder) then training until 5-way accuracy is clearly learnt
      await page.waitForFunction(
        (sel) => {
          const m = document.querySelector(`${sel} [data-metric="one-shot-accuracy"]`);
          const s = document.querySelector(`${sel} [data-metric="step"]`);
          return m && Number(m.getAttribute('data-value')) > 0.75 && Number(s?.getAttribute('data-value')) >= 100;
        },
        w,
        { timeout: GLYPH_LIMIT_S * 1000, polling: 500 },
      );
      const secs = (Date.now() - t0) / 1000;
      const acc5 = await num(page, w, 'one-shot-accuracy');
      const untrained5 = await num(page, w, 'untrained-accuracy');
      const pixels5 = await num(page, w, 'pixel-accuracy');
      const step = await num(page, w, 'step');
      console.log(`    5-way one-shot accuracy ${(acc5 * 100).toFixed(1)}% at step ${step} after ${secs.toFixed(1)} s (untrained ${(untrained5 * 100).toFixed(1)}%, raw pixels ${(pixels5 * 100).toFixed(1)}%, chance 20%)`);
      assert.ok(acc5 > untrained5 + 0.1, 'training beats the untrained encoder');
      assert.ok((await page.locator(`${w} [data-support]`).count()) === 5, 'a 5-way question shows 5 database drawings');
      await shot(page, 'one-shot-glyphs-en');
      await page.selectOption(`${w} [data-param="ways"]`, '20');
      assert.equal(await num(page, w, 'chance'), 0.05, '20-way: chance 1/20');
      assert.equal(await num(page, w, 'one-shot-ways'), 20);
      const acc20 = await num(page, w, 'one-shot-accuracy');
      assert.ok(acc20 > 0.3 && acc20 < acc5, `20-way is harder than 5-way but far above 5 %: ${acc20}`);
      assert.ok((await page.locator(`${w} [data-support]`).count()) === 20);
      await page.click(`${w} button:has-text("Another question")`);
      await shot(page, 'one-shot-glyphs-20-en');
      await axeWidget(page, w, 'one-shot glyphs', assert);
      await page.click(`${w} [data-action="pause"]`).catch(() => {});
      await page.evaluate(() => (location.hash = '#/zh/lesson/one-shot-learning'));
      await page.waitForSelector(`${w} [data-metric="one-shot-accuracy"]`);
      await page.locator(w).scrollIntoViewIfNeeded();
      assert.ok((await num(page, w, 'step')) >= step, 'the run survives the language switch');
      await shot(page, 'one-shot-glyphs-zh');
      await page.click('[data-control="presenter"]');
      // the widget is on the third page (the section "learning a similarity function")
      for (let k = 0; k < 2; k++) await page.keyboard.press('ArrowRight');
      await page.waitForSelector(`${w} [data-metric="one-shot-accuracy"]`);
      await page.waitForTimeout(500);
      await shot(page, 'one-shot-glyphs-presenter');
    },
  },
];

export default [...tripletTests, ...oneShotTests, ...glyphTests];
