// The code exercise in the real browser: a wrong and a correct zero padding typed into the
// CodeMirror editor and graded (tests-passed / tests-total), an endless loop stopped by the
// time limit while the page stays responsive, the sandbox's closed doors, the code kept
// across a reload, the solution unlocked, the course-map mark; en, zh and presenter shots.
import { W, axeWidget, metric, toPresenterSlideWith } from './helpers.mjs';

const w = W('code-exercise');

const WRONG = `function zeroPad(X, pad) {
  const [m, nH, nW, nC] = shape(X);
  const out = zeros([m, nH + pad, nW + pad, nC]);
  for (let i = 0; i < m; i++)
    for (let h = 0; h < nH; h++)
      for (let w = 0; w < nW; w++)
        for (let c = 0; c < nC; c++) out[i][h + pad][w + pad][c] = X[i][h][w][c];
  return out;
}`;
const RIGHT = WRONG.replace('zeros([m, nH + pad, nW + pad, nC])', 'zeros([m, nH + 2 * pad, nW + 2 * pad, nC])');
const LOOP = 'function zeroPad(X, pad) {\n  while (true) {}\n}';
const PROBE = `function zeroPad(X, pad) {
  for (const name of ['fetch', 'XMLHttpRequest', 'importScripts', 'WebSocket', 'indexedDB', 'BroadcastChannel', 'postMessage'])
    if (typeof self[name] !== 'undefined') throw new Error('OPEN:' + name);
  try { (function () {}).constructor('return 1')(); } catch (e) { throw new Error('CLOSED:' + e.name); }
  throw new Error('OPEN:Function');
}`;

/** Replace the editor's text as one input (what a paste does). */
async function typeCode(page, code) {
  await page.click(`${w} .cm-content`);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(code);
}

/** Press Run and wait until the run is over (the button is back). */
async function runTests(page) {
  await page.click(`${w} [data-action="start"]`);
  await page.waitForFunction((sel) => {
    const b = document.querySelector(`${sel} [data-action="start"]`);
    return b && !b.disabled && document.querySelector(`${sel} .code-exercise`)?.getAttribute('aria-busy') === 'false';
  }, w, { timeout: 15000 });
}

