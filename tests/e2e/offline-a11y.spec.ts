import { expect, test } from '@playwright/test';
import {
  answer,
  endRoundNow,
  openApp,
  scoreAll,
  seriousA11yViolations,
  startFundamentalsLoop,
} from './helpers';

test('every request of the page and its workers stays on the app origin', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  await openApp(page);
  await startFundamentalsLoop(page);
  await page.getByRole('button', { name: 'Start the loop' }).click();
  await answer(page, 1, 'Math: $\\int_0^1 x^2\\,dx = \\tfrac13$');
  await expect(page.locator('.preview .katex').first()).toBeVisible();
  await endRoundNow(page);
  await expect(page.getByRole('heading', { name: 'Key points' })).toBeVisible();
  expect(foreign).toEqual([]);
});

test('axe finds no serious or critical problem on home, round, scoring, review and history', async ({
  page,
}) => {
  const check = async (where: string) => {
    const v = await seriousA11yViolations(page);
    expect(v, `${where}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
  };
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page);
    await check(`home (${scheme})`);
    await startFundamentalsLoop(page);
    await page.getByRole('button', { name: 'Start the loop' }).click();
    await answer(page, 1, 'Bad math $\\frac{1}{$ and good $x^2$');
    await check(`round (${scheme})`);
    await endRoundNow(page);
    await check(`scoring (${scheme})`);
    await scoreAll(page, 3);
    await page.getByRole('button', { name: 'Save scores and take a break' }).click();
    await page.getByRole('button', { name: 'End the loop here' }).click();
    await page.getByRole('button', { name: 'End and see the review' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Review/ })).toBeVisible();
    await check(`review (${scheme})`);
    await page.goto('/#/history');
    await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
    await check(`history (${scheme})`);
  }
});

test('axe finds no serious or critical problem on a coding round and its scoring', async ({
  page,
}) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // A fresh round each time (the practice link alone resumes the one in progress).
    await page.goto('/#/practice/coding/stable-softmax/new');
    await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(/Python ready/)).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: /^Run/ }).click();
    await expect(page.locator('.result-summary')).toBeVisible();
    let v = await seriousA11yViolations(page);
    expect(v, `coding round (${scheme}): ${JSON.stringify(v, null, 1)}`).toEqual([]);
    await endRoundNow(page);
    await expect(page.getByRole('heading', { name: 'Replay' })).toBeVisible();
    v = await seriousA11yViolations(page);
    expect(v, `coding scoring (${scheme}): ${JSON.stringify(v, null, 1)}`).toEqual([]);
  }
});
