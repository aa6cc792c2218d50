// A first visit: the round the person opened comes first; the service worker (and its 40 MB
// precache) is registered only once the page has settled, then takes over the page.
import { expect, test } from '@playwright/test';
import { FIRST_INSTALL_AFTER_MS } from '../../src/pwa/first-install';

test.use({ serviceWorkers: 'allow' });

test('a first visit registers the service worker only after the page has settled', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.addInitScript(() => {
    const w = window as unknown as { registeredAt: number };
    w.registeredAt = 0;
    const poll = setInterval(async () => {
      if (await navigator.serviceWorker.getRegistration()) {
        w.registeredAt = performance.now();
        clearInterval(poll);
      }
    }, 50);
  });
  await page.goto('/#/practice/coding/stable-softmax');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 120_000,
  });
  const { registeredAt, loadedAt } = await page.evaluate(() => ({
    registeredAt: (window as unknown as { registeredAt: number }).registeredAt,
    loadedAt: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
      .loadEventEnd,
  }));
  expect(registeredAt - loadedAt).toBeGreaterThanOrEqual(FIRST_INSTALL_AFTER_MS - 100);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});
