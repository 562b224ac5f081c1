// Every lesson in both languages, from the course map's links: renders its title and its
// widgets (registered → [data-widget], pending → the coming-soon panel), with no console
// error, no failed request and no error panel. Plus axe on a sample, and screenshots.
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addAxe } from './helpers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** id → widget names in order, read straight from the lesson files. */
function widgetsByLesson(lang) {
  const out = new Map();
  const dir = join(root, 'lessons', lang);
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    const src = readFileSync(join(dir, f), 'utf8');
    const id = /^id:\s*(.+)$/m.exec(src)?.[1].trim().replace(/^["']|["']$/g, '');
    // An ```exercise block is a code-exercise widget.
    out.set(id, [...src.matchAll(/^```\s*(widget|exercise)\s+(\S+)\s*$/gm)].map((m) => (m[1] === 'exercise' ? 'code-exercise' : m[2])));
  }
  return out;
}

async function lessonLinks(page, baseURL, lang) {
  await page.goto(`${baseURL}#/${lang}`);
  await page.waitForSelector('[data-course-map] a[href*="/lesson/"]');
  return page.$$eval('[data-course-map] a[href*="/lesson/"]', (as) =>
    [...new Map(as.map((a) => [a.getAttribute('href'), a.querySelector('.lesson-title')?.textContent ?? ''])).entries()]
      .map(([href, title]) => ({ href, title })),
  );
}

const BAD = '.widget-invalid, .widget-error, .lesson-problem, .computed-error, .math-error, .panel-error, [data-not-found]';

async function openLesson(page, href) {
  const id = decodeURIComponent(href.split('/lesson/')[1]);
  await page.evaluate((h) => { window.location.hash = h; }, href);
  await page.waitForSelector(`[data-lesson="${id}"] .lesson-body, [data-lesson="${id}"] .panel-error, [data-not-found]`, { timeout: 15_000 });
  await page.waitForFunction(() => !document.querySelector('.widget-skeleton'), null, { timeout: 20_000 });
  return id;
}

async function walk(lang, { newPage, baseURL, assert }) {
  const page = await newPage();
  const links = await lessonLinks(page, baseURL, lang);
  assert.ok(links.length >= 45, `expected ≥ 45 lessons on the ${lang} course map, found ${links.length}`);
  const expected = widgetsByLesson(lang);
  let visited = 0;
  for (const { href, title } of links) {
    const id = await openLesson(page, href);
    const bad = await page.$$eval(BAD, (els) => els.map((e) => e.textContent?.trim().slice(0, 200)));
    assert.deepEqual(bad, [], `${lang}/${id} shows error panels`);
    const h1 = await page.textContent('[data-lesson-title]');
    assert.equal(h1?.trim(), title.trim(), `${lang}/${id}: page title`);
    const slots = await page.$$eval('[data-widget-slot]', (els) =>
      els.map((e) => ({ name: e.getAttribute('data-widget-slot'), live: e.getAttribute('data-widget') === e.getAttribute('data-widget-slot'), pending: e.classList.contains('coming-soon') })),
    );
    assert.deepEqual(slots.map((s) => s.name), expected.get(id) ?? [], `${lang}/${id}: widget blocks in order`);
    for (const s of slots) assert.ok(s.live || s.pending, `${lang}/${id}: widget ${s.name} neither rendered nor pending`);
    visited++;
  }
  console.log(`    visited ${visited} ${lang} lessons`);
}

async function axeCheck(page, label, assert) {
  await addAxe(page);
  const result = await page.evaluate(async () => {
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  assert.deepEqual(result, [], `axe on ${label}`);
}

export default [
  { name: 'every English lesson renders with its widgets', run: (ctx) => walk('en', ctx) },
  { name: 'every Chinese lesson renders with its widgets', run: (ctx) => walk('zh', ctx) },
  {
    name: 'presenter mode: button, p key, → steps a slide, Esc leaves',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage({ viewport: { width: 1920, height: 1080 } });
      const links = await lessonLinks(page, baseURL, 'en');
      const href = links.find((l) => l.href.endsWith('/padding'))?.href ?? links[0].href;
      await openLesson(page, href);
      await page.click('[data-control="presenter"]');
      await page.waitForSelector('html.presenting');
      assert.equal(await page.isVisible('.app-header'), false, 'chrome hidden');
      assert.equal(await page.getAttribute('[data-metric="slide"]', 'data-value'), '1');
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector('[data-metric="slide"][data-value="2"]');
      await shot(page, 'presenter-en');
      await page.keyboard.press(' ');
      await page.waitForSelector('[data-metric="slide"][data-value="3"], [data-metric="slide"][data-value="1"]');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Escape');
      await page.waitForSelector('html:not(.presenting)');
      assert.equal(await page.isVisible('.app-header'), true, 'chrome back');
      await page.keyboard.press('p');
      await page.waitForSelector('html.presenting');
      // At the last slide, → goes on to the next lesson, still presenting, at its first slide.
      // (A slide longer than the screen is paged through first; the address also carries ?slide=N.)
      const lessonOf = (hash) => hash.replace(/\?.*$/, '');
      const before = lessonOf(new URL(page.url()).hash);
      for (let i = 0; i < 60 && lessonOf(new URL(page.url()).hash) === before; i++) {
        await page.keyboard.press('ArrowRight');
        await page.waitForTimeout(30);
      }
      await page.waitForFunction((h) => location.hash.replace(/\?.*$/, '') !== h, before);
      await page.waitForSelector('html.presenting [data-metric="slide"][data-value="1"]');
      await page.keyboard.press('p');
      await page.waitForSelector('html:not(.presenting)');
    },
  },
  {
    name: 'Check yourself: answers start hidden and open from the keyboard (Tab to the summary, Enter), both languages',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage({ viewport: { width: 1280, height: 900 } });
      for (const [lang, slug, label] of [['en', 'resnets', 'Show answer'], ['zh', 'triplet-loss', '查看答案']]) {
        const links = await lessonLinks(page, baseURL, lang);
        await openLesson(page, links.find((l) => l.href.endsWith(`/${slug}`)).href);
        const summaries = page.locator('details.answer > summary');
        assert.ok((await summaries.count()) >= 2, `${lang}/${slug}: answers rendered`);
        assert.equal((await summaries.first().textContent()).trim(), label, `${lang}: summary text`);
        const body = page.locator('details.answer .answer-body').first();
        assert.equal(await body.isVisible(), false, `${lang}: the answer starts hidden`);
        // Focus the element just before the first summary, then Tab onto it: it is in the tab order.
        await summaries.first().scrollIntoViewIfNeeded();
        await summaries.first().evaluate((el) => {
          const prev = document.createElement('button');
          prev.id = 'tab-start';
          el.closest('details').before(prev);
          prev.focus();
        });
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.matches('details.answer > summary')), true, `${lang}: Tab reaches the summary`);
        await page.evaluate(() => document.getElementById('tab-start')?.remove());
        await page.keyboard.press('Enter');
        await body.waitFor({ state: 'visible' });
        assert.equal(await page.locator('details.answer').first().getAttribute('open'), '', `${lang}: Enter opens it`);
        await page.waitForTimeout(150);
        await shot(page, `check-yourself-${lang}`);
        await page.keyboard.press(' ');
        await body.waitFor({ state: 'hidden' });
      }
    },
  },
  {
    name: 'theme switch cycles system → light → dark and persists',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en`);
      await page.waitForSelector('[data-course-map]');
      await page.click('[data-control="theme"]');
      assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
      await page.click('[data-control="theme"]');
      assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
      await page.reload();
      await page.waitForSelector('[data-course-map]');
      assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
      await shot(page, 'course-map-dark');
    },
  },
  {
    name: 'axe: no serious or critical violations (course map + sample lessons, both languages, both themes)',
    async run({ newPage, baseURL, assert }) {
      const page = await newPage();
      for (const lang of ['en', 'zh']) {
        const links = await lessonLinks(page, baseURL, lang);
        await axeCheck(page, `${lang} course map`, assert);
        const step = Math.max(1, Math.floor(links.length / 6));
        for (let i = 0; i < links.length; i += step) {
          const id = await openLesson(page, links[i].href);
          await axeCheck(page, `${lang}/${id}`, assert);
        }
      }
      await page.click('[data-control="theme"]');
      await page.click('[data-control="theme"]');
      assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
      // The buttons fade to the new theme's colours (a 120 ms transition): check the colours
      // the reader ends up with, not a frame halfway between the two themes.
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      await axeCheck(page, 'a lesson in the dark theme', assert);
      await page.evaluate(() => { window.location.hash = '#/en'; });
      await page.waitForSelector('[data-course-map]');
      await axeCheck(page, 'course map in the dark theme', assert);
    },
  },
  {
    name: 'screenshots: course map, a lesson, a Chinese lesson, a tablet',
    async run({ newPage, baseURL, shot }) {
      const page = await newPage();
      const links = await lessonLinks(page, baseURL, 'en');
      await page.waitForTimeout(200);
      await shot(page, 'course-map-en');
      const pick = (ls) => ls.find((l) => l.href.endsWith('/padding'))?.href ?? ls[3]?.href ?? ls[0].href;
      await openLesson(page, pick(links));
      await shot(page, 'lesson-en');
      const zh = await lessonLinks(page, baseURL, 'zh');
      await shot(page, 'course-map-zh');
      await openLesson(page, pick(zh));
      await shot(page, 'lesson-zh');
      const tablet = await newPage({ viewport: { width: 820, height: 1180 } });
      await tablet.goto(`${baseURL}${pick(links)}`);
      await tablet.waitForSelector('.lesson-body');
      await shot(tablet, 'lesson-tablet');
    },
  },
];
