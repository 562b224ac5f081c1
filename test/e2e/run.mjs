#!/usr/bin/env node
// Browser test harness: serve dist/ on 127.0.0.1, drive the system Chromium with
// playwright-core, run every test/e2e/*.e2e.mjs. Each module default-exports
// [{ name, context?, async run({ newPage, baseURL, shot, assert }) }] (context: extra browser
// context options, e.g. { serviceWorkers: 'allow' }). A page made by newPage() fails
// its test on any console error, page error, failed request or content-security-policy violation.
//   node test/e2e/run.mjs            (after `vite build`; npm run test:e2e does both)
//   E2E_FILTER=presenter node test/e2e/run.mjs   (only tests whose file or name contains it;
//   'a|b' = either)
//   npm run test:e2e:strict   (a subset against a development-React build, where StrictMode
//   mounts every component twice: catches effects that do not survive a remount)
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { extname, join, dirname, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
// E2E_DIST lets a run use its own build (several people building one tree at once).
const dist = process.env.E2E_DIST ? join(process.env.E2E_DIST) : join(root, 'dist');
const shotsDir = join(root, 'screenshots');
const filter = process.env.E2E_FILTER ?? '';

function findChromium() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ].filter(Boolean);
  // Playwright's own browser cache (e.g. after `npx playwright install chromium` elsewhere).
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  if (existsSync(cache)) {
    for (const d of readdirSync(cache).filter((d) => d.startsWith('chromium')).sort().reverse()) {
      for (const rel of ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-mac/Chromium.app/Contents/MacOS/Chromium', 'chrome-win/chrome.exe']) {
        candidates.push(join(cache, d, rel));
      }
    }
  }
  return candidates.find((p) => existsSync(p)) ?? null;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.bin': 'application/octet-stream',
  '.gz': 'application/octet-stream',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
};

function serve(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep) && file !== dir) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

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
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader',
      // a fake camera (a generated test pattern) that needs no permission prompt: the face widget's tests
      '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  });

  const modules = readdirSync(here).filter((f) => f.endsWith('.e2e.mjs')).sort();
  let passed = 0;
  let failed = 0;
  const started = Date.now();
  for (const file of modules) {
    const tests = (await import(pathToFileURL(join(here, file)).href)).default;
    for (const test of tests) {
      const label = `${file.replace(/\.e2e\.mjs$/, '')} › ${test.name}`;
      if (filter && !filter.split('|').some((f) => label.includes(f))) continue;
      // Service workers are blocked unless a test asks for them (test.context), so every other
      // test sees a first visit and does not pay for the offline copy being downloaded.
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1, locale: 'en-US', serviceWorkers: 'block', ...test.context });
      const problems = [];
      const newPage = async (opts = {}) => {
        const page = await context.newPage();
        if (opts.viewport) await page.setViewportSize(opts.viewport);
        // Any content-security-policy violation fails the test (the built index.html carries
        // the policy). The listener is added through the DevTools protocol, outside the policy.
        await page.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (e) => {
            console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline code'} (${e.sourceFile || 'page'}:${e.lineNumber})`);
          });
        });
        page.on('console', (m) => {
          if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
        });
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        page.on('requestfailed', (r) => {
          // ERR_ABORTED = the page itself cancelled it (navigation away, AbortController): not a fault.
          if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
        });
        page.on('response', (r) => {
          if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
        });
        return page;
      };
      const shot = async (page, name) => {
        await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: false });
      };
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
