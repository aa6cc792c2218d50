import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { sessionIdFromUrl, storedSession, T0 } from './helpers';

const solution = readFileSync(
  resolve(import.meta.dirname, '../../rounds/coding/merge-intervals/solution.py'),
  'utf8',
);

test.beforeEach(async ({ context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(baseURL!).origin,
  });
});

test('when the clock runs out with code in the editor, the locked code is graded for scoring', async ({
  page,
}) => {
  await page.clock.install({ time: T0 });
  await page.goto('/#/practice/coding/merge-intervals');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await page.evaluate((t) => navigator.clipboard.writeText(t), solution);
  await page.locator('.monaco-editor').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+v');
  // Never submitted by hand: the 20-minute practice round simply runs out.
  await page.clock.runFor(20 * 60_000 + 1000);
  await expect(page.getByRole('heading', { level: 1, name: /^Score the round/ })).toBeVisible();
  await expect(
    page.getByText('Final Submit of your locked code: 13 of 13 tests passed.'),
  ).toBeVisible({ timeout: 30_000 });
  const hidden = page.locator('.signal', { hasText: 'Hidden tests passed' });
  await expect(hidden).toContainText('9 of 9');
  const stored = await storedSession(page, sessionIdFromUrl(page));
  const runs = (stored.answers[0] as { value: { runs: { final?: boolean; passed: number }[] } })
    .value.runs;
  expect(runs.filter((r) => r.final)).toEqual([expect.objectContaining({ passed: 13 })]);
});

test('a final Submit stopped at the limit says so', async ({ page }) => {
  await page.clock.install({ time: T0 });
  await page.goto('/#/practice/coding/merge-intervals');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await page.evaluate(
    (t) => navigator.clipboard.writeText(t),
    'def merge_intervals(intervals):\n    while True:\n        pass\n',
  );
  await page.locator('.monaco-editor').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+v');
  await page.getByRole('button', { name: "I'm done" }).click();
  await page.getByRole('button', { name: 'End round and score' }).click();
  await expect(page.getByText(/Finishing the round in the background/)).toBeVisible();
  // The 5 s limit is a page timer: let the (installed) clock pass it while Python spins.
  await expect(async () => {
    await page.clock.runFor(1000);
    await expect(
      page.getByText('Final Submit of your locked code was stopped at the 5 s limit.'),
    ).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 40_000 });
});
