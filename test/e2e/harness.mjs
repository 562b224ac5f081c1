// The browser suite's shared pieces, used by both runners: test/e2e/run.mjs (the plain one)
// and @playwright/test (playwright.config.mjs + test/e2e/suite.spec.mjs). A test file is
// test/e2e/<name>.e2e.mjs default-exporting
//   [{ name, context?, async run({ newPage, baseURL, shot, assert, problems }) }]
// (context: extra browser context options, e.g. { serviceWorkers: 'allow' }). A page made by
// newPage() fails its test on any console error, page error, failed request or
// content-security-policy violation.
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { extname, join, dirname, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
// E2E_DIST lets a run use its own build (several people building one tree at once).
export const dist = process.env.E2E_DIST ? join(process.env.E2E_DIST) : join(root, 'dist');
export const shotsDir = join(root, 'screenshots');

export const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader',
  // a fake camera (a generated test pattern) that needs no permission prompt: the face widget's tests
  '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

export function findChromium() {
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

export function serve(dir, port = 0) {
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
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}


/** The test files, in name order, with their tests. */
export async function loadSuites() {
  const files = readdirSync(here).filter((f) => f.endsWith('.e2e.mjs')).sort();
  const out = [];
  for (const file of files) out.push({ file: file.replace(/\.e2e\.mjs$/, ''), tests: (await import(pathToFileURL(join(here, file)).href)).default });
  return out;
}

/**
 * The options of a test's browser context. Service workers are blocked unless a test asks for
 * them (test.context), so every other test sees a first visit and does not pay for the offline
 * copy being downloaded.
 */
export function contextOptions(test) {
  return { viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1, locale: 'en-US', serviceWorkers: 'block', ...test.context };
}

/** newPage() and shot() for one test in `context`; problems collects what its pages report. */
export function pageTools(context, problems) {
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
  return { newPage, shot };
}
