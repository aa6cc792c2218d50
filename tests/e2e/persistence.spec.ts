import { expect, test } from '@playwright/test';
import {
  answer,
  endRoundNow,
  letSave,
  openApp,
  scoreAll,
  sessionIdFromUrl,
  startFundamentalsLoop,
  storedSession,
} from './helpers';

test('reload mid-round keeps the text and the remaining time (the clock ran while closed)', async ({
  page,
}) => {
  await openApp(page);
  await startFundamentalsLoop(page);
  await page.getByRole('button', { name: 'Start the loop' }).click();
  await answer(page, 1, 'Every character of this must survive.');
  await answer(page, 3, 'And this one, typed just before the reload.');
  await page.clock.runFor(4 * 60_000);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /^Round 1 of 2/ })).toBeVisible();
  await expect(
    page.getByRole('textbox', { name: 'Your answer to question 1', exact: true }),
  ).toHaveValue('Every character of this must survive.');
  await expect(
    page.getByRole('textbox', { name: 'Your answer to question 3', exact: true }),
  ).toHaveValue('And this one, typed just before the reload.');
  // 4 minutes gone, less the real seconds the reload itself took (the page's clock flows).
  await expect(page.getByRole('timer')).toHaveText(/^(26:00|25:[45]\d)$/);
  // Closed for ten minutes: the interview clock kept going.
  await page.clock.fastForward(10 * 60_000);
  await page.reload();
  // A reload takes a few seconds of the page's own (flowing) clock.
  await expect(page.getByRole('timer')).toHaveText(/^1[56]:\d\d$/);
});

test('the last keystrokes before a reload are kept even if the save had not run yet', async ({
  page,
}) => {
  await openApp(page);
  await startFundamentalsLoop(page);
  await page.getByRole('button', { name: 'Start the loop' }).click();
  await answer(page, 2, 'no time to save this');
  // No clock advance: the debounced write has not happened; the journal must carry it.
  await page.reload();
  await expect(
    page.getByRole('textbox', { name: 'Your answer to question 2', exact: true }),
  ).toHaveValue('no time to save this');
});

test('a paused round stays paused across a reload, and the pause shows in the review', async ({
  page,
}) => {
  await openApp(page);
  await startFundamentalsLoop(page);
  await page.getByRole('button', { name: 'Start the loop' }).click();
  await page.clock.runFor(60_000);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.clock.fastForward(20 * 60_000);
  await page.reload();
  await expect(page.getByText('Paused', { exact: true })).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText('29:00');
  await page.getByRole('button', { name: 'Resume' }).click();
  await endRoundNow(page);
  await scoreAll(page, 3);
  await page.getByRole('button', { name: 'Save scores and take a break' }).click();
  await page.getByRole('button', { name: 'End the loop here' }).click();
  await page.getByRole('button', { name: 'End and see the review' }).click();
  const row = page.locator('.rounds-table tbody tr').first();
  // 20 minutes paused, plus the real seconds the reload and the clicks took (the clock flows).
  await expect(row).toContainText(/1 \(120\d s\)/);
  await expect(page.locator('.rounds-table tbody tr').nth(1)).toContainText('not played');
});

test('reload mid-scoring and between rounds returns to the same place with the scores', async ({
  page,
}) => {
  await openApp(page);
  await startFundamentalsLoop(page);
  await page.getByRole('button', { name: 'Start the loop' }).click();
  await endRoundNow(page);
  await page.locator('fieldset.rubric-dim').first().getByRole('radio').nth(3).check();
  await page.getByLabel("What I'd do differently").fill('Slow down.');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /^Score round 1/ })).toBeVisible();
  await expect(page.locator('fieldset.rubric-dim').first().getByRole('radio').nth(3)).toBeChecked();
  await expect(page.getByLabel("What I'd do differently")).toHaveValue('Slow down.');
  await scoreAll(page, 4);
  await page.getByRole('button', { name: 'Save scores and take a break' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Break' })).toBeVisible();
  const stored = await storedSession(page, sessionIdFromUrl(page));
  expect(stored.session).toMatchObject({
    phase: { name: 'between', index: 1 },
    rounds: [
      { note: 'Slow down.', scores: { accuracy: 4, depth: 4, clarity: 4, examples: 4 } },
      {},
    ],
  });
});

