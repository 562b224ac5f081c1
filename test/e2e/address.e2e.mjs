// Widget settings in the address: changing a control rewrites the address (no history entry),
// a reload or a copied link restores the same view, a bad value falls back with a notice,
// several widgets on a page keep their own keys, and an embed shows one widget alone.
import { W, metric, waitMetric, axeWidget } from './helpers.mjs';

const OS = W('output-size');
const field = (scope, name) => `${scope} input[data-param="${name}"]`;

export default [
  {
    name: 'address: a changed setting is in the address, survives a reload and a copied link',
    context: { permissions: ['clipboard-read', 'clipboard-write'] },
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lesson/padding`);
      await page.waitForSelector(`${OS} [data-metric="output-size"]`);
      const depth = await page.evaluate(() => history.length);
      await page.fill(field(OS, 'n'), '9');
      await page.fill(field(OS, 's'), '2');
      // (9 + 2·1 − 3)/2 + 1 = 5
      await waitMetric(page, OS, 'output-size', 'v === "5"');
      await page.waitForFunction(() => location.hash.includes('output-size.n=9') && location.hash.includes('output-size.s=2'));
      assert.equal(await page.evaluate(() => history.length), depth, 'replaceState: no history entry per edit');
      // Unchanged settings stay out of the address (f and p are the lesson's).
      assert.ok(!(await page.evaluate(() => location.hash)).includes('output-size.f='));
      // Invalid text is not written: the address keeps the last good value.
      await page.fill(field(OS, 'n'), 'x');
      await page.waitForTimeout(200);
      assert.ok((await page.evaluate(() => location.hash)).includes('output-size.n=9'));
      await page.fill(field(OS, 'n'), '9');

      await page.reload();
      await page.waitForSelector(`${OS} [data-metric="output-size"]`);
      assert.equal(await page.inputValue(field(OS, 'n')), '9');
      assert.equal(await page.inputValue(field(OS, 's')), '2');
      assert.equal(await metric(page, OS, 'output-size'), '5');

      await page.locator(`${OS} [data-action="copy-link"]`).scrollIntoViewIfNeeded();
      await page.click(`${OS} [data-action="copy-link"]`);
      await page.waitForSelector(`${OS} .ui-copy-status:has-text("Link copied")`);
      await shot(page, 'address-copied-en');
      const link = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(link, /#\/en\/lesson\/padding\?.*output-size\.n=9/);
      const other = await newPage();
      await other.goto(link);
      await other.waitForSelector(`${OS} [data-metric="output-size"]`);
      assert.equal(await metric(other, OS, 'output-size'), '5');
      assert.equal(await other.inputValue(field(OS, 'n')), '9');
    },
  },
  {
    name: 'address: a bad or unknown value falls back to the lesson value with a notice (zh)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/zh/lesson/padding?output-size.n=abc&output-size.f=99&output-size.s=2&output-size.constructor=1&output-size.zoom=3`);
      await page.waitForSelector(`${OS} [data-metric="output-size"]`);
      const rejected = (await page.getAttribute(`${OS} [data-address-rejected]`, 'data-address-rejected')).split(' ').sort();
      assert.deepEqual(rejected, ['constructor', 'f', 'n', 'zoom']);
      // Lesson: n 6, f 3, p 1; from the address s 2 → ⌊(6 + 2 − 3)/2⌋ + 1 = 3.
      assert.equal(await metric(page, OS, 'output-size'), '3');
      assert.equal(await page.inputValue(field(OS, 'n')), '6');
      await page.locator(OS).scrollIntoViewIfNeeded();
      await shot(page, 'address-rejected-zh');
    },
  },
  {
    name: 'address: two widgets on one page keep their own settings, beside the slide number',
    async run({ newPage, baseURL, assert }) {
      const page = await newPage();
      const CS = W('conv-stepper');
      await page.goto(`${baseURL}#/en/lesson/strided-convolutions`);
      await page.waitForSelector(`${OS} [data-metric="output-size"]`);
      await page.waitForSelector(field(CS, 'stride'));
      await page.fill(field(CS, 'stride'), '1');
      await page.fill(field(OS, 'f'), '5');
      await page.waitForFunction(() => location.hash.includes('conv-stepper.stride=1') && location.hash.includes('output-size.f=5'));
      const hash = await page.evaluate(() => location.hash);
      const fresh = await newPage();
      await fresh.goto(`${baseURL}${hash}`);
      await fresh.waitForSelector(`${OS} [data-metric="output-size"]`);
      assert.equal(await fresh.inputValue(field(CS, 'stride')), '1');
      assert.equal(await fresh.inputValue(field(OS, 'f')), '5');
      // Lesson: n 7, p 0, s 2; f 5 → ⌊(7 − 5)/2⌋ + 1 = 2.
      assert.equal(await metric(fresh, OS, 'output-size'), '2');
      // Presenting keeps the settings; the slide number joins them.
      await fresh.keyboard.press('p');
      await fresh.waitForFunction(() => /[?&]slide=\d/.test(location.hash));
      const presented = await fresh.evaluate(() => location.hash);
      assert.ok(presented.includes('output-size.f=5') && presented.includes('conv-stepper.stride=1'), presented);
    },
  },
  {
    name: 'embed: one widget alone, no header, its settings from the address, a link back (en, zh)',
    async run({ newPage, baseURL, shot, assert }) {
      for (const lang of ['en', 'zh']) {
        const page = await newPage({ viewport: { width: 800, height: 700 } });
        await page.goto(`${baseURL}#/${lang}/embed/output-size?n=7&f=3&p=0&s=2`);
        await page.waitForSelector(`${OS} [data-metric="output-size"]`);
        assert.equal(await metric(page, OS, 'output-size'), '3');
        assert.equal(await page.locator('header.app-header, .app-header, footer.app-footer').count(), 0, 'no page chrome');
        assert.equal(await page.getAttribute('[data-embed-back]', 'href'), `#/${lang}/lesson/padding`);
        await page.fill(field(OS, 'n'), '11');
        await page.waitForFunction(() => location.hash.includes('n=11') && !location.hash.includes('.n='));
        await shot(page, `embed-output-size-${lang}`);
        await axeWidget(page, OS, `output-size embed (${lang})`, assert);
      }
      // The lesson's "Open alone" link carries the lesson's params and the changed ones.
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lesson/padding?output-size.s=2`);
      await page.waitForSelector(`${OS} [data-action="embed"]`);
      await page.hover(`${OS} [data-action="embed"]`);
      assert.equal(await page.getAttribute(`${OS} [data-action="embed"]`, 'href'), '#/en/embed/output-size?n=6&f=3&p=1&s=2');
      await page.click(`${OS} [data-action="embed"]`);
      await page.waitForSelector(`[data-embed="output-size"] ${OS} [data-metric="output-size"]`);
      assert.equal(await metric(page, OS, 'output-size'), '3');
      // Once there, the embed's own address leaves out what equals the widget's defaults (n 6, f 3).
      await page.waitForFunction(() => location.hash === '#/en/embed/output-size?p=1&s=2');
      const unknown = await newPage();
      await unknown.goto(`${baseURL}#/en/embed/no-such-widget`);
      await unknown.waitForSelector('[data-not-found]');
    },
  },
];
