import { expect, test } from '@playwright/test';
import { answer, letSave, openApp, startFundamentalsLoop } from './helpers';

test('a second tab cannot clobber the first, and taking over loses nothing', async ({
  page,
  context,
}) => {
  await openApp(page);
  await startFundamentalsLoop(page);
  await page.getByRole('button', { name: 'Start the loop' }).click();
  await answer(page, 1, 'written in tab one');
  await letSave(page);

  const second = await context.newPage();
  await second.goto(page.url());
  await expect(second.getByRole('alert')).toContainText('open in another tab');
  const box2 = second.getByRole('textbox', { name: 'Your answer to question 1', exact: true });
  await expect(box2).toHaveValue('written in tab one');
  await expect(box2).toHaveAttribute('readonly', '');

  // Tab one keeps typing; nothing is flushed yet when tab two takes over.
  await answer(page, 1, 'written in tab one, then more');
  await second.getByRole('button', { name: 'Take over here' }).click();
  await expect(box2).toHaveValue('written in tab one, then more');
  await expect(box2).not.toHaveAttribute('readonly', '');
  await expect(page.getByRole('alert')).toContainText('Another tab took over');
  await expect(
    page.getByRole('textbox', { name: 'Your answer to question 1', exact: true }),
  ).toHaveAttribute('readonly', '');

  await box2.fill('tab two now owns it');
  await second.waitForTimeout(1500);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('open in another tab');
  await expect(
    page.getByRole('textbox', { name: 'Your answer to question 1', exact: true }),
  ).toHaveValue('tab two now owns it');
});

test('a read-only tab follows the owner as it saves, and says so when typed into', async ({
  page,
  context,
}) => {
  await openApp(page);
  await startFundamentalsLoop(page);
  await page.getByRole('button', { name: 'Start the loop' }).click();
  await answer(page, 1, 'first words');
  await letSave(page);

  const second = await context.newPage();
  await second.goto(page.url());
  const box2 = second.getByRole('textbox', { name: 'Your answer to question 1', exact: true });
  await expect(box2).toHaveValue('first words');
  await expect(box2).toHaveAttribute('aria-readonly', 'true');
  await expect(second.locator('.round')).toHaveClass(/read-only/);

  // Typing here is not silently dropped: the tab says why nothing appears.
  await box2.click();
  await second.keyboard.type('x');
  await expect(box2).toHaveValue('first words');
  await expect(second.getByRole('status').filter({ hasText: 'read-only' })).toContainText(
    'Take over',
  );

  // The owner keeps typing: the read-only tab shows each saved edit without a reload.
  await answer(page, 1, 'first words, then the owner went on');
  await letSave(page);
  await expect(box2).toHaveValue('first words, then the owner went on');
});
