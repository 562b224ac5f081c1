// Neural style transfer (§39–43) in real Chromium: on lesson 42, start the optimisation on the
// packed ResNet-50 stem and watch J(G) fall; pause; a non-image upload gets a clear message
// and keeps the pictures; the pictures are 128×128 and the size select redraws them at 256;
// axe on the widget; screenshots en, zh, dark, presenter.
// On lesson 43, the content cost is 0 when G = C and rises with the noise slider; the layer
// select changes the layer metric.
import { axeWidget } from './helpers.mjs';

const ST = '[data-widget="style-transfer"]';
const CC = '[data-widget="content-cost"]';
// Generous for a busy shared 2-core machine (STYLE_LIMIT_S overrides).
const LIMIT_S = Number(process.env.STYLE_LIMIT_S ?? 240);

const num = async (page, sel, name) => {
  const v = await page.locator(`${sel} [data-metric="${name}"]`).first().getAttribute('data-value');
  return v === null || v === '' ? NaN : Number(v);
};
const waitStep = (page, n) =>
  page.waitForFunction(([sel, k]) => {
    const s = document.querySelector(`${sel} [data-metric="step"]`);
    return s && Number(s.getAttribute('data-value')) >= k;
  }, [ST, n], { timeout: LIMIT_S * 1000 });

