// Never a blank page: corrupted saved data is repaired with a notice, a page or code chunk
// that cannot load shows a panel with Retry while the header keeps working, and a lesson
// whose text cannot load offers Retry. (The runner blocks the service worker here, as on a
// first visit or after a redeploy; offline.e2e.mjs tests the offline copy.)
const CORRUPT = [
  ['visited: null', { state: { lang: 'en', theme: 'system', visited: null, completed: {} }, version: 1 }, 'visited'],
  ['completed: null', { state: { lang: 'en', theme: 'system', visited: {}, completed: null }, version: 1 }, 'completed'],
  ['bad entries', { state: { lang: 'en', visited: { padding: 'yes', pooling: true }, completed: [1] }, version: 1 }, 'visited'],
  ['unknown language and theme', { state: { lang: 'fr', theme: 7 }, version: 1 }, 'lang'],
  ['state is a string', { state: 'oops', version: 1 }, 'theme'],
  ['another version', { state: { lang: 'en', visited: null }, version: 0 }, 'visited'],
  ['unreadable JSON', '{"state": {"visited": nu', 'completed'],
];

/** Clear the problems an intended network failure causes (failed requests, their console lines). */
function forgetNetworkProblems(problems) {
  for (let i = problems.length - 1; i >= 0; i--) {
    if (/ERR_INTERNET_DISCONNECTED|ERR_FAILED|net::|Failed to load resource/.test(problems[i])) problems.splice(i, 1);
  }
}

export default [
  {
    name: 'each corrupted saved value: the map and a lesson still render, with a repair notice',
    async run({ newPage, baseURL, assert, shot }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en`);
      await page.waitForSelector('[data-course-map]');
      for (const [label, value, part] of CORRUPT) {
        await page.evaluate((v) => localStorage.setItem('convlab', typeof v === 'string' ? v : JSON.stringify(v)), value);
        await page.reload();
        await page.waitForSelector('[data-course-map]', { timeout: 5000 }).catch(() => assert.fail(`${label}: no course map`));
        const notice = (await page.textContent('[data-saved-notice]')) ?? '';
        assert.ok(notice.length > 0, `${label}: a notice says what was repaired`);
        const names = { visited: 'visited lessons', completed: 'completed lessons', lang: 'language', theme: 'theme' };
        assert.ok(notice.includes(names[part]), `${label}: the notice names ${part}: ${notice}`);
        if (label === 'visited: null') await shot(page, 'resilience-saved-notice-en');
        await page.goto(`${baseURL}#/en/lesson/padding`);
        await page.waitForSelector('[data-lesson-title]', { timeout: 5000 }).catch(() => assert.fail(`${label}: no lesson`));
        // The repaired state is saved back: the next load is clean and progress works.
        await page.reload();
        await page.waitForSelector('[data-lesson-title]');
        assert.equal(await page.locator('[data-saved-notice]').count(), 0, `${label}: repaired once, then clean`);
        await page.goto(`${baseURL}#/en`);
        await page.waitForSelector('[data-course-map]');
        assert.equal(await page.getAttribute('a.lesson-card[href="#/en/lesson/padding"]', 'data-progress'), 'visited', `${label}: progress works again`);
      }
    },
  },
  {
    name: 'a corrupted autosaved model: the lab says so and starts a fresh network',
    async run({ newPage, baseURL, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en`);
      await page.waitForSelector('[data-course-map]');
      await page.evaluate(() => new Promise((resolve, reject) => {
        const req = indexedDB.open('convlab', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('mnist-models');
        req.onsuccess = () => {
          const tx = req.result.transaction('mnist-models', 'readwrite');
          tx.objectStore('mnist-models').put(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]).buffer, 'mnist-trainer/lenet5');
          tx.oncomplete = () => (req.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }));
      await page.goto(`${baseURL}#/en/lab`);
      await page.waitForSelector('[data-widget="mnist-trainer"] [data-note="autosave-bad"]', { timeout: 20000 });
      assert.equal(await page.locator('[data-app-error], [data-widget-error]').count(), 0);
    },
  },
  {
    name: 'offline mid-navigation: the lesson and the lab show Retry (header still works), and load after Retry',
    async run({ newPage, baseURL, assert, problems }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en`);
      await page.waitForSelector('[data-course-map]');
      const context = page.context();
      await context.setOffline(true);
      await page.click('[data-course-map] a[href="#/en/lesson/padding"]');
      await page.waitForSelector('[data-app-error="chunk"]', { timeout: 10000 });
      assert.ok(await page.locator('header.app-header nav a').first().isVisible(), 'the header is still there');
      // The header still works while offline: the course map is already loaded.
      await page.click('header.app-header nav a[href="#/en"]');
      await page.waitForSelector('[data-course-map]');
      await page.click('header.app-header nav a[href="#/en/lab"]');
      await page.waitForSelector('[data-app-error="chunk"]', { timeout: 10000 });
      await context.setOffline(false);
      await page.click('[data-app-error] [data-action="retry"]');
      await page.waitForSelector('[data-widget="mnist-trainer"]', { timeout: 15000 });
      await page.goto(`${baseURL}#/en/lesson/padding`);
      await page.waitForSelector('[data-lesson-title]', { timeout: 10000 });
      forgetNetworkProblems(problems);
    },
  },
  {
    name: 'a lesson whose text fails to load shows Retry, and Retry loads it',
    async run({ newPage, baseURL, problems }) {
      const page = await newPage();
      let block = true;
      await page.route(/assets\/04-padding-[^/]*\.js$/, (route) => (block ? route.abort('failed') : route.continue()));
      await page.goto(`${baseURL}#/en`);
      await page.waitForSelector('[data-course-map]');
      await page.click('[data-course-map] a[href="#/en/lesson/padding"]');
      await page.waitForSelector('[data-lesson-error] [data-action="retry"]', { timeout: 10000 });
      block = false;
      await page.click('[data-lesson-error] [data-action="retry"]');
      await page.waitForSelector('.lesson [data-widget]', { timeout: 10000 });
      forgetNetworkProblems(problems);
    },
  },
  {
    name: 'the error panel speaks Chinese on zh pages',
    async run({ newPage, baseURL, assert, problems, shot }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/zh`);
      await page.waitForSelector('[data-course-map]');
      await page.context().setOffline(true);
      await page.click('header.app-header nav a[href="#/zh/system"]');
      await page.waitForSelector('[data-app-error="chunk"]', { timeout: 10000 });
      assert.match(await page.textContent('[data-app-error]'), /无法加载/);
      await shot(page, 'resilience-offline-zh');
      await page.context().setOffline(false);
      forgetNetworkProblems(problems);
    },
  },
];
