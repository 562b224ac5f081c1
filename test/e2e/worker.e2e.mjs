// The compute worker in the real browser, through the system check page (#/en/system):
// a job streams progress, pauses (the count stops), single-steps, resumes, cancels; a too
// large learning rate stops it with a readable error; a forced crash is reported and a new
// job works afterwards; the engine benchmark reports GFLOP/s.

const metric = (page, name) => page.locator(`[data-metric="${name}"]`).first();
const value = async (page, name) => (await metric(page, name).getAttribute('data-value')) ?? '';
const num = async (page, name) => Number(await value(page, name));
const click = (page, action) => page.locator(`[data-widget="system-check"] [data-action="${action}"]`).first().click();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function open(page, baseURL, lang = 'en') {
  await page.goto(`${baseURL}#/${lang}/system`);
  await page.waitForSelector('[data-widget="system-check"] [data-system-check]', { timeout: 20_000 });
  // The worker answered a ping, from off the main thread.
  await page.waitForFunction(() => document.querySelector('[data-metric="ping-ms"]')?.getAttribute('data-value'), null, { timeout: 15_000 });
}

const waitPhase = (page, phase) =>
  page.waitForFunction((p) => document.querySelector('[data-metric="job-phase"]')?.getAttribute('data-value') === p, phase, { timeout: 10_000 });

const waitStepAbove = (page, n) =>
  page.waitForFunction((n) => Number(document.querySelector('[data-metric="step"]')?.getAttribute('data-value') || -1) > n, n, { timeout: 10_000 });

export default [
  {
    name: 'a job streams progress, pauses, steps, resumes and cancels',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await open(page, baseURL);
      assert.equal(await value(page, 'in-worker'), 'true');
      assert.equal(await value(page, 'worker-state'), 'ready');
      // the worker loaded the WebAssembly SIMD kernels (a same-origin asset of the build)
      assert.equal(await value(page, 'engine-backend'), 'wasm');

      await click(page, 'start');
      await waitStepAbove(page, 100);
      const a = await num(page, 'step');
      await sleep(300);
      const b = await num(page, 'step');
      assert.ok(b > a, `the step count streams (${a} → ${b})`);
      const loss = await num(page, 'loss');
      assert.ok(loss > 0 && loss < 0.05, `the loss went down to ${loss}`);

      await click(page, 'pause');
      await waitPhase(page, 'paused');
      const p1 = await num(page, 'step');
      await sleep(500);
      assert.equal(await num(page, 'step'), p1, 'paused: the count stops');

      await click(page, 'step');
      await page.waitForFunction((n) => Number(document.querySelector('[data-metric="step"]')?.getAttribute('data-value')) === n, p1 + 1);

      // Change α while paused, then resume: it keeps running with the new rate.
      await page.locator('[data-widget="system-check"] input[type="range"]').first().fill('0.5');
      await click(page, 'resume');
      await waitPhase(page, 'running');
      await waitStepAbove(page, p1 + 1000);
      await shot(page, 'system-check-running-en');

      await click(page, 'cancel');
      await waitPhase(page, 'cancelled');
      const c = await num(page, 'step');
      await sleep(300);
      assert.equal(await num(page, 'step'), c, 'cancelled: no more progress');
      assert.ok(Number.isFinite(await num(page, 'loss')), 'the last values stay on screen');
    },
  },
  {
    name: 'a learning rate that diverges stops the job with a readable error',
    async run({ newPage, baseURL, assert }) {
      const page = await newPage();
      await open(page, baseURL);
      await page.locator('[data-widget="system-check"] input[type="range"]').first().fill('1.5');
      await click(page, 'start');
      await page.waitForSelector('[data-job-error="non-finite-loss"]', { timeout: 15_000 });
      await waitPhase(page, 'error');
      const text = await page.locator('[data-job-error]').textContent();
      assert.match(text, /diverges/);
      assert.ok(Number.isFinite(await num(page, 'loss')), 'the last good loss is kept');
    },
  },
  {
    name: 'a crashed worker is restarted, the page says so, and a new job works',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await open(page, baseURL);
      await click(page, 'start');
      await waitStepAbove(page, 50);
      await click(page, 'crash');
      await page.waitForSelector('[data-worker-notice]', { timeout: 10_000 });
      assert.match(await page.locator('[data-worker-notice]').textContent(), /stopped and was restarted; your settings are kept/);
      await page.waitForSelector('[data-job-error="worker-restarted"]');
      await waitPhase(page, 'error');
      assert.equal(await value(page, 'worker-restarts'), '1');
      // The new worker answers a ping again…
      await page.waitForFunction(() => document.querySelector('[data-metric="ping-ms"]')?.getAttribute('data-value'), null, { timeout: 10_000 });
      // …and runs a new job.
      await click(page, 'start');
      await waitPhase(page, 'running');
      await waitStepAbove(page, 100);
      await shot(page, 'system-check-after-crash-en');
      await click(page, 'pause');
      await waitPhase(page, 'paused');
    },
  },
  {
    name: 'the engine benchmark reports GFLOP/s in this browser',
    async run({ newPage, baseURL, assert }) {
      const page = await newPage();
      await open(page, baseURL);
      await click(page, 'benchmark');
      await page.waitForFunction(() => document.querySelector('[data-metric="gflops"]')?.getAttribute('data-value'), null, { timeout: 90_000 });
      const g = await num(page, 'gflops');
      const ips = await num(page, 'images-per-second');
      // on the WebAssembly SIMD kernels: well above what scalar JS reaches (~2–5 GFLOP/s)
      assert.ok(g > 5, `GFLOP/s = ${g}`);
      assert.ok(ips > 10, `images/s = ${ips}`);
      console.log(`    browser conv2d: ${g.toFixed(2)} GFLOP/s, first layer ${Math.round(ips)} images/s`);
    },
  },
  {
    name: 'the system check speaks Chinese at #/zh/system',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await open(page, baseURL, 'zh');
      assert.equal((await page.locator('[data-action="start"]').first().textContent()).trim(), '开始');
      assert.match(await page.locator('[data-system-check]').textContent(), /计算 Worker/);
      await shot(page, 'system-check-zh');
    },
  },
];