export default [
  {
    name: 'style-transfer: start, J(G) falls, pause, bad upload message, axe (en, zh, dark, presenter)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lesson/style-transfer-cost`);
      const start = page.locator(`${ST} [data-action="start"]`);
      await start.waitFor({ timeout: 30_000 });
      await page.waitForFunction((s) => !document.querySelector(`${s} [data-action="start"]`).disabled, ST, { timeout: 30_000 });
      await page.locator(ST).scrollIntoViewIfNeeded();
      const size = page.locator(`${ST} select[data-param="size"]`);
      assert.equal(await size.inputValue(), '128', 'the pictures are 128×128 by default');
      assert.equal(await page.locator(`${ST} canvas[data-picture="generated"]`).getAttribute('width'), '128', 'G is drawn at 128×128');
      // a text file is not a picture: clear message, pictures kept
      await page.locator(`${ST} input[type="file"]`).first().setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
      await page.getByText('“notes.txt” is not a picture').waitFor({ timeout: 10_000 });
      await start.click();
      await waitStep(page, 2);
      const j2 = await num(page, ST, 'total-cost');
      const t2 = Date.now();
      await waitStep(page, 12);
      const j12 = await num(page, ST, 'total-cost');
      const ms = await num(page, ST, 'ms-per-step');
      console.log(`    style-transfer: J(G) step 2 = ${j2.toExponential(3)}, step ≥ 12 = ${j12.toExponential(3)}; ${Math.round(ms)} ms/step in the worker (10 steps in ${((Date.now() - t2) / 1000).toFixed(1)} s wall)`);
      assert.ok(Number.isFinite(j2) && j12 < j2, `J(G) falls: ${j2} → ${j12}`);
      const jc = await num(page, ST, 'content-cost'), js = await num(page, ST, 'style-cost');
      assert.ok(jc > 0 && js > 0, `both parts reported: J_content ${jc}, J_style ${js}`);
      // let it paint a while, then pause: the picture should be C drawn in S's colours
      await waitStep(page, 30);
      await page.click(`${ST} [data-action="pause"]`);
      await start.waitFor({ timeout: 10_000 });
      const j30 = await num(page, ST, 'total-cost');
      assert.ok(j30 < j12, `J(G) keeps falling: ${j12} → ${j30}`);
      assert.ok((await page.locator(`${ST} .st-strip canvas`).count()) >= 3, 'intermediate pictures of G are kept');
      const label = await page.locator(`${ST} canvas[data-picture="generated"]`).getAttribute('aria-label');
      assert.ok(/Generated picture G after \d+ steps/.test(label), `G has a text alternative: ${label}`);
      await page.locator(`${ST} [data-metric="step"]`).scrollIntoViewIfNeeded();
      await shot(page, 'style-en');
      await axeWidget(page, ST, 'style-transfer', assert);
      await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
      await shot(page, 'style-dark');
      // a real picture (drawn on a canvas in the page, as PNG) becomes the content image and resets the run
      const png = await page.evaluate(() => {
        const c = document.createElement('canvas');
        c.width = 120; c.height = 80;
        const x = c.getContext('2d');
        x.fillStyle = '#3a7'; x.fillRect(0, 0, 120, 80);
        x.fillStyle = '#e33'; x.beginPath(); x.arc(60, 40, 25, 0, 7); x.fill();
        return c.toDataURL('image/png').split(',')[1];
      });
      await page.locator(`${ST} input[type="file"]`).first().setInputFiles({ name: 'ball.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
      await page.waitForFunction((s) => document.querySelector(`${s} select`).value === 'upload', ST, { timeout: 10_000 });
      assert.equal(await num(page, ST, 'step'), 0, 'a new content picture resets the run');
      // 256×256: C (the upload, shrunk from the same reading), S and G are redrawn at the new size
      await size.selectOption('256');
      await page.waitForFunction((s) => document.querySelector(`${s} canvas[data-picture="content"]`).width === 256 && document.querySelector(`${s} canvas[data-picture="style"]`).width === 256, ST, { timeout: 10_000 });
      assert.equal(await page.locator(`${ST} select`).first().inputValue(), 'upload', 'the uploaded content picture is kept at 256');
      await start.click();
      await waitStep(page, 2);
      assert.ok(Number.isFinite(await num(page, ST, 'total-cost')), 'a run at 256×256 reports J(G)');
      await page.click(`${ST} [data-action="pause"]`);
      await start.waitFor({ timeout: 10_000 });
      await shot(page, 'style-256-dark');
      await axeWidget(page, ST, 'style-transfer (dark)', assert);
      await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
      // zh
      await page.goto(`${baseURL}#/zh/lesson/style-transfer-cost`);
      await page.locator(`${ST} [data-action="start"]`).waitFor({ timeout: 30_000 });
      await page.locator(ST).scrollIntoViewIfNeeded();
      await shot(page, 'style-zh');
      // presenter mode
      await page.goto(`${baseURL}#/en/lesson/style-transfer-cost`);
      await page.locator(`${ST} [data-action="start"]`).waitFor({ timeout: 30_000 });
      await page.click('[data-control="presenter"]');
      for (let i = 0; i < 8 && !(await page.locator(ST).isVisible()); i++) await page.keyboard.press('ArrowRight');
      assert.ok(await page.locator(ST).isVisible(), 'style-transfer visible in presenter mode');
      await page.locator(ST).scrollIntoViewIfNeeded();
      await shot(page, 'style-presenter');
    },
  },
  {
    name: 'style-transfer: a letterboxed upload, the deeper content layer res3d (conv3_x), G downloaded as PNG (en, zh shots)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lesson/neural-style-transfer`);
      const start = page.locator(`${ST} [data-action="start"]`);
      await page.waitForFunction((s) => { const b = document.querySelector(`${s} [data-action="start"]`); return b && !b.disabled; }, ST, { timeout: 30_000 });
      await page.locator(ST).scrollIntoViewIfNeeded();
      // a wide picture (120×80), fitted whole: grey bars above and below, the ball in the middle
      await page.selectOption(`${ST} select[data-param="fit"]`, 'letterbox');
      const png = await page.evaluate(() => {
        const c = document.createElement('canvas');
        c.width = 120; c.height = 80;
        const x = c.getContext('2d');
        x.fillStyle = '#3a7'; x.fillRect(0, 0, 120, 80);
        x.fillStyle = '#e33'; x.beginPath(); x.arc(60, 40, 25, 0, 7); x.fill();
        return c.toDataURL('image/png').split(',')[1];
      });
      await page.locator(`${ST} input[type="file"]`).first().setInputFiles({ name: 'wide.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
      await page.waitForFunction((s) => document.querySelector(`${s} select`).value === 'upload', ST, { timeout: 10_000 });
      const px = (x, y) => page.evaluate(([s, x, y]) => Array.from(document.querySelector(`${s} canvas[data-picture="content"]`).getContext('2d').getImageData(x, y, 1, 1).data.slice(0, 3)), [ST, x, y]);
      // 120×80 into 128: 128 × 85 at y = 21; rows above are the grey bar, the centre is the red ball
      const bar = await px(64, 5), ball = await px(64, 64), side = await px(3, 64);
      assert.ok(bar.every((v) => Math.abs(v - 128) <= 2), `letterbox bar is grey: ${bar}`);
      assert.ok(ball[0] > 180 && ball[1] < 90, `the ball is in the middle: ${ball}`);
      assert.ok(side[1] > 130 && side[0] < 100, `the picture reaches the sides (no crop): ${side}`);
      // the deeper content layer: conv3_x's weights load, then the run starts
      await page.selectOption(`${ST} select[data-param="contentLayer"]`, 'res3d');
      await page.waitForFunction((s) => { const b = document.querySelector(`${s} [data-action="start"]`); return b && !b.disabled; }, ST, { timeout: 30_000 });
      await start.click();
      await waitStep(page, 2);
      const j2 = await num(page, ST, 'total-cost');
      await waitStep(page, 10);
      const j10 = await num(page, ST, 'total-cost');
      console.log(`    res3d content layer: J(G) step 2 = ${j2.toExponential(3)}, step ≥ 10 = ${j10.toExponential(3)}; ${Math.round(await num(page, ST, 'ms-per-step'))} ms/step`);
      assert.ok(j10 < j2, `J(G) falls with the res3d content layer: ${j2} → ${j10}`);
      await page.click(`${ST} [data-action="pause"]`);
      await start.waitFor({ timeout: 10_000 });
      assert.ok((await page.locator(`${ST} .st-note`).textContent()).includes('res3d'), 'the note names the content layer');
      // G as a PNG file: the PNG signature and a 128×128 IHDR
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${ST} [data-action="download"]`)]);
      assert.ok(/^G-upload-swirl-step\d+\.png$/.test(download.suggestedFilename()), download.suggestedFilename());
      const { readFileSync } = await import('node:fs');
      const bytes = readFileSync(await download.path());
      assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
      assert.equal(bytes.readUInt32BE(16), 128, 'PNG width 128');
      assert.equal(bytes.readUInt32BE(20), 128, 'PNG height 128');
      await page.locator(`${ST} [data-metric="step"]`).scrollIntoViewIfNeeded();
      await shot(page, 'style-res3-letterbox-en');
      await axeWidget(page, ST, 'style-transfer (res3, letterbox)', assert);
      await page.evaluate(() => (location.hash = '#/zh/lesson/neural-style-transfer'));
      await page.locator(`${ST} select[data-param="contentLayer"]`).waitFor({ timeout: 30_000 });
      await page.locator(ST).scrollIntoViewIfNeeded();
      await shot(page, 'style-controls-zh');
    },
  },
  {
    name: 'content-cost: J_content = 0 for G = C, grows with noise; the layer select changes the layer (axe, zh)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lesson/content-cost`);
      const metric = page.locator(`${CC} [data-metric="content-cost"]`);
      await metric.waitFor({ timeout: 30_000 });
      const settled = async () => {
        await page.waitForFunction((s) => {
          const m = document.querySelector(`${s} [data-metric="content-cost"]`);
          const busy = document.querySelector(`${s} .cc-legend`)?.textContent?.includes('Computing');
          return m && m.getAttribute('data-value') !== '' && m.getAttribute('data-value') !== null && !busy;
        }, CC, { timeout: 60_000 });
        return num(page, CC, 'content-cost');
      };
      const j40 = await settled();
      const slider = page.locator(`${CC} input[type="range"]`);
      await slider.fill('0');
      await page.waitForFunction((s) => Number(document.querySelector(`${s} [data-metric="content-cost"]`).getAttribute('data-value')) === 0, CC, { timeout: 60_000 });
      await slider.fill('120');
      await page.waitForFunction(([s, before]) => Number(document.querySelector(`${s} [data-metric="content-cost"]`).getAttribute('data-value')) > before, [CC, j40], { timeout: 60_000 });
      const j120 = await settled();
      console.log(`    content-cost (res2b): noise ±40 → ${j40.toExponential(3)}, ±0 → 0, ±120 → ${j120.toExponential(3)}`);
      assert.ok(j120 > j40 && j40 > 0, `J_content grows with the noise: ${j40} → ${j120}`);
      await page.locator(`${CC} select`).first().selectOption('conv1');
      await page.waitForFunction((s) => document.querySelector(`${s} [data-metric="layer"]`).getAttribute('data-value') === 'conv1', CC, { timeout: 60_000 });
      await settled();
      await page.locator(CC).scrollIntoViewIfNeeded();
      await shot(page, 'content-cost-en');
      await axeWidget(page, CC, 'content-cost', assert);
      // optimise G from noise with J_content only: the cost falls
      await page.locator(`${CC} select`).nth(1).selectOption('optimise');
      await page.click(`${CC} [data-action="start"]`);
      const costAt = async (k) => {
        await page.waitForFunction(([s, n]) => Number(document.querySelector(`${s} [data-metric="step"]`)?.getAttribute('data-value')) >= n, [CC, k], { timeout: LIMIT_S * 1000 });
        return num(page, CC, 'content-cost');
      };
      // The step counter and the cost arrive in throttled snapshots: by the time step 2 is seen
      // the run may be well past step 15, so wait for a snapshot whose cost is below the first.
      const r2 = await costAt(2);
      await costAt(15);
      await page
        .waitForFunction(([s, before]) => Number(document.querySelector(`${s} [data-metric="content-cost"]`)?.getAttribute('data-value')) < before, [CC, r2], { timeout: LIMIT_S * 1000 })
        .catch(() => {});
      const r15 = await num(page, CC, 'content-cost');
      console.log(`    content-cost reconstruction (conv1): J_content step 2 = ${r2.toExponential(3)}, step ≥ 15 = ${r15.toExponential(3)}`);
      assert.ok(r15 < r2, `J_content falls while G is optimised: ${r2} → ${r15}`);
      await page.click(`${CC} [data-action="pause"]`);
      await page.waitForTimeout(1500);
      await shot(page, 'content-cost-optimised');
      await page.goto(`${baseURL}#/zh/lesson/content-cost`);
      await page.locator(`${CC} [data-metric="content-cost"]`).waitFor({ timeout: 30_000 });
      await page.locator(CC).scrollIntoViewIfNeeded();
      await page.waitForTimeout(1500);
      await shot(page, 'content-cost-zh');
    },
  },
];
