// The content-security policy of the built app: exactly the agreed policy in a <meta> of
// dist/index.html, no inline script there, WebAssembly still compiles, and a violation is
// caught by the runner (which fails every test on one).
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const AGREED =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; media-src 'self' blob: mediastream:; object-src 'none'; base-uri 'self'; form-action 'none'";
const dist = process.env.E2E_DIST ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

// The smallest valid module: the magic number and version 1.
const EMPTY_WASM = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

export default [
  {
    name: 'the built index.html carries the agreed policy and no inline script; the page sees it',
    async run({ newPage, baseURL, assert }) {
      const html = readFileSync(join(dist, 'index.html'), 'utf8');
      assert.equal([...html.matchAll(/http-equiv="Content-Security-Policy"/g)].length, 1, 'one policy');
      assert.deepEqual([...html.matchAll(/<script\b([^>]*)>/g)].filter((m) => !/\bsrc=/.test(m[1])), [], 'no inline <script>');
      const page = await newPage();
      await page.goto(`${baseURL}#/en`);
      await page.waitForSelector('[data-course-map]');
      const content = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.equal(content, AGREED);
    },
  },
  {
    name: 'under the policy WebAssembly compiles, eval is refused, and an inline script is reported as a violation',
    async run({ newPage, baseURL, assert, problems }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/system`);
      await page.waitForSelector('[data-widget="system-check"]');
      // Run from a same-origin script the app could have shipped (a blob would need blob: in script-src).
      const r = await page.evaluate(async (bytes) => {
        const out = {};
        try {
          await WebAssembly.compile(new Uint8Array(bytes));
          out.wasm = 'compiled';
        } catch (e) {
          out.wasm = String(e);
        }
        try {
          setTimeout('window.__evaluated = 1', 0);
          await new Promise((res) => setTimeout(res, 50));
          out.stringTimer = window.__evaluated === 1 ? 'ran' : 'refused';
        } catch (e) {
          out.stringTimer = `threw ${e}`;
        }
        return out;
      }, EMPTY_WASM);
      assert.equal(r.wasm, 'compiled', 'wasm-unsafe-eval lets WebAssembly compile');
      assert.equal(r.stringTimer, 'refused', 'code from strings is refused');
      // An inline script injected into the page is blocked and reported.
      await page.addScriptTag({ content: 'window.__inline = 1' }).catch(() => {});
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => window.__inline), undefined, 'the inline script did not run');
      const reported = problems.filter((p) => /CSP violation|Content Security Policy/.test(p));
      assert.ok(reported.length >= 2, `the violations were reported: ${problems.join(' | ')}`);
      problems.length = 0; // these were the point of the test
    },
  },
];
