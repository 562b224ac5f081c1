// Presenter mode for a real room: every widget on a slide fits the screen whole (1920×1080
// and 1366×768) and a slide fits without scrolling unless that would shrink its text below
// a readable size — then the slide keys page through it before the next slide; the bar
// stays below the content; clicker keys move slides even when a
// widget control has focus (not when a text field has), the slide number is in the address
// and a reload comes back to it. Phone (390 px): every page is reachable from the header.

const LESSONS = ['more-edge-detection', 'pooling-layers', 'non-max-suppression', 'triplet-loss', 'cnn-example'];

const slideNo = async (page) => Number(await page.getAttribute('[data-metric="slide"]', 'data-value'));

/** Press key until the slide number is `want` (a long slide is paged through first). */
async function pressUntil(page, key, want) {
  for (let k = 0; k < 12 && (await slideNo(page)) !== want; k++) {
    await page.keyboard.press(key);
    await page.waitForTimeout(60);
  }
  return slideNo(page);
}
const slideCount = async (page) => Number(/(\d+)\D*$/.exec((await page.textContent('[data-metric="slide"]')) ?? '')?.[1]);

/** Wait until the slide's widgets have loaded and its size has settled. */
async function settle(page) {
  await page.waitForFunction(() => !document.querySelector('.widget-skeleton, .lesson-loading'), null, { timeout: 20_000 });
  await page.waitForTimeout(400);
}

async function fits(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const slide = document.querySelector('.slide-fit').getBoundingClientRect();
    const bar = document.querySelector('.presenter-bar').getBoundingClientRect();
    return {
      scrollsY: doc.scrollHeight > innerHeight + 1,
      scrollsX: doc.scrollWidth > innerWidth + 1,
      underBar: slide.bottom > bar.top + 1,
      tooTall: [...document.querySelectorAll('.slide-fit .widget-slot')].filter((w) => w.getBoundingClientRect().height > bar.top).map((w) => w.dataset.widgetSlot),
      zoom: Number(document.querySelector('.slide-fit').dataset.zoom),
      barFont: parseFloat(getComputedStyle(document.querySelector('.presenter-bar .slide-count')).fontSize),
    };
  });
}

