// The app shell in a real browser: routes, language in the URL and remembered, progress
// that persists and a reset that asks first, the 404 page, the lab and system pages,
// previous/next, and the contents list on a tablet.
export default [
  {
    name: 'routes: #/ opens the saved language; the switch keeps the lesson; <html lang> follows',
    async run({ newPage, baseURL, assert }) {
      const page = await newPage();
      await page.goto(baseURL);
      await page.waitForSelector('[data-course-map]');
      assert.match(page.url(), /#\/en$/);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      const first = await page.getAttribute('[data-course-map] a[href*="/lesson/"]', 'href');
      await page.click(`[data-course-map] a[href="${first}"]`);
      await page.waitForSelector('[data-lesson-title]');
      await page.click('[data-control="lang"]');
      await page.waitForFunction(() => location.hash.startsWith('#/zh/lesson/'));
      assert.equal(new URL(page.url()).hash, first.replace('#/en/', '#/zh/'));
      await page.waitForSelector('html[lang="zh-CN"]');
      assert.match((await page.textContent('[data-lesson-title]')) ?? '', /\p{Script=Han}/u, 'Chinese title');
      // Remembered: a bare #/ now opens the Chinese course map, also after a reload.
      await page.goto(`${baseURL}#/`);
      await page.reload();
      await page.waitForSelector('[data-course-map]');
      assert.match(page.url(), /#\/zh$/);
    },
  },
  {
    name: 'unknown lesson and unknown path show a 404 page that links back',
    async run({ newPage, baseURL, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lesson/no-such-lesson`);
      await page.waitForSelector('[data-not-found]');
      assert.match(await page.textContent('[data-not-found]'), /no-such-lesson/);
      await page.click('[data-not-found] a');
      await page.waitForSelector('[data-course-map]');
      await page.goto(`${baseURL}#/fr/whatever`);
      await page.waitForSelector('[data-not-found]');
    },
  },
  {
    name: 'progress: visited and completed persist; reset asks first (cancel keeps, confirm clears)',
    async run({ newPage, baseURL, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en`);
      await page.waitForSelector('[data-course-map]');
      const links = await page.$$eval('[data-course-map] a.lesson-card', (as) => as.map((a) => a.getAttribute('href')));
      await page.goto(`${baseURL}${links[0]}`);
      await page.waitForSelector('[data-control="complete"]');
      await page.click('[data-control="complete"]');
      assert.equal(await page.getAttribute('[data-control="complete"]', 'aria-pressed'), 'true');
      await page.goto(`${baseURL}${links[1]}`);
      await page.waitForSelector('[data-lesson-title]');
      await page.goto(`${baseURL}#/en`);
      await page.reload();
      await page.waitForSelector('[data-course-map]');
      assert.equal(await page.getAttribute(`a.lesson-card[href="${links[0]}"]`, 'data-progress'), 'completed');
      assert.equal(await page.getAttribute(`a.lesson-card[href="${links[1]}"]`, 'data-progress'), 'visited');
      assert.equal(await page.getAttribute(`a.lesson-card[href="${links[2]}"]`, 'data-progress'), 'new');
      await page.click('[data-control="reset-progress"]');
      await page.waitForSelector('dialog.confirm-dialog[open]');
      await page.keyboard.press('Escape');
      await page.waitForSelector('dialog.confirm-dialog:not([open])', { state: 'attached' });
      assert.equal(await page.getAttribute(`a.lesson-card[href="${links[0]}"]`, 'data-progress'), 'completed', 'cancel keeps');
      await page.click('[data-control="reset-progress"]');
      await page.click('dialog.confirm-dialog [data-confirm="yes"]');
      await page.waitForSelector(`a.lesson-card[href="${links[0]}"][data-progress="new"]`);
      await page.reload();
      await page.waitForSelector('[data-course-map]');
      assert.equal(await page.getAttribute(`a.lesson-card[href="${links[1]}"]`, 'data-progress'), 'new', 'reset persists');
    },
  },
  {
    name: 'previous / next links walk the course in order',
    async run({ newPage, baseURL, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en`);
      await page.waitForSelector('[data-course-map]');
      const links = await page.$$eval('[data-course-map] a.lesson-card', (as) => as.map((a) => a.getAttribute('href')));
      await page.goto(`${baseURL}${links[0]}`);
      await page.waitForSelector('.lesson-body');
      // The contents list jumps to a section and marks where the reader is.
      const tocLinks = await page.$$('.toc-link');
      assert.equal(await tocLinks[0].getAttribute('aria-current'), 'location');
      await tocLinks[2].click();
      await page.waitForFunction(() => document.querySelectorAll('.toc-link')[2]?.getAttribute('aria-current') === 'location');
      await page.click('a[rel="next"]');
      await page.waitForFunction((h) => location.hash === h, links[1]);
      await page.click('a[rel="prev"]');
      await page.waitForFunction((h) => location.hash === h, links[0]);
    },
  },
  {
    name: 'lab and system pages render their widget or its coming-soon panel',
    async run({ newPage, baseURL, assert, shot }) {
      const page = await newPage();
      for (const [route, name] of [['#/en/lab', 'mnist-trainer'], ['#/zh/system', 'system-check']]) {
        await page.goto(`${baseURL}${route}`);
        await page.waitForSelector(`[data-widget-slot="${name}"]`);
        const live = await page.$(`[data-widget="${name}"]`);
        const pending = await page.$(`[data-pending-widget="${name}"]`);
        assert.ok(live || pending, `${route}: ${name}`);
        await page.waitForFunction(() => !document.querySelector('.widget-skeleton'), null, { timeout: 20_000 });
      }
      await shot(page, 'system-zh');
    },
  },
  {
    name: 'tablet: the contents list folds behind a button and opens with the keyboard',
    async run({ newPage, baseURL, assert }) {
      const page = await newPage({ viewport: { width: 768, height: 1024 } });
      await page.goto(`${baseURL}#/en`);
      await page.waitForSelector('[data-course-map]');
      const first = await page.getAttribute('[data-course-map] a.lesson-card', 'href');
      await page.goto(`${baseURL}${first}`);
      await page.waitForSelector('.lesson-body');
      assert.equal(await page.isVisible('.toc-panel'), false);
      await page.focus('.toc-toggle');
      await page.keyboard.press('Enter');
      assert.equal(await page.isVisible('.toc-panel'), true);
      assert.equal(await page.getAttribute('.toc-toggle', 'aria-expanded'), 'true');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scroll on a tablet (overflow ${overflow}px)`);
    },
  },
  {
    name: 'the course map loads no lesson text, KaTeX, widget or worker until a lesson is opened',
    async run({ newPage, baseURL, assert }) {
      const page = await newPage();
      const urls = [];
      page.on('request', (r) => urls.push(new URL(r.url()).pathname));
      await page.goto(`${baseURL}#/en`);
      await page.waitForSelector('[data-course-map] a.lesson-card');
      await page.waitForTimeout(300);
      const heavy = urls.filter((u) => /katex|KaTeX|\.worker|\/\d\d-[a-z0-9-]+-[\w-]+\.js$|LessonScreen|\.woff2?$/.test(u));
      assert.deepEqual(heavy, [], 'first load requests');
      // The entry, its CSS, the theme script and the React runtime chunk the lazy widgets share;
      // the service worker's registration helper (workbox-window) comes once the page is up.
      const js = urls.filter((u) => /\.(js|css)$/.test(u) && !/workbox-window/.test(u));
      assert.ok(js.length <= 4, `first load fetches few JS/CSS files, got ${js.join(', ')}`);
    },
  },
];
