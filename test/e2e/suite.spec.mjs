// Every test/e2e/<name>.e2e.mjs on @playwright/test: one describe per file (a widget or a
// page), one test per entry, each in its own browser context, failing on any problem its
// pages report (harness.mjs). Filter with --grep, e.g. `npx playwright test --grep address`.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { test } from '@playwright/test';
import { contextOptions, loadSuites, pageTools, shotsDir } from './harness.mjs';

mkdirSync(shotsDir, { recursive: true });

for (const { file, tests } of await loadSuites()) {
  test.describe(file, () => {
    for (const entry of tests) {
      test(entry.name, async ({ browser, baseURL }) => {
        const context = await browser.newContext(contextOptions(entry));
        const problems = [];
        const { newPage, shot } = pageTools(context, problems);
        try {
          await entry.run({ newPage, baseURL, shot, assert, problems });
          assert.deepEqual(problems, [], 'the page reported problems');
        } finally {
          await context.close().catch(() => {});
        }
      });
    }
  });
}