export default [
  {
    name: 'code-exercise: wrong and right zeroPad graded, endless loop stopped, sandbox closed, code kept, map marked (en, zh, presenter)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lesson/padding`);
      await page.waitForSelector(`${w} .cm-content`, { timeout: 20000 });
      await page.waitForSelector(`${w} [data-metric="tests-total"]`);
      assert.equal(await metric(page, w, 'tests-total'), '4'); // the worked example + 3 random cases
      assert.equal(await page.getAttribute(`${w} [data-action="solution"]`, 'disabled'), '', 'solution locked before a first run');
      await page.locator(w).scrollIntoViewIfNeeded();
      await shot(page, 'code-exercise-start-en');

      // A wrong answer: padded on one side only.
      await typeCode(page, WRONG);
      await runTests(page);
      assert.equal(await metric(page, w, 'tests-passed'), '0');
      assert.equal(await metric(page, w, 'tests-total'), '4');
      const problem = await page.textContent(`${w} .code-exercise-problem`);
      assert.match(problem, /Wrong shape: expected \(1, 8, 8, 1\), got \(1, 7, 7, 1\)/);
      assert.equal(await page.getAttribute(`${w} .code-exercise-hint`, 'data-hint'), 'padBothSides');
      await page.locator(`${w} .code-exercise-problem`).scrollIntoViewIfNeeded();
      await shot(page, 'code-exercise-wrong-en');

      // The right answer.
      await typeCode(page, RIGHT);
      await runTests(page);
      assert.equal(await metric(page, w, 'tests-passed'), '4');
      assert.equal(await metric(page, w, 'tests-total'), '4');
      await page.waitForSelector(`${w} .code-exercise-done`);
      await shot(page, 'code-exercise-right-en');

      // The sandbox: no network, no storage, no messages to the page, no code from strings.
      await typeCode(page, PROBE);
      await runTests(page);
      assert.match(await page.textContent(`${w} .code-exercise-problem`), /CLOSED:EvalError/);

      // An endless loop: stopped after the time limit; the page answers meanwhile.
      await typeCode(page, LOOP);
      const t0 = Date.now();
      await page.click(`${w} [data-action="start"]`);
      const pong = await page.evaluate(() => new Promise((r) => setTimeout(() => r(performance.now()), 200)));
      assert.ok(pong > 0 && Date.now() - t0 < 2500, 'the page stays responsive while the loop runs');
      await page.waitForSelector(`${w} .ui-error >> text=/Stopped after 3 s/`, { timeout: 15000 });
      assert.ok(Date.now() - t0 >= 2900, 'stopped by the time limit, not before');
      assert.equal(await metric(page, w, 'tests-passed'), '0');
      await page.locator(`${w} .ui-error`).first().scrollIntoViewIfNeeded();
      await shot(page, 'code-exercise-loop-en');

      // The solution unlocks after a first attempt.
      await page.click(`${w} [data-action="solution"]`);
      assert.match(await page.textContent(`${w} .code-exercise-solution pre`), /function zeroPad\(X, pad\)/);

      // The code survives a reload (IndexedDB), and the course map shows the passed exercise.
      await page.waitForTimeout(600); // the save is debounced
      await page.reload();
      await page.waitForSelector(`${w} .cm-content`, { timeout: 20000 });
      assert.match(await page.textContent(`${w} .cm-content`), /while \(true\)/);
      // Reset puts the starter back as one undoable change.
      await page.click(`${w} [data-action="reset"]`);
      assert.match(await page.textContent(`${w} .cm-content`), /1\. Make the output/);
      await page.keyboard.press('ControlOrMeta+z');
      assert.match(await page.textContent(`${w} .cm-content`), /while \(true\)/);
      await page.goto(`${baseURL}#/en`);
      await page.waitForSelector('[data-course-map]');
      const mark = await page.getAttribute('[data-course-map] a[href$="/lesson/padding"] [data-exercises-passed]', 'data-exercises-passed');
      assert.equal(mark, '1');

      // Chinese, accessibility, presenter mode.
      await page.goto(`${baseURL}#/zh/lesson/padding`);
      await page.waitForSelector(`${w} .cm-content`, { timeout: 20000 });
      await typeCode(page, WRONG);
      await runTests(page);
      assert.match(await page.textContent(`${w} .code-exercise-problem`), /形状不对/);
      await page.locator(`${w} .code-exercise-problem`).scrollIntoViewIfNeeded();
      await shot(page, 'code-exercise-wrong-zh');
      await axeWidget(page, w, 'code-exercise (zh)', assert);
      await page.goto(`${baseURL}#/en/lesson/padding`);
      await page.waitForSelector(`${w} .cm-content`, { timeout: 20000 });
      await toPresenterSlideWith(page, w);
      await shot(page, 'code-exercise-presenter');
    },
  },
  {
    name: 'code-exercise: keyboard only — Tab indents in the editor, Esc then Tab leaves it for the Run button',
    async run({ newPage, baseURL, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lesson/intersection-over-union`);
      await page.waitForSelector(`${w} .cm-content`, { timeout: 20000 });
      await page.focus(`${w} .cm-content`);
      await page.keyboard.press('Tab');
      assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('cm-content')), 'Tab stays in the editor');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-action')), 'start');
      await page.keyboard.press('Enter');
      await page.waitForFunction((sel) => document.querySelector(`${sel} [data-metric="tests-passed"]`)?.closest('.code-exercise')?.querySelector('[data-case-state="fail"]'), w, { timeout: 15000 });
    },
  },
  {
    name: 'code-exercise: on a phone the editor scrolls inside itself, the page does not scroll sideways (zh)',
    async run({ newPage, baseURL, shot, assert }) {
      const phone = await newPage({ viewport: { width: 390, height: 844 } });
      await phone.goto(`${baseURL}#/zh/lesson/pooling-layers`);
      await phone.waitForSelector(`${w} .cm-content`, { timeout: 20000 });
      await phone.locator(`${w} .cm-content`).first().scrollIntoViewIfNeeded();
      await shot(phone, 'code-exercise-phone-zh');
      assert.ok((await phone.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'no sideways scroll');
    },
  },
];
