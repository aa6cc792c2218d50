import { expect, type Page, test } from '@playwright/test';

// "Try your own input" against real Python (Pyodide in the app's worker) in Chromium.

async function openProblem(page: Page, id: string) {
  await page.goto(`/#/practice/coding/${id}`);
  await expect(page).toHaveURL(/#\/loop\//);
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/Python ready/)).toBeVisible({ timeout: 30_000 });
}

test('in practice, the person’s own arguments run through their code and the reference', async ({
  page,
}) => {
  await openProblem(page, 'stable-softmax');
  const section = page.getByRole('region', { name: 'Try your own input' });
  const box = section.getByLabel('Arguments to softmax, one Python literal per line');
  // The first example, floats as written.
  await expect(box).toHaveValue('[1.0, 2.0, 3.0]');

  // The starter is the naive formula: plain Python raises where the reference answers.
  await box.fill('[1000.0, 1000.0]');
  await section.getByRole('button', { name: 'Try it' }).click();
  await expect(section.getByText('Not the same as the reference.')).toBeVisible({
    timeout: 15_000,
  });
  await expect(section.locator('.traceback')).toContainText('OverflowError: math range error');
  await expect(section).toContainText('[0.5, 0.5]');

  // Input where the naive formula is fine: the two agree.
  await box.fill('[1.0,\n 2.0]');
  await box.press('Control+Enter');
  await expect(section.getByText('Same answer as the reference.')).toBeVisible({
    timeout: 15_000,
  });
  await expect(section.getByText('softmax([1.0, 2.0])')).toHaveCount(2);
  // Ctrl+Enter in the box tried the input; it did not run the examples.
  await expect(page.locator('.results-panel .result-summary')).toHaveCount(0);

  // Not a literal, and too many arguments: clear messages, nothing evaluated.
  await box.fill('__import__("os")');
  await section.getByRole('button', { name: 'Try it' }).click();
  await expect(section.getByRole('alert')).toContainText(
    'line 1: __import__("os") is not a literal',
  );
  await box.fill('[1.0]\n[2.0]');
  await section.getByRole('button', { name: 'Try it' }).click();
  await expect(section.getByRole('alert')).toContainText(
    'softmax(scores: list[float]) -> list[float]: too many positional arguments; you gave 2 arguments, one per line',
  );
});
