// The training lab (#/en/lab) in real Chromium: the default LeNet-5-like preset reaches
// ≥ 97% on the 2,000 held-out test digits within a generous limit, the main thread has no
// long task over 200 ms while it trains, a drawn digit gets ten probabilities, a reload
// resumes the autosaved model, and a learning rate of 1000 pauses with the divergence message;
// on a first visit Step works before Start (one press, even while the digits load), Reset asks first, and unreadable settings stop Start.

const W = '[data-widget="mnist-trainer"]';
const value = async (page, name) => (await page.locator(`${W} [data-metric="${name}"]`).first().getAttribute('data-value')) ?? '';
const num = async (page, name) => Number(await value(page, name));
const click = (page, action) => page.locator(`${W} [data-action="${action}"]`).first().click();
// The bar is 15 s on an idle 2-core machine; 60 s leaves room for a busy one (LAB_LIMIT_S overrides).
const LIMIT_S = Number(process.env.LAB_LIMIT_S ?? 60);

/** Collect main-thread long tasks from page start (the observer must exist before they happen). */
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

async function openLab(page, baseURL, lang = 'en') {
  await page.goto(`${baseURL}#/${lang}/lab`);
  await page.waitForSelector(`${W} [data-action="start"]:not([disabled])`, { timeout: 30_000 });
}

/** Press Start and wait for test accuracy ≥ target; returns seconds from the press. */
export async function trainTo(page, target, limitS) {
  const t0 = await page.evaluate(() => performance.now());
  await click(page, 'start');
  await page.waitForFunction((t) => Number(document.querySelector('[data-metric="test-accuracy"]')?.getAttribute('data-value') || 0) >= t, target, {
    timeout: limitS * 1000,
    polling: 100,
  });
  const t1 = await page.evaluate(() => performance.now());
  return { seconds: (t1 - t0) / 1000, t0, t1 };
}

async function drawOne(page) {
  const pad = page.locator(`${W} [data-draw-pad]`);
  const box = await pad.boundingBox();
  const at = (fx, fy) => [box.x + fx * box.width, box.y + fy * box.height];
  // a "7": a top bar, then a diagonal down to the left
  await page.mouse.move(...at(0.25, 0.2));
  await page.mouse.down();
  for (const [fx, fy] of [[0.45, 0.2], [0.75, 0.2], [0.6, 0.5], [0.45, 0.85]]) await page.mouse.move(...at(fx, fy), { steps: 6 });
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector('[data-metric="prob-0"]')?.getAttribute('data-value'), null, { timeout: 10_000 });
  const probs = [];
  for (let d = 0; d < 10; d++) probs.push(await num(page, `prob-${d}`));
  return probs;
}

