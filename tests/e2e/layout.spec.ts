import { expect, type Page, test } from '@playwright/test';
import { endRoundNow, openApp, scoreAll } from './helpers';

/** The page itself never scrolls sideways (wide tables and editors scroll inside their box). */
async function fits(page: Page, what: string) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
  expect(scroll, `${what}: page is ${scroll} px wide in a ${width} px window`).toBeLessThanOrEqual(
    width,
  );
}

for (const width of [360, 390]) {
  test(`every screen fits a ${width} px wide phone without scrolling sideways`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await openApp(page);
    await fits(page, 'home');
    await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeInViewport();
    for (const [path, heading] of [
      ['/#/which-track', /track/i],
      ['/#/custom', /loop/i],
      ['/#/history', /History/],
      ['/#/settings', /Settings/],
      ['/#/practice', /Practise/],
      ['/#/practice/coding', /Practise/],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await fits(page, path);
    }
    await page.goto('/#/');
    await page.getByRole('button', { name: 'Start an ML Engineer loop' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /the plan/ })).toBeVisible();
    await fits(page, 'plan');
    await page.goto('/#/practice/coding/merge-intervals');
    await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
    await fits(page, 'coding round');
    await page.goto('/#/practice/fundamentals/optimization');
    await expect(page.getByRole('heading', { level: 1, name: 'Optimization' })).toBeVisible();
    await fits(page, 'fundamentals round');
    await endRoundNow(page);
    await fits(page, 'scoring');
    await scoreAll(page, 3);
    await page.getByRole('button', { name: 'Finish and see the review' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Review/ })).toBeVisible();
    await fits(page, 'review');
  });
}
