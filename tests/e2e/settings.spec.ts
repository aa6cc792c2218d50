import { expect, test } from '@playwright/test';
import { openApp, seriousA11yViolations } from './helpers';

test('my projects: add one, find it after a reload, edit it, delete it', async ({ page }) => {
  await openApp(page, '/#/settings');
  await expect(page.getByText('No projects yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Add a project' }).click();
  await page.getByRole('button', { name: 'Save project' }).click();
  await expect(page.getByText('Give the project a title.')).toBeVisible();
  const form = page.getByRole('form', { name: 'New project' });
  await form.getByLabel('Title').fill('Sparse attention for long documents');
  await form
    .getByLabel(/^Summary/)
    .fill('Long documents exceed the context; we learn which blocks to attend.');
  await form.getByLabel(/^Your own role/).fill('I designed the router and ran every ablation.');
  await form
    .getByLabel(/^Key result/)
    .fill('+1.8 ROUGE-L over Longformer at half the memory, 3 seeds');
  await form.getByLabel(/^Known limitations/).fill('English only; no study past 64k tokens.');
  await page.getByRole('button', { name: 'Save project' }).click();
  await expect(page.getByText('Sparse attention for long documents')).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.reload();
  await expect(
    page.getByText('+1.8 ROUGE-L over Longformer at half the memory, 3 seeds'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Edit Sparse attention for long documents' }).click();
  await page.getByLabel('Shipped system (a production story)').check();
  await page.getByRole('button', { name: 'Save project' }).click();
  await expect(page.locator('.project-list')).toContainText('production');

  await page.getByRole('button', { name: 'Delete Sparse attention for long documents' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No projects yet.')).toBeVisible();
});
