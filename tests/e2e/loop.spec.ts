import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  answer,
  endRoundNow,
  expectKatexStyled,
  letSave,
  openApp,
  scoreAll,
  sessionIdFromUrl,
  startFundamentalsLoop,
  startTrackLoop,
  storedSession,
} from './helpers';

const ROUNDS = resolve(import.meta.dirname, '../../rounds/coding');

test('a whole MLE loop, from home to review: ML coding, algorithms, applied fundamentals, system design, production story', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(baseURL!).origin,
  });
  await openApp(page);
  // The production story defends a shipped system of the person's own, kept in settings.
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Add a project' }).click();
  const form = page.getByRole('form', { name: 'New project' });
  await form.getByLabel('Shipped system (a production story)').check();
  await form.getByLabel('Title').fill('Search ranking');
  await form.getByLabel(/^Summary/).fill('Learning to rank for site search.');
  await page.getByRole('button', { name: 'Save project' }).click();
  await page.goto('/');

  await startTrackLoop(page, 'ML Engineer');
  await expect(page.getByText(/not built yet/)).toHaveCount(0);
  await expect(page.getByText(/5 rounds, 195 minutes in all/)).toBeVisible();
  const codingId = await page.locator('.plan-row').nth(0).locator('select').inputValue();
  await page.getByRole('button', { name: 'Start the loop' }).click();

  // Round 1: ML coding. Paste the reference, Submit, then end early.
  await expect(page.getByRole('heading', { level: 1, name: /^Round 1 of 5/ })).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText('45:00');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await page.evaluate(
    (t) => navigator.clipboard.writeText(t),
    readFileSync(resolve(ROUNDS, codingId, 'solution.py'), 'utf8'),
  );
  await page.locator('.monaco-editor').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+v');
  await expect(page.getByText(/Python ready/)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: /^Submit/ }).click();
  await expect(page.locator('.result-summary')).toHaveText(/^(\d+) of \1 tests passed/, {
    timeout: 20_000,
  });
  await page.clock.runFor(5 * 60_000);
  await endRoundNow(page);

  // Scoring: the coding rubric with its objective signals; scores required to move on.
  const next = page.getByRole('button', { name: 'Save scores and take a break' });
  await expect(next).toBeDisabled();
  await expect(page.getByText('Hidden tests passed (last Submit)')).toBeVisible();
  await expect(page.locator('fieldset.rubric-dim')).toHaveCount(5);
  await scoreAll(page, 3);
  await page.getByLabel("What I'd do differently").fill('State the complexity first.');
  await next.click();

  // Round 2: algorithms, left to run out of time.
  await expect(page.getByRole('heading', { level: 1, name: 'Break' })).toBeVisible();
  await page.getByRole('button', { name: 'Start round 2' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Round 2 of 5/ })).toBeVisible();
  await page.clock.runFor(45 * 60_000 + 2000);
  await expect(page.getByRole('heading', { level: 1, name: /^Score round 2/ })).toBeVisible();
  await scoreAll(page, 2);
  await page.getByRole('button', { name: 'Save scores and take a break' }).click();

  // Round 3: applied fundamentals, written with math.
  await page.getByRole('button', { name: 'Start round 3' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Round 3 of 5/ })).toBeVisible();
  await answer(page, 1, 'Precision is $\\frac{TP}{TP + FP}$.');
  await expectKatexStyled(page.locator('.preview .katex').first());
  await endRoundNow(page);
  await expect(page.getByRole('heading', { name: 'Key points' })).toBeVisible();
  await page.getByRole('checkbox').first().check();
  await scoreAll(page, 4);
  await page.getByRole('button', { name: 'Save scores and take a break' }).click();

  // Round 4: the signature system design round: the board, one clarifying question.
  await page.getByRole('button', { name: 'Start round 4' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Round 4 of 5/ })).toBeVisible();
  await expect(page.locator('.sd-work .sd-board-host')).toHaveAttribute('data-state', 'ready', {
    timeout: 30_000,
  });
  await page
    .getByRole('button', { name: /^Ask: / })
    .first()
    .click();
  await expect(page.locator('.sd-questions .asked')).toHaveCount(1);
  await endRoundNow(page);
  await expect(page.getByText('Problem framing and metrics', { exact: true })).toBeVisible();
  await scoreAll(page, 3);
  await page.getByRole('button', { name: 'Save scores and take a break' }).click();

  // Round 5: the production story, told about the project from settings.
  await page.getByRole('button', { name: 'Start round 5' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Round 5 of 5/ })).toBeVisible();
  await page.getByRole('button', { name: 'Present this: Search ranking' }).click();
  await page
    .getByRole('textbox', { name: 'Problem and impact' })
    .fill('Search conversion rose 4% at 3k QPS.');
  await endRoundNow(page);
  await expect(page.getByText('Problem and impact in numbers', { exact: true })).toBeVisible();
  await scoreAll(page, 3);
  await page.getByRole('button', { name: 'Finish and see the review' }).click();

  // Review: verdicts, the formula with its numbers (the signature round counts twice), time used.
  await expect(
    page.getByRole('heading', { level: 1, name: /^Review: ML Engineer loop/ }),
  ).toBeVisible();
  await expect(
    page.getByText(
      '(1 × 3.00 + 1 × 2.00 + 1 × 4.00 + 2 × 3.00 + 1 × 3.00) / (1 + 1 + 1 + 2 + 1) = 3.00',
    ),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Loop verdict: Lean hire' })).toBeVisible();
  const rows = page.locator('.rounds-table tbody tr');
  await expect(rows.nth(0)).toContainText(/5:\d\d \/ 45:00/);
  await expect(rows.nth(1)).toContainText('45:00 / 45:00');
  await expect(rows.nth(1)).toContainText('time up');
  await expect(rows).toHaveCount(5);

  const stored = await storedSession(page, sessionIdFromUrl(page));
  expect(stored.session).toMatchObject({ phase: { name: 'done' } });

  // And it is in history.
  await page.getByRole('link', { name: 'History' }).first().click();
  await expect(page.getByRole('link', { name: /ML Engineer loop · 5 rounds/ })).toBeVisible();
  await expect(page.getByText('Lean hire').first()).toBeVisible();
});

