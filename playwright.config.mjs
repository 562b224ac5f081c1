// @playwright/test for the browser suite (test/e2e): the system Chromium (no browser download),
// the built app served by test/e2e/serve.mjs, one test at a time (the CPU is shared and some
// tests time the main thread). E2E_DIST picks another build (the StrictMode one).
import { defineConfig } from '@playwright/test';
import { LAUNCH_ARGS, findChromium, root } from './test/e2e/harness.mjs';

// A port of this checkout's own (the config is read again in each worker process, so it must
// not be random): two checkouts testing at once on one machine do not meet.
const ownPort = 20000 + ([...root].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 20000);
const port = Number(process.env.E2E_PORT ?? ownPort);

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.mjs',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // Training to 97% and the offline walk are long; the tests set their own, tighter waits.
  timeout: 300_000,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    headless: true,
    launchOptions: { executablePath: findChromium() ?? undefined, args: LAUNCH_ARGS },
  },
  webServer: {
    command: `node test/e2e/serve.mjs ${port}`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    stdout: 'ignore',
  },
});
