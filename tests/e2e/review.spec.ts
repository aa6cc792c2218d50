import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { answer, endRoundNow, openApp, scoreAll, seriousA11yViolations } from './helpers';

/** A practice fundamentals round with one answer, scored generously. */
async function generousRound(page: import('@playwright/test').Page) {
  await openApp(page, '/#/practice/fundamentals/optimization');
  await expect(page.getByRole('heading', { level: 1, name: 'Optimization' })).toBeVisible();
  await answer(page, 1, 'Momentum averages gradients, so $v_t = \\beta v_{t-1} + g_t$.');
  await endRoundNow(page);
  await scoreAll(page, 4);
  await page.getByRole('button', { name: 'Finish and see the review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Review/ })).toBeVisible();
}

test('the review says where self-scores and signals disagree, charts them, and links practise-next rounds', async ({
  page,
}) => {
  await generousRound(page);
  const calibration = page.getByRole('region', { name: 'Calibration' });
  await expect(calibration).toContainText(
    'You rated depth 4, but 4 of 5 questions have no answer.',
  );
  await calibration.getByText('How these are found').click();
  await expect(calibration).toContainText(
    'Depth scored 3 or higher while “Questions answered” misses any.',
  );
  await expect(page.getByRole('figure', { name: 'Scores per dimension' })).toBeVisible();
  await expect(
    page.getByRole('figure', { name: 'Scores per dimension' }).locator('svg').first(),
  ).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  const next = page.getByRole('region', { name: 'Practise next' }).getByRole('link').first();
  const title = (await next.textContent())!;
  await next.click();
  await expect(page).toHaveURL(/#\/loop\//);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
});

test('the report downloads as Markdown with the answer, scores and flags', async ({ page }) => {
  await generousRound(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the report (Markdown)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^mockloop-report-.*\.md$/);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).toContain('# mockloop — Practice: Optimization');
  expect(text).toContain('Momentum averages gradients, so $v_t = \\beta v_{t-1} + g_t$.');
  expect(text).toMatch(/\*\*Depth: 4\*\* — /);
  expect(text).toContain('you rated depth 4, but 4 of 5 questions have no answer');
});

test('a backup imported into a fresh browser profile brings the same history', async ({
  page,
  browser,
}) => {
  await generousRound(page);
  await page.goto('/#/settings');
  await page.getByLabel('Include recordings').uncheck();
  const [saved] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  const backupPath = (await saved.path())!;
  expect(saved.suggestedFilename()).toMatch(/^mockloop-backup-.*\.json$/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/#/settings');
  await other.getByLabel('Backup file').setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: readFileSync(backupPath),
  });
  await expect(other.getByRole('region', { name: 'What this import does' })).toContainText(
    'Adds 1 session and 0 projects',
  );
  expect(await seriousA11yViolations(other)).toEqual([]);
  const [before] = await Promise.all([
    other.waitForEvent('download'),
    other.getByRole('button', { name: 'Import', exact: true }).click(),
  ]);
  // What the fresh profile held is saved first, even when it is empty.
  expect(before.suggestedFilename()).toMatch(/^mockloop-backup-/);
  await expect(other.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
  await other.goto('/#/history');
  await expect(other.getByRole('link', { name: 'Practice · Optimization' })).toBeVisible();
  expect(await seriousA11yViolations(other)).toEqual([]);

  // A broken file changes nothing and says why.
  await other.goto('/#/settings');
  await other.getByLabel('Backup file').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"mockloop-backup","version":99}'),
  });
  await expect(other.getByRole('alert')).toContainText('Nothing was imported');
  await expect(other.getByRole('alert')).toContainText('made by a newer mockloop');
  await fresh.close();
});

test('history filters, charts and compares two sessions', async ({ page }) => {
  await generousRound(page);
  await page.goto('/#/practice/fundamentals/classical-ml');
  await expect(page.getByRole('heading', { level: 1, name: /Classical/ })).toBeVisible();
  await endRoundNow(page);
  await scoreAll(page, 2);
  await page.getByRole('button', { name: 'Finish and see the review' }).click();
  await page.goto('/#/history');
  await expect(page.getByText('2 of 2 sessions')).toBeVisible();
  // On a desktop-wide window each row is one line: its Delete sits beside its link, not under it.
  const row = page.locator('li.history-item').first();
  const link = (await row.getByRole('link').boundingBox())!;
  const del = (await row.getByRole('button', { name: /Delete/ }).boundingBox())!;
  expect(Math.abs(del.y + del.height / 2 - (link.y + link.height / 2))).toBeLessThan(link.height);
  await expect(page.getByRole('figure', { name: 'Scores per dimension over time' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Sessions per week' })).toBeVisible();
  await page.getByLabel('Round kind').selectOption('coding');
  await expect(page.getByText('0 of 2 sessions')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  const boxes = page.getByRole('checkbox', { name: /Compare/ });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  const compare = page.getByRole('region', { name: 'Compare two sessions' });
  await expect(compare).toContainText('Depth (fundamentals)');
  await expect(compare).toContainText('Strong hire (4.00)');
  await expect(compare).toContainText('Lean no hire (2.00)');
  expect(await seriousA11yViolations(page)).toEqual([]);
});