test('practice: a bookmarkable template address creates a session and moves to its own address', async ({
  page,
}) => {
  await openApp(page, '/#/practice/fundamentals/optimization');
  await expect(page).toHaveURL(/#\/loop\/[\w-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Optimization' })).toBeVisible();
  const url = page.url();
  await page.getByRole('button', { name: '+5 min' }).click();
  await expect(page.getByRole('timer')).toHaveText('35:00');
  await answer(page, 1, 'practice text');
  await letSave(page);
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(
    page.getByRole('textbox', { name: 'Your answer to question 1', exact: true }),
  ).toHaveValue('practice text');
  await page.getByRole('button', { name: 'Go untimed' }).click();
  await expect(page.getByRole('button', { name: 'Time it again' })).toBeVisible();
  await expect(page.getByRole('timer')).toContainText('elapsed');
  await endRoundNow(page);
  await scoreAll(page, 2);
  await page.getByRole('button', { name: 'Finish and see the review' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Review: Practice: Optimization' }),
  ).toBeVisible();
});

test('history: delete a session, then undo', async ({ page }) => {
  await openApp(page, '/#/practice/fundamentals/classical-ml');
  await endRoundNow(page);
  await scoreAll(page, 3);
  await page.getByRole('button', { name: 'Finish and see the review' }).click();
  await page.getByRole('link', { name: 'History' }).first().click();
  await expect(page.getByRole('link', { name: /Practice · Classical/ })).toBeVisible();
  await page.getByRole('button', { name: /^Delete Practice/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('link', { name: /Practice · Classical/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('link', { name: /Practice · Classical/ })).toBeVisible();
});

test('a failed write (disk full) shows a banner within a second, keeps the work and saves it later', async ({
  page,
}) => {
  await openApp(page);
  await startFundamentalsLoop(page);
  await page.getByRole('button', { name: 'Start the loop' }).click();
  await page.evaluate(() => {
    const w = window as unknown as { __realPut?: typeof IDBObjectStore.prototype.put };
    w.__realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The disk is full', 'QuotaExceededError');
    };
  });
  await answer(page, 1, 'written while the disk was full');
  await page.clock.runFor(1000);
  await expect(page.getByRole('alert')).toContainText('Not saved yet. The disk is full');
  await expect(
    page.getByRole('textbox', { name: 'Your answer to question 1', exact: true }),
  ).toHaveValue('written while the disk was full');
  await page.evaluate(() => {
    const w = window as unknown as { __realPut: typeof IDBObjectStore.prototype.put };
    IDBObjectStore.prototype.put = w.__realPut;
  });
  await page.clock.runFor(11_000);
  await expect(page.getByRole('alert')).toHaveCount(0);
  const stored = await storedSession(page, sessionIdFromUrl(page));
  expect(JSON.stringify(stored.answers)).toContain('written while the disk was full');
});

test('practice: filter the templates, then "surprise me" draws from the filtered pool', async ({
  page,
}) => {
  await openApp(page, '/#/practice/coding');
  await expect(page.getByText('59 of 59 templates')).toBeVisible();
  await page.getByLabel('Search').fill('attention');
  await expect(page.getByRole('link', { name: 'Scaled dot-product attention' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'LRU cache for embeddings' })).toHaveCount(0);
  await page.getByLabel('Search').fill('');
  await page.getByLabel('Tag').selectOption('algorithms');
  await expect(page.getByText('9 of 59 templates')).toBeVisible();
  await page.getByRole('button', { name: 'Surprise me (algorithms)' }).click();
  await expect(page).toHaveURL(/#\/loop\//);
  const stored = await storedSession(page, sessionIdFromUrl(page));
  const templateId = (stored.session as { plan: { rounds: { templateId: string }[] } }).plan
    .rounds[0]!.templateId;
  expect([
    'top-k-frequent',
    'merge-intervals',
    'lru-cache',
    'shortest-path-bfs',
    'topological-order',
    'binary-search-capacity',
    'running-median',
    'number-of-islands',
    'subarray-sum-k',
  ]).toContain(templateId);
});

test('a reload on a full disk keeps what was typed: the journal wins until it is written', async ({
  page,
}) => {
  await openApp(page);
  await startFundamentalsLoop(page);
  await page.getByRole('button', { name: 'Start the loop' }).click();
  const box = page.getByRole('textbox', { name: 'Your answer to question 1', exact: true });
  await answer(page, 1, 'Saved before the disk filled.');
  await letSave(page);
  // The disk fills: every IndexedDB write fails, in this page and in the next one.
  const fillDisk = () => {
    const w = window as unknown as { __realPut?: typeof IDBObjectStore.prototype.put };
    w.__realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The disk is full', 'QuotaExceededError');
    };
  };
  await page.evaluate(fillDisk);
  await page.addInitScript(fillDisk);
  await answer(page, 1, 'Saved before the disk filled. Typed while it was full.');
  await page.clock.runFor(1000);
  await expect(page.getByRole('alert')).toContainText('Not saved yet');

  await page.reload();
  await expect(box).toHaveValue('Saved before the disk filled. Typed while it was full.');
  await expect(page.getByRole('alert')).toContainText('Not saved yet. The disk is full');
  await box.press('End');
  await box.pressSequentially(' And after the reload.');
  // Space is freed: the retry writes the whole text, nothing from the middle missing.
  await page.evaluate(() => {
    const w = window as unknown as { __realPut: typeof IDBObjectStore.prototype.put };
    IDBObjectStore.prototype.put = w.__realPut;
  });
  await page.clock.runFor(11_000);
  await expect(page.getByRole('alert')).toHaveCount(0);
  const stored = await storedSession(page, sessionIdFromUrl(page));
  const value = (stored.answers[0] as { value: { answers: Record<string, string> } }).value;
  expect(Object.values(value.answers)[0]).toBe(
    'Saved before the disk filled. Typed while it was full. And after the reload.',
  );
});

test('opening a practice link again resumes the round in progress, with a way to start fresh', async ({
  page,
}) => {
  await openApp(page, '/#/practice/fundamentals/optimization');
  await expect(page).toHaveURL(/#\/loop\/[\w-]+$/);
  const first = page.url();
  await answer(page, 1, 'half an answer');
  await letSave(page);
  await page.goto('/#/');
  await page.goto('/#/practice/fundamentals/optimization');
  await expect(page).toHaveURL(first);
  await expect(
    page.getByRole('textbox', { name: 'Your answer to question 1', exact: true }),
  ).toHaveValue('half an answer');
  await page.getByRole('link', { name: 'Start a fresh one instead' }).click();
  await expect(page).toHaveURL(/#\/loop\/[\w-]+$/);
  expect(page.url()).not.toBe(first);
  await expect(
    page.getByRole('textbox', { name: 'Your answer to question 1', exact: true }),
  ).toHaveValue('');
});