export default [
  {
    name: 'a first visit: Step trains one batch before any Start, Reset asks before discarding it, a bad learning rate stops Start in place',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await openLab(page, baseURL);
      assert.equal(await num(page, 'step'), 0);
      const stepIs = (n) => page.waitForFunction((k) => Number(document.querySelector('[data-metric="step"]')?.getAttribute('data-value')) === k, n, { timeout: 15_000 });
      await click(page, 'step');
      // Pressed before the digits reached the worker, the step waits for them ('Loading'): one
      // press is one batch, however early.
      await page.waitForFunction(() => document.querySelector('[data-metric="step"]')?.getAttribute('data-value') === '1' || /Loading/.test(document.querySelector('.mt-status')?.textContent ?? ''), null, { timeout: 15_000 });
      console.log(`    first Step pressed while: ${(await num(page, 'step')) === 0 ? 'the digits loaded' : 'the digits were already there'}`);
      await page.waitForFunction(() => document.querySelector('[data-metric="step"]')?.getAttribute('data-value') === '1', null, { timeout: 40_000 });
      await page.waitForTimeout(800);
      assert.equal(await num(page, 'step'), 1, 'one press, one step');

      await click(page, 'reset');
      await page.waitForSelector(`${W} dialog.confirm-dialog[open]`);
      await shot(page, 'lab-reset-confirm-en');
      await page.locator(`${W} dialog.confirm-dialog .btn:not([data-confirm])`).click();
      await page.waitForSelector(`${W} dialog.confirm-dialog[open]`, { state: 'detached' });
      assert.equal(await num(page, 'step'), 1, 'Cancel keeps the model');
      await click(page, 'reset');
      await page.locator(`${W} dialog.confirm-dialog [data-confirm="yes"]`).click();
      await stepIs(0);

      await page.locator(`${W} input[name="learning-rate"]`).fill('0.0o3');
      await click(page, 'start');
      await page.waitForSelector(`${W} [data-blocked]`);
      assert.match(await page.locator(`${W} [data-blocked]`).innerText(), /Learning rate/);
      await page.waitForTimeout(500);
      assert.equal(await page.locator(`${W} [data-action="pause"]`).count(), 0, 'not started');
      assert.equal(await num(page, 'step'), 0);
      await shot(page, 'lab-blocked-en');
    },
  },
  {
    name: 'LeNet-5-like reaches 97% test accuracy live, with no main-thread task over 200 ms',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await watchLongTasks(page);
      await openLab(page, baseURL);
      assert.equal(await page.locator(`${W} select`).first().inputValue(), 'lenet5');

      const { seconds, t0, t1 } = await trainTo(page, 0.97, LIMIT_S);
      const acc = await num(page, 'test-accuracy');
      const ips = await num(page, 'images-per-second');
      const step = await num(page, 'step');
      const longTasks = await page.evaluate(([a, b]) => window.__longTasks.filter((t) => t.start >= a && t.start <= b), [t0, t1]);
      const worst = Math.max(0, ...longTasks.map((t) => t.ms));
      console.log(`    lab: ${(acc * 100).toFixed(1)}% after ${seconds.toFixed(1)} s (step ${step}, ${ips} images/s); longest main-thread task ${worst.toFixed(0)} ms (${longTasks.length} over 50 ms)`);
      assert.ok(acc >= 0.97 && acc <= 1, `test accuracy ${acc}`);
      assert.ok(worst <= 200, `no long task over 200 ms while training (worst ${worst} ms)`);
      assert.ok(ips > 0, `images per second shown (${ips})`);

      await click(page, 'pause');
      await page.waitForSelector(`${W} [data-action="start"]`);
      // The views are filled: confusion matrix sums to 2,000, mistakes gallery.
      const cmTotal = await page.$$eval(`${W} [data-cell]`, (cells) => cells.reduce((s, c) => s + Number(c.textContent || 0), 0));
      assert.equal(cmTotal, 2000);
      assert.ok((await page.locator(`${W} .mt-mistake`).count()) > 0, 'a gallery of mistakes');
      await shot(page, 'lab-trained-en');
    },
  },
  {
    name: 'pause stops, draw a digit gives ten probabilities, a reload resumes the autosave, lr 1000 pauses with the reason',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await openLab(page, baseURL);
      await click(page, 'start');
      // past the first test pass (2,000 images), so the confusion matrix and gallery exist
      await page.waitForFunction(() => document.querySelector('[data-metric="test-accuracy"]')?.getAttribute('data-value'), null, { timeout: 120_000 });
      await click(page, 'pause');
      await page.waitForSelector(`${W} [data-action="start"]`);
      const paused = await num(page, 'step');
      await new Promise((r) => setTimeout(r, 400));
      assert.equal(await num(page, 'step'), paused, 'paused: the step count stops');
      const cmTotal = await page.$$eval(`${W} [data-cell]`, (cells) => cells.reduce((s, c) => s + Number(c.textContent || 0), 0));
      assert.equal(cmTotal, 2000);

      // Single step: exactly one more batch.
      await click(page, 'step');
      await page.waitForFunction((n) => Number(document.querySelector('[data-metric="step"]')?.getAttribute('data-value')) === n, paused + 1, { timeout: 10_000 });
      // Draw a digit: ten probabilities that sum to 1.
      const probs = await drawOne(page);
      const sum = probs.reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(sum - 1) < 1e-3, `probabilities sum to 1 (${sum})`);
      assert.ok(/^\d$/.test(await value(page, 'prediction')), 'a predicted digit');
      await page.locator(`${W} .mt-draw`).scrollIntoViewIfNeeded();
      await shot(page, 'lab-draw-en');

      // Autosaved: a reload resumes the model (same step, same accuracy).
      await page.waitForSelector(`${W} [data-autosaved="${paused + 1}"]`, { timeout: 10_000 });
      await page.reload();
      await openLab(page, baseURL);
      await page.waitForFunction((s) => Number(document.querySelector('[data-metric="step"]')?.getAttribute('data-value')) === s, paused + 1, { timeout: 15_000 });
      await page.waitForSelector(`${W} [data-note="restored"]`);

      // Download the model file and load it back: same step count, a "loaded" note.
      const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'download-model')]);
      const path = await download.path();
      await page.locator(`${W} input[type="file"]`).setInputFiles(path);
      await page.waitForSelector(`${W} [data-note="loaded"]`, { timeout: 15_000 });
      assert.equal(await num(page, 'step'), paused + 1);

      // A learning rate of 1000 blows the loss up: training pauses with the reason.
      const rate = page.locator(`${W} input[name="learning-rate"]`);
      await rate.fill('1000');
      await click(page, 'start');
      await page.waitForSelector(`${W} [data-note="diverged"]`, { timeout: 20_000 });
      const text = await page.locator(`${W} [data-note="diverged"]`).innerText();
      assert.match(text, /smaller learning rate/);
      await page.waitForSelector(`${W} [data-action="start"]`);
      assert.equal(await page.locator(`${W} [data-action="pause"]`).count(), 0, 'training is paused');
      await shot(page, 'lab-diverged-en');
    },
  },
  {
    name: 'zh, dark theme and presenter mode render the lab; a bad model file is rejected in place',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await openLab(page, baseURL, 'zh');
      await click(page, 'start');
      await page.waitForFunction(() => Number(document.querySelector('[data-metric="step"]')?.getAttribute('data-value')) > 80, null, { timeout: 30_000 });
      await click(page, 'pause');
      await shot(page, 'lab-zh');
      await page.locator(`${W} input[type="file"]`).setInputFiles({ name: 'junk.cvlm', mimeType: 'application/octet-stream', buffer: Buffer.from('not a model at all') });
      await page.waitForSelector(`${W} [data-note="bad-file"]`, { timeout: 10_000 });
      // the reason in the page's language (the engine's English reason is not shown in zh)
      const badText = await page.locator(`${W} [data-note="bad-file"]`).innerText();
      assert.match(badText, /该文件未载入：它不是 ConvLab 模型文件/);
      assert.doesNotMatch(badText, /not a ConvLab model file/);
      // the model is still there: the step count did not go back
      assert.ok((await num(page, 'step')) > 80);
      await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
      await shot(page, 'lab-zh-dark');

      // Embedded in lesson 08 (tiny CNN), in presenter mode: step slides until the trainer shows.
      await page.goto(`${baseURL}#/zh/lesson/simple-cnn-example`);
      await page.waitForSelector(`${W} [data-action="start"]:not([disabled])`, { timeout: 30_000 });
      assert.equal(await page.locator(`${W} select`).first().inputValue(), 'tiny');
      await page.locator('h1').first().click();
      await page.keyboard.press('p');
      for (let i = 0; i < 8 && !(await page.locator(`${W} [data-action="start"]`).isVisible().catch(() => false)); i++) {
        await page.keyboard.press('ArrowRight');
        await page.waitForTimeout(300);
      }
      await page.waitForSelector(`${W} [data-action="start"]:not([disabled])`, { timeout: 30_000 });
      await click(page, 'start');
      await page.waitForFunction(() => Number(document.querySelector('[data-metric="step"]')?.getAttribute('data-value')) > 20, null, { timeout: 30_000 });
      await click(page, 'pause');
      await shot(page, 'lab-zh-presenter');
    },
  },
];
