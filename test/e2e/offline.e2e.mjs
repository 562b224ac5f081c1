// Offline: after one visit the service worker has the whole app, so with the network off a
// reload of a lesson, a lesson never opened before (both languages) and the lab all work, and
// the lab trains on MNIST digits cached on first use. A new deployment shows an update prompt.
// The network is cut twice over: the browser's offline mode and every request aborted at the
// context (which also catches the service worker's own fetches), so anything not cached
// fails the test as a failed request.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = process.env.E2E_DIST ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const W = '[data-widget="mnist-trainer"]';

async function waitControlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 30_000 });
}

async function cutNetwork(context) {
  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
}

export default [
  {
    name: 'after one visit: lessons (en, zh) and the lab reload and run with the network off',
    context: { serviceWorkers: 'allow' },
    async run({ newPage, baseURL, assert, shot }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en`);
      await page.waitForSelector('[data-course-map]');
      await waitControlled(page);
      // The one visit: the lab trains a little, reading the MNIST digits (cached on first use).
      await page.goto(`${baseURL}#/en/lab`);
      await page.waitForSelector(`${W} [data-action="start"]:not([disabled])`, { timeout: 60_000 });
      await page.locator(`${W} [data-action="start"]`).click();
      await page.waitForFunction(() => Number(document.querySelector('[data-metric="step"]')?.getAttribute('data-value') || 0) > 2, null, { timeout: 60_000 });
      await page.locator(`${W} [data-action="pause"]`).click();
      const cached = await page.evaluate(async () => (await (await caches.open('convlab-data')).keys()).map((r) => new URL(r.url).pathname).sort());
      assert.deepEqual(cached, ['/data/mnist-test-images.u8', '/data/mnist-test-labels.u8', '/data/mnist-train-images.u8', '/data/mnist-train-labels.u8']);

      await cutNetwork(page.context());
      await page.reload();
      await page.waitForSelector(`${W} [data-action="start"]:not([disabled])`, { timeout: 60_000 });
      const step = Number(await page.getAttribute(`${W} [data-metric="step"]`, 'data-value'));
      await page.locator(`${W} [data-action="start"]`).click();
      await page.waitForFunction((s) => Number(document.querySelector('[data-metric="step"]')?.getAttribute('data-value') || 0) > s + 5, step, { timeout: 60_000 });
      await page.locator(`${W} [data-action="pause"]`).click();

      for (const path of ['#/en/lesson/padding', '#/zh/lesson/pooling-layers', '#/zh/lesson/style-transfer-cost']) {
        await page.goto(`${baseURL}${path}`);
        await page.reload();
        await page.waitForSelector('[data-lesson-title]', { timeout: 20_000 });
        await page.waitForSelector('.lesson [data-widget]', { timeout: 20_000 });
      }
      assert.equal(await page.locator('[data-app-error], [data-lesson-error]').count(), 0);
      await shot(page, 'offline-lesson-zh');
    },
  },
  {
    name: 'a new deployment shows an update prompt (zh); accepting it reloads onto the new version',
    context: { serviceWorkers: 'allow' },
    async run({ newPage, baseURL, assert, shot }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/zh`);
      await page.waitForSelector('[data-course-map]');
      await waitControlled(page);
      const file = join(dist, 'sw.js');
      const original = readFileSync(file, 'utf8');
      try {
        // A redeploy: the service worker's script changes by a byte.
        writeFileSync(file, `${original}\n// next deployment\n`);
        await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
        await page.waitForSelector('[data-update-prompt]', { timeout: 20_000 });
        assert.match(await page.textContent('[data-update-prompt]'), /新版本/);
        await shot(page, 'offline-update-prompt-zh');
        const before = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
        await Promise.all([page.waitForEvent('load', { timeout: 20_000 }), page.click('[data-update-prompt] [data-action="update"]')]);
        await page.waitForSelector('[data-course-map]');
        await waitControlled(page);
        assert.equal(await page.locator('[data-update-prompt]').count(), 0, 'no prompt after updating');
        assert.ok(before, 'the page was controlled before the update');
      } finally {
        writeFileSync(file, original);
      }
    },
  },
];