test('time running out locks the answer and opens scoring', async ({ page }) => {
  await openApp(page);
  await startFundamentalsLoop(page);
  await page.getByRole('button', { name: 'Start the loop' }).click();
  await answer(page, 2, 'typed before the bell');
  await page.clock.runFor(20 * 60_000);
  await expect(page.getByTestId('clock-announcer')).toHaveText('10 minutes left.');
  await page.clock.runFor(5 * 60_000);
  await expect(page.getByTestId('clock-announcer')).toHaveText('5 minutes left.');
  await page.clock.runFor(5 * 60_000 + 1000);
  await expect(page.getByRole('heading', { level: 1, name: /^Score round 1/ })).toBeVisible();
  const id = sessionIdFromUrl(page);
  const stored = await storedSession(page, id);
  expect(stored.session).toMatchObject({
    phase: { name: 'scoring', index: 0 },
    rounds: [{ endReason: 'timeout' }, {}],
  });
  expect(JSON.stringify(stored.answers)).toContain('typed before the bell');
});

test('keyboard: scores 1-4 and next, never while typing in a field', async ({ page }) => {
  await openApp(page);
  await startFundamentalsLoop(page);
  await page.keyboard.press('s');
  await expect(page.getByRole('heading', { level: 1, name: /^Round 1 of 2/ })).toBeVisible();
  // Typing "d" in an answer types a d; it does not end the round.
  await page
    .getByRole('textbox', { name: 'Your answer to question 1', exact: true })
    .pressSequentially('dp');
  await expect(
    page.getByRole('textbox', { name: 'Your answer to question 1', exact: true }),
  ).toHaveValue('dp');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.locator('h1').click();
  await page.keyboard.press('d');
  await page.getByRole('button', { name: 'End round and score' }).click();
  for (const key of ['4', '3', '4', '3']) await page.keyboard.press(key);
  await expect(page.locator('fieldset.rubric-dim input:checked')).toHaveCount(4);
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { level: 1, name: 'Break' })).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText(
    'Start the next round',
  );
});

test('an unknown route or session shows a friendly not-found with a way home', async ({ page }) => {
  await openApp(page, '/#/nowhere');
  await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  await page.goto('/#/review/no-such-session');
  await expect(page.getByText(/No session with this id/)).toBeVisible();
  await page.getByRole('link', { name: 'Go home' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Rehearse/ })).toBeVisible();
  await letSave(page);
});
