#!/usr/bin/env node
// The plain browser-test runner: serve dist/ on 127.0.0.1, drive the system Chromium with
// playwright-core, run every test/e2e/*.e2e.mjs (format and page checks: harness.mjs).
// `npm run test:e2e` runs the same files on @playwright/test; this runner stays for a quick,
// dependency-light look at one file.
//   node test/e2e/run.mjs            (after `vite build`)
//   E2E_FILTER=presenter node test/e2e/run.mjs   (only tests whose file or name contains it;
//   'a|b' = either)
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { LAUNCH_ARGS, contextOptions, dist, findChromium, loadSuites, pageTools, serve, shotsDir } from './harness.mjs';

const filter = process.env.E2E_FILTER ?? '';

async function main() {
  if (!existsSync(join(dist, 'index.html'))) {
    console.error('dist/ is missing: run `npx vite build` first (npm run test:e2e does).');
    process.exit(1);
  }
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(
      'No Chromium found. Install one, e.g. on Debian/Ubuntu:\n' +
        '  sudo apt-get install chromium fonts-noto-cjk\n' +
        'or point CHROME_PATH at a Chrome/Chromium binary.',
    );
    process.exit(1);
  }
  mkdirSync(shotsDir, { recursive: true });
  const server = await serve(dist);
  const baseURL = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath, headless: true, args: LAUNCH_ARGS });

  let passed = 0;
  let failed = 0;
  const started = Date.now();
  for (const { file, tests } of await loadSuites()) {
    for (const test of tests) {
      const label = `${file} › ${test.name}`;
      if (filter && !filter.split('|').some((f) => label.includes(f))) continue;
      const context = await browser.newContext(contextOptions(test));
      const problems = [];
      const { newPage, shot } = pageTools(context, problems);
      const t0 = Date.now();
      try {
        await test.run({ newPage, baseURL, shot, assert, problems });
        if (problems.length) throw new Error(`the page reported problems:\n    ${problems.slice(0, 10).join('\n    ')}`);
        passed++;
        console.log(`✓ ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      } catch (e) {
        failed++;
        console.log(`✗ ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n    ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n    ')}`);
        if (problems.length && !String(e).includes('reported problems')) console.log(`    page problems:\n    ${problems.slice(0, 10).join('\n    ')}`);
      } finally {
        await context.close().catch(() => {});
      }
    }
  }
  await browser.close();
  server.close();
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (passed + failed === 0) console.error(filter ? `no test matches E2E_FILTER="${filter}"` : 'no browser test found');
  console.log(`${passed} passed, ${failed} failed`);
  // A run that ran nothing is not a pass.
  process.exit(failed || passed === 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
