// File inputs speak the page's language: on zh pages the visible control for every file
// input is its Chinese label (the browser's own "Choose File" button is hidden, the input
// still focusable and still receives the file).
export default [
  {
    name: 'zh: every file input shows a Chinese label as its button; the lab, edge-detect and style-transfer',
    async run({ newPage, baseURL, assert, shot }) {
      const page = await newPage();
      for (const [path, scope] of [['#/zh/lesson/edge-detection', '[data-lesson="edge-detection"]'], ['#/zh/lesson/neural-style-transfer', '[data-lesson="neural-style-transfer"]'], ['#/zh/lab', '[data-page="lab"]']]) {
        await page.goto(`${baseURL}${path}`);
        await page.waitForSelector(`${scope} input[type="file"]`, { state: 'attached', timeout: 20_000 });
        const inputs = await page.$$eval(`${scope} input[type="file"]`, (els) =>
          els.map((el) => {
            const label = el.closest('label');
            label?.scrollIntoView({ block: 'center' }); // panels out of view are not rendered (content-visibility)
            const r = label?.getBoundingClientRect();
            return { label: label?.textContent?.trim() ?? '', opacity: getComputedStyle(el).opacity, labelSize: r ? r.width * r.height : 0, coversLabel: r ? Math.abs(el.getBoundingClientRect().width - r.width) <= 2.5 : false };
          }),
        );
        assert.ok(inputs.length > 0, path);
        for (const i of inputs) {
          assert.match(i.label, /\p{Script=Han}/u, `${path}: the file button says ${i.label}`);
          assert.equal(i.opacity, '0', `${path}: the browser's own (English) button is hidden`);
          assert.ok(i.labelSize > 0, `${path}: the label (which opens the file chooser) is visible`);
        }
        if (path.includes('edge-detection')) {
          await page.locator('label:has(> input[type="file"])').first().scrollIntoViewIfNeeded();
          await shot(page, 'inputs-file-button-zh');
        }
      }
    },
  },
];
