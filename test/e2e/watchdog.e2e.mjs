// A worker that dies without a sound (it calls close(): no error event) is noticed by the
// client's heartbeat, restarted, and the page says so; the work can be started again with
// its settings kept. Playwright reaches into the worker itself to make it go silent.

const computeWorkers = (page) => page.workers().filter((w) => w.url().includes('compute'));

async function silenceComputeWorkers(page) {
  const workers = computeWorkers(page);
  if (workers.length === 0) throw new Error('no compute worker to silence');
  await Promise.all(workers.map((w) => w.evaluate(() => self.close()).catch(() => {})));
}

export default [
  {
    name: 'system check: a job whose worker goes silent ends with the restart notice; a new job runs',
    async run({ newPage, baseURL, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/system`);
      await page.waitForFunction(() => document.querySelector('[data-metric="ping-ms"]')?.getAttribute('data-value'), null, { timeout: 20_000 });
      const S = '[data-widget="system-check"]';
      await page.locator(`${S} [data-action="start"]`).first().click();
      await page.waitForFunction(() => Number(document.querySelector('[data-metric="step"]')?.getAttribute('data-value') || -1) > 20, null, { timeout: 10_000 });
      await silenceComputeWorkers(page);
      // The heartbeat's limit while a job runs is 10 s; allow for a busy machine.
      await page.waitForSelector('[data-worker-notice]', { timeout: 30_000 });
      await page.waitForSelector('[data-job-error="worker-restarted"]');
      assert.equal(await page.getAttribute('[data-metric="worker-restarts"]', 'data-value'), '1');
      await page.locator(`${S} [data-action="start"]`).first().click();
      await page.waitForFunction(() => document.querySelector('[data-metric="job-phase"]')?.getAttribute('data-value') === 'running', null, { timeout: 10_000 });
      await page.waitForFunction(() => Number(document.querySelector('[data-metric="step"]')?.getAttribute('data-value') || -1) > 20, null, { timeout: 10_000 });
    },
  },
  {
    name: 'lab: training whose worker goes silent stops with a note, restores the model, and Start trains on with the same settings',
    async run({ newPage, baseURL, assert, shot }) {
      const page = await newPage();
      const W = '[data-widget="mnist-trainer"]';
      await page.goto(`${baseURL}#/en/lab`);
      await page.waitForSelector(`${W} [data-action="start"]:not([disabled])`, { timeout: 30_000 });
      await page.locator(`${W} input[name="learning-rate"]`).fill('0.003');
      await page.locator(`${W} [data-action="start"]`).click();
      await page.waitForFunction(() => Number(document.querySelector('[data-metric="step"]')?.getAttribute('data-value') || 0) > 5, null, { timeout: 60_000 });
      await silenceComputeWorkers(page);
      await page.waitForSelector(`${W} [data-note="restarted"]`, { timeout: 30_000 });
      await page.waitForSelector(`${W} [data-action="start"]:not([disabled])`, { timeout: 30_000 });
      await shot(page, 'watchdog-lab-restarted-en');
      assert.equal(await page.inputValue(`${W} input[name="learning-rate"]`), '0.003', 'the typed learning rate is kept');
      const before = Number(await page.getAttribute(`${W} [data-metric="step"]`, 'data-value'));
      await page.locator(`${W} [data-action="start"]`).click();
      await page.waitForFunction((b) => Number(document.querySelector('[data-metric="step"]')?.getAttribute('data-value') || 0) > b + 5, before, { timeout: 60_000 });
    },
  },
];