export default [
  {
    name: 'at 1920×1080 and 1366×768 every widget is seen whole and slides fit unless text would fall below a readable size (then PageDown pages them); the bar below',
    async run({ newPage, baseURL, assert, shot }) {
      const overflowing = [];
      for (const [width, height] of [[1920, 1080], [1366, 768]]) {
        const page = await newPage({ viewport: { width, height } });
        for (const id of LESSONS) {
          await page.goto(`${baseURL}#/en/lesson/${id}?slide=1`);
          await page.waitForSelector('html.presenting [data-metric="slide"]');
          const n = await slideCount(page);
          for (let i = 1; i <= n; i++) {
            await page.waitForFunction((i) => document.querySelector('[data-metric="slide"]')?.getAttribute('data-value') === String(i), i);
            await settle(page);
            const f = await fits(page);
            const where = `${id} slide ${i}/${n} at ${width}×${height} (zoom ${f.zoom})`;
            // Each widget is seen whole, except the full MNIST lab, which no readable zoom fits.
            assert.deepEqual(f.tooTall.filter((w) => w !== 'mnist-trainer'), [], `${where}: a widget is taller than the screen`);
            if (f.tooTall.length) assert.ok(f.zoom >= 0.6, `${where}: the lab is kept readable (it scrolls)`);
            assert.ok(!f.scrollsX, `${where}: the page scrolls sideways`);
            assert.ok(f.barFont >= (width >= 1920 ? 20 : 15), `${where}: bar text ${f.barFont}px`);
            if (f.scrollsY) {
              // Too long to fit at a readable size: the slide keys page down through it first.
              overflowing.push(where);
              assert.ok(f.zoom >= 0.6, `${where}: shrunk below the readable size and still scrolls`);
              for (let k = 0; k < 10 && (await page.evaluate(() => scrollY + innerHeight < document.documentElement.scrollHeight - 2)); k++) {
                await page.keyboard.press('PageDown');
                await page.waitForTimeout(50);
                assert.equal(await slideNo(page), i, `${where}: PageDown pages through the slide first`);
              }
            } else {
              assert.ok(!f.underBar, `${where}: the slide runs under the presenter bar`);
            }
            if (i === 2 && (id === 'pooling-layers' || id === 'non-max-suppression')) await shot(page, `presenter-${id}-${width}`);
            if (i < n) await page.keyboard.press('PageDown');
          }
        }
        await page.close();
      }
      console.log(`    slides longer than one screen at a readable size: ${overflowing.length ? overflowing.join('; ') : 'none'}`);
    },
  },
  {
    name: 'clicker keys move slides from inside a widget; a text field keeps its keys; the slide is in the address',
    async run({ newPage, baseURL, assert }) {
      const page = await newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(`${baseURL}#/en/lesson/pooling-layers`);
      await page.waitForSelector('[data-lesson-title]');
      await page.click('[data-control="presenter"]');
      await page.waitForSelector('html.presenting [data-metric="slide"]');
      await page.waitForFunction(() => /[?&]slide=1$/.test(location.hash));
      // Step to the first slide with a widget and put the focus on one of its buttons.
      for (let i = 0; i < 10 && (await page.locator('.lesson [data-widget] button').count()) === 0; i++) await page.keyboard.press('PageDown');
      await settle(page);
      const at = await slideNo(page);
      await page.locator('.lesson [data-widget] button').first().focus();
      assert.equal(await pressUntil(page, 'PageDown', at + 1), at + 1, 'PageDown from a focused widget button');
      assert.match(page.url(), new RegExp(`[?&]slide=${at + 1}$`));
      assert.equal(await pressUntil(page, 'PageUp', at), at, 'PageUp back');
      const range = page.locator('.lesson [data-widget] input[type="range"]').first();
      if (await range.count()) {
        const before = await range.inputValue();
        await range.focus();
        assert.equal(await pressUntil(page, 'ArrowRight', at + 1), at + 1, '→ from a focused slider');
        assert.equal(await pressUntil(page, 'ArrowLeft', at), at, '← back');
        assert.equal(await page.locator('.lesson [data-widget] input[type="range"]').first().inputValue(), before, 'the slider did not move');
      }
      // A text field keeps → and Space for itself.
      await page.evaluate(() => {
        const input = document.createElement('input');
        input.id = 'probe';
        document.querySelector('.slide-fit').append(input);
      });
      await page.focus('#probe');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Space');
      await page.waitForTimeout(200);
      assert.equal(await slideNo(page), at, 'a text field keeps its keys');
      // A reload (or a shared link) opens the same slide in presenter mode.
      await page.reload();
      await page.waitForSelector('html.presenting [data-metric="slide"]');
      assert.equal(await slideNo(page), at);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.documentElement.classList.contains('presenting'));
      assert.ok(!/slide=/.test(page.url()), 'leaving presenter mode takes the slide out of the address');
    },
  },
  {
    name: 'phone 390 px: every page is reachable from the header; the header does not wrap badly (en, zh); shots at 390, 1366, 1920',
    async run({ newPage, baseURL, assert, shot }) {
      for (const lang of ['en', 'zh']) {
        for (const [width, height] of [[390, 844], [1366, 768], [1920, 1080]]) {
          const page = await newPage({ viewport: { width, height } });
          await page.goto(`${baseURL}#/${lang}/lesson/padding`);
          await page.waitForSelector('[data-lesson-title]');
          await settle(page);
          const h = await page.evaluate(() => {
            const links = [...document.querySelectorAll('.main-nav a')].map((a) => {
              const r = a.getBoundingClientRect();
              return { href: a.getAttribute('href'), visible: r.width > 0 && r.left >= 0 && r.right <= innerWidth, lines: Math.round(r.height / parseFloat(getComputedStyle(a).lineHeight || '20')) };
            });
            const tools = [...document.querySelectorAll('.header-tools .btn')].map((b) => b.getBoundingClientRect());
            return { links, toolsOneLine: tools.every((r) => r.height < 48 && r.right <= innerWidth), scrollsX: document.documentElement.scrollWidth > innerWidth + 1 };
          });
          const where = `${lang} ${width}px`;
          assert.deepEqual(h.links.map((l) => l.href), [`#/${lang}`, `#/${lang}/lab`, `#/${lang}/system`], where);
          assert.ok(h.links.every((l) => l.visible), `${where}: every page link visible: ${JSON.stringify(h.links)}`);
          assert.ok(h.toolsOneLine, `${where}: language and theme buttons on one line each`);
          assert.ok(!h.scrollsX, `${where}: no sideways scrolling`);
          await shot(page, `presenter-header-${lang}-${width}`);
          if (width === 390) {
            await page.click(`.main-nav a[href="#/${lang}/system"]`);
            await page.waitForSelector('[data-widget="system-check"]');
          }
          await page.close();
        }
      }
    },
  },
];
