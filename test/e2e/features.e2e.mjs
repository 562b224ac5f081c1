// What CNNs learn (§38) in real Chromium: on lesson 41, train the quick LeNet-5-like model in
// the worker, see a unit's nine best test patches with their receptive field (5×5 in layer 1,
// 14×14 in layer 2), pick units by keyboard, run gradient ascent on the input and read the
// unit's activation rising past its start (and past the best real patch). axe on the widget.
// Screenshots: en, zh, dark, presenter.
import { axeWidget as axeOn } from './helpers.mjs';

// lesson 41 shows the widget twice: the digit network first, ResNet-50 second
const W = '[data-widget="cnn-features"]:has([data-network="mnist"])';
const R = '[data-widget="cnn-features"]:has([data-network="resnet"])';
// Generous for a busy shared 2-core machine (FEATURES_LIMIT_S overrides).
const LIMIT_S = Number(process.env.FEATURES_LIMIT_S ?? 150);

const num = async (page, name) => {
  const v = await page.locator(`${W} [data-metric="${name}"]`).first().getAttribute('data-value');
  return v === null || v === '' ? NaN : Number(v);
};

/** axe on the cnn-features widget (helpers.mjs: no serious or critical violation). */
const axeWidget = (page, label, assert) => axeOn(page, W, label, assert);

async function ascend(page, assert, label) {
  const top = await num(page, 'top-activation');
  await page.click(`${W} [data-part="ascent"] [data-action="start"]`);
  await page.waitForFunction((sel) => {
    const s = document.querySelector(`${sel} [data-metric="step"]`);
    return s && Number(s.getAttribute('data-value')) >= 150;
  }, W, { timeout: 60_000 });
  const act = await num(page, 'ascent-activation');
  const label2 = await page.locator(`${W} [data-part="ascent"] canvas[role="img"]`).first().getAttribute('aria-label');
  assert.ok(/activation/.test(label2), `the optimised image has a text alternative: ${label2}`);
  assert.ok(act > top, `${label}: ascent activation ${act} beats the best real patch ${top}`);
  return { top, act };
}

