// A whole ML Engineer loop run with the keyboard alone: Tab and Shift+Tab to move, Enter to
// press, the app's one-key shortcuts (m, s, d, 1–4, n) where they exist. No mouse, no clicks.
import { expect, type Page, test } from '@playwright/test';
import { letSave, openApp } from './helpers';

/** Presses Tab (or Shift+Tab) until the focused element matches, as a person moving through. */
async function tabTo(page: Page, selector: string, name?: RegExp, back = false) {
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const ok = await page.evaluate(
      ([sel, src]) => {
        const el = document.activeElement as HTMLElement | null;
        if (!el?.matches(sel!)) return false;
        const labels = [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent);
        const label = `${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''} ${labels}`;
        return !src || new RegExp(src).test(label);
      },
      [selector, name?.source ?? ''],
    );
    if (ok) return;
  }
  throw new Error(`Tab never reached ${selector} ${name ?? ''}`);
}

/** "I'm done" through its shortcut, then the dialog's own button, by keyboard. */
async function endRound(page: Page) {
  await page.keyboard.press('d');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await tabTo(page, 'button', /End round and score/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /^Score/ })).toBeVisible();
}

/** Every dimension scored with its digit key, then on with n. */
async function scoreAndGoOn(page: Page, level: '2' | '3' | '4') {
  const dims = await page.locator('fieldset.rubric-dim').count();
  for (let i = 0; i < dims; i++) await page.keyboard.press(level);
  await expect(page.locator('fieldset.rubric-dim input:checked')).toHaveCount(dims);
  await page.keyboard.press('n');
}

/** Leaves a text field for the page (Shift+Tab to the round's clock bar), so shortcuts work. */
async function toClockBar(page: Page) {
  await tabTo(page, '.timerbar button', /Pause/, true);
}

test('a whole ML Engineer loop with the keyboard alone', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  await page.keyboard.press('m');
  await expect(page.getByRole('heading', { level: 1, name: /the plan/ })).toBeVisible();
  await page.keyboard.press('s');

  // 1. ML coding: Tab into Monaco, type, run the examples with Ctrl+Enter.
  await expect(page.getByRole('heading', { level: 1, name: /^Round 1 of 5/ })).toBeVisible();
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  // Monaco's input is a hidden textarea or, where Chromium has EditContext, a div.
  await tabTo(page, '.monaco-editor *');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('# typed with the keyboard');
  await expect(page.getByText(/Python ready/)).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.result-summary')).toBeVisible({ timeout: 30_000 });
  // Monaco keeps Tab for indentation; Ctrl+M makes Tab move focus out of it.
  await page.keyboard.press('Control+m');
  await toClockBar(page);
  await endRound(page);
  await scoreAndGoOn(page, '3');

  // 2. Algorithms: ended at once.
  await expect(page.getByRole('heading', { level: 1, name: 'Break' })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { level: 1, name: /^Round 2 of 5/ })).toBeVisible();
  await endRound(page);
  await scoreAndGoOn(page, '2');

  // 3. Applied fundamentals: an answer typed.
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { level: 1, name: /^Round 3 of 5/ })).toBeVisible();
  await tabTo(page, 'textarea');
  await page.keyboard.type('Precision is $TP/(TP+FP)$.');
  await toClockBar(page);
  await endRound(page);
  await scoreAndGoOn(page, '4');

  // 4. System design: a clarifying question asked, an estimate typed, the stage changed.
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { level: 1, name: /^Round 4 of 5/ })).toBeVisible();
  await expect(page.locator('.sd-work .sd-board-host')).toHaveAttribute('data-state', 'ready', {
    timeout: 30_000,
  });
  await tabTo(page, 'button', /^\s*Ask: /);
  await page.keyboard.press('Enter');
  await expect(page.locator('.sd-questions .asked')).toHaveCount(1);
  await tabTo(page, 'input[type=radio]');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/You are on data/)).toBeVisible();
  await tabTo(page, '.sd-estimates input');
  await page.keyboard.type('35k/s');
  await toClockBar(page);
  await endRound(page);
  await expect(page.getByText('Problem framing and metrics', { exact: true })).toBeVisible();
  await scoreAndGoOn(page, '3');

  // 5. Production story: a project written in the round, then the presentation typed.
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { level: 1, name: /^Round 5 of 5/ })).toBeVisible();
  await tabTo(page, 'form[aria-label="New project"] input');
  await page.keyboard.type('Search ranking');
  await page.keyboard.press('Enter');
  await tabTo(page, 'textarea', /Problem and impact/);
  await page.keyboard.type('Conversion rose 4% at 3k QPS.');
  await toClockBar(page);
  await endRound(page);
  const dims = await page.locator('fieldset.rubric-dim').count();
  for (let i = 0; i < dims; i++) await page.keyboard.press('3');
  await page.keyboard.press('n');

  await expect(
    page.getByRole('heading', { level: 1, name: /^Review: ML Engineer loop/ }),
  ).toBeVisible();
  await expect(page.locator('.rounds-table tbody tr')).toHaveCount(5);
  await letSave(page);
});