export default [
  {
    name: 'cnn-features: train the quick model, nine patches per unit, receptive fields, gradient ascent (en, zh, dark, presenter, axe)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lesson/what-cnns-learn`);
      const start = page.locator(`${W} [data-part="model"] [data-action="start"]`);
      await start.waitFor({ timeout: 20_000 });
      await page.locator(W).scrollIntoViewIfNeeded();
      await shot(page, 'features-before-en');
      const t0 = Date.now();
      await start.click();
      // pause and resume while it trains
      const pause = page.locator(`${W} [data-part="model"] [data-action="pause"]`);
      await pause.waitFor({ timeout: 20_000 });
      await page.waitForTimeout(800);
      await pause.click();
      const resume = page.locator(`${W} [data-part="model"] [data-action="start"]`);
      await resume.waitFor({ timeout: 10_000 });
      await resume.click();
      await page.waitForSelector(`${W} [data-metric="test-accuracy"]`, { timeout: LIMIT_S * 1000 });
      const secs = (Date.now() - t0) / 1000;
      const acc = await num(page, 'test-accuracy');
      console.log(`    quick model ready in ${secs.toFixed(1)} s (with a pause), test accuracy ${acc}`);
      assert.ok(acc > 0.9, `quick model accuracy ${acc}`);
      // nine patches of layer 1, unit 1: 5×5 receptive field
      assert.equal(await page.locator(`${W} [data-part="patches"] canvas`).count(), 9);
      assert.equal(await num(page, 'receptive-field'), 5);
      const top1 = await num(page, 'top-activation');
      assert.ok(top1 > 0, `unit 1's best activation ${top1}`);
      assert.equal(await page.locator(`${W} [role="radio"]`).count(), 8, 'eight layer-1 units');
      // keyboard: the chosen unit has focus; ArrowRight picks unit 2
      await page.focus(`${W} [role="radio"][aria-checked="true"]`);
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.locator(`${W} [role="radio"][aria-checked="true"]`).getAttribute('data-unit'), '1');
      const act1 = await ascend(page, assert, 'layer 1 unit 2');
      await shot(page, 'features-layer1-en');
      // layer 2: 16 units seeing 14×14 pixels
      await page.selectOption(`${W} select`, '2');
      assert.equal(await num(page, 'receptive-field'), 14);
      assert.equal(await page.locator(`${W} [role="radio"]`).count(), 16, 'sixteen layer-2 units');
      await page.focus(`${W} [role="radio"][aria-checked="true"]`);
      await page.keyboard.press('End');
      assert.equal(await page.locator(`${W} [role="radio"][aria-checked="true"]`).getAttribute('data-unit'), '15');
      assert.equal(await page.locator(`${W} [data-part="patches"] canvas`).count(), 9);
      const act2 = await ascend(page, assert, 'layer 2 unit 16');
      console.log(`    ascent: layer 1 unit 2 top ${act1.top} → ${act1.act}; layer 2 unit 16 top ${act2.top} → ${act2.act}`);
      await page.locator(`${W} [data-part="patches"]`).scrollIntoViewIfNeeded();
      await shot(page, 'features-layer2-en');
      await axeWidget(page, 'cnn-features', assert);
      // dark theme
      await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
      await shot(page, 'features-dark');
      await axeWidget(page, 'cnn-features (dark)', assert);
      await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
      // zh: the analysis survives the route change (the worker keeps the model)
      await page.goto(`${baseURL}#/zh/lesson/what-cnns-learn`);
      await page.waitForSelector(`${W} [data-part="patches"] canvas`, { timeout: 20_000 });
      await page.locator(`${W} [data-part="patches"]`).scrollIntoViewIfNeeded();
      await shot(page, 'features-zh');
      // presenter mode
      await page.goto(`${baseURL}#/en/lesson/what-cnns-learn`);
      await page.waitForSelector(`${W} [data-part="patches"] canvas`, { timeout: 20_000 });
      await page.click('[data-control="presenter"]');
      for (let i = 0; i < 8 && !(await page.locator(W).isVisible()); i++) await page.keyboard.press('ArrowRight');
      assert.ok(await page.locator(W).isVisible(), 'cnn-features visible in presenter mode');
      await page.locator(`${W} [data-part="patches"]`).scrollIntoViewIfNeeded();
      await shot(page, 'features-presenter');
    },
  },
  {
    name: "cnn-features: uses the student's own model from the lab (its autosave) and says so",
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lab`);
      const lab = '[data-widget="mnist-trainer"]';
      await page.click(`${lab} [data-action="start"]`, { timeout: 30_000 });
      await page.waitForFunction((sel) => Number(document.querySelector(`${sel} [data-metric="test-accuracy"]`)?.getAttribute('data-value') || 0) > 0.5, lab, { timeout: LIMIT_S * 1000 });
      await page.click(`${lab} [data-action="pause"]`);
      const saved = page.locator(`${lab} [data-autosaved]`);
      await saved.waitFor({ timeout: 20_000 });
      await page.waitForTimeout(2500); // the save on pause lands after any earlier interval save
      const step = Number(await saved.getAttribute('data-autosaved'));
      await page.goto(`${baseURL}#/en/lesson/what-cnns-learn`);
      await page.waitForSelector(`${W} [data-part="patches"] canvas`, { timeout: 60_000 });
      const status = await page.locator(`${W} [data-part="model"] [role="status"]`).textContent();
      assert.ok(status.includes(`Your model from the lab, step ${step}`), `status names the lab model saved at step ${step}: ${status}`);
      const acc = await num(page, 'test-accuracy');
      assert.ok(acc > 0.5, `the lab model's test accuracy ${acc}`);
      // The quick model stays one click away.
      assert.equal(await page.locator(`${W} [data-part="model"] [data-action="start"]`).count(), 1);
      await page.locator(W).scrollIntoViewIfNeeded();
      await shot(page, 'features-lab-model-en');
    },
  },
  {
    name: 'cnn-features (ResNet-50): top-9 patches of conv1 / res2c / res3d units with their receptive fields, activation maximisation (en, zh, axe)',
    async run({ newPage, baseURL, shot, assert }) {
      const page = await newPage();
      await page.goto(`${baseURL}#/en/lesson/what-cnns-learn`);
      const start = page.locator(`${R} [data-action="start"]`);
      await page.waitForFunction((sel) => { const b = document.querySelector(`${sel} [data-action="start"]`); return b && !b.disabled; }, R, { timeout: 60_000 });
      await page.locator(R).scrollIntoViewIfNeeded();
      const t0 = Date.now();
      await start.click();
      await page.locator(`${R} .rf-patches canvas`).first().waitFor({ timeout: LIMIT_S * 1000 });
      console.log(`    ResNet-50 analysis of the 10 pictures in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const patches = page.locator(`${R} .rf-patches canvas`);
      assert.equal(await patches.count(), 9, 'nine patches for conv1 unit 1');
      // conv1's field is 7×7: a patch away from the border is 7 pixels wide
      const widths = await patches.evaluateAll((cs) => cs.map((c) => c.width));
      assert.ok(widths.every((w) => w <= 7) && widths.includes(7), `conv1 patches are at most 7 wide: ${widths}`);
      const best1 = Number(await page.locator(`${R} [data-metric="resnet-best-patch"]`).getAttribute('data-value'));
      assert.ok(best1 > 0, `a positive best response: ${best1}`);
      await page.locator(`${R} [data-action="ascent"]`).click();
      await page.waitForFunction((sel) => {
        const m = document.querySelector(`${sel} [data-metric="resnet-ascent-step"]`);
        return m && Number(m.getAttribute('data-value')) >= 60;
      }, R, { timeout: LIMIT_S * 1000 });
      const act = Number(await page.locator(`${R} [data-metric="resnet-ascent-activation"]`).getAttribute('data-value'));
      console.log(`    conv1 unit 1: best patch ${best1.toFixed(1)}, gradient ascent ${act.toFixed(1)}`);
      assert.ok(act > best1, `ascent (${act}) beats the best real patch (${best1})`);
      await shot(page, 'features-resnet-conv1-en');
      // deeper: res3d units see 99×99 pixels; click the third patch: the outline moves to it
      await page.selectOption(`${R} select[data-param="resnetLayer"]`, 'res3d');
      await page.waitForFunction((sel) => [...document.querySelectorAll(`${sel} .rf-patches canvas`)].some((c) => c.width > 40), R, { timeout: 10_000 });
      await page.locator(`${R} .rf-patches button`).nth(2).click();
      const box = await page.locator(`${R} .rf-box`).getAttribute('data-rf');
      const [, , rows, cols] = box.split(',').map(Number);
      assert.ok(rows > 40 && cols > 40 && rows <= 99 && cols <= 99, `res3d receptive field outline ${box}`);
      await page.locator(`${R} .rf-patches`).scrollIntoViewIfNeeded();
      await shot(page, 'features-resnet-res3d-en');
      await axeOn(page, R, 'cnn-features (ResNet-50)', assert);
      await page.evaluate(() => (location.hash = '#/zh/lesson/what-cnns-learn'));
      await page.locator(`${R} [data-action="start"]`).waitFor({ timeout: 30_000 });
      await page.locator(R).scrollIntoViewIfNeeded();
      await page.locator(`${R} [data-action="start"]`).click();
      await page.locator(`${R} .rf-patches canvas`).first().waitFor({ timeout: LIMIT_S * 1000 });
      await page.locator(`${R} .rf-patches`).scrollIntoViewIfNeeded();
      await shot(page, 'features-resnet-zh');
    },
  },
];
