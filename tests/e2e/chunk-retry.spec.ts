// A chunk that fails to load (offline before it was cached, or replaced by a deploy) shows a
// plain message with Retry, never the browser's raw import error; Retry loads it once it can.
import { expect, test } from '@playwright/test';

test('a kind’s views that fail to load show Retry, and Retry opens the round', async ({ page }) => {
  await page.goto('/#/practice');
  const kindHref = await page
    .locator('main .cards a[href^="#/practice/"]')
    .first()
    .getAttribute('href');
  await page.goto(`/${kindHref}`);
  const template = await page.locator('ul.template-list a').first().getAttribute('href');
  await page.route('**/assets/views-*.js', (route) => route.abort('internetdisconnected'));
  await page.goto(`/${template}`);
  const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await expect(alert).toContainText('The round could not be loaded.');
  await expect(page.getByText(/dynamically imported module/)).toHaveCount(0);
  // The clock stays, so the round can still be ended.
  await expect(page.getByRole('button', { name: "I'm done" })).toBeVisible();

  await page.unroute('**/assets/views-*.js');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toHaveCount(0);
  await expect(page.locator('section.round').getByRole('textbox').first()).toBeVisible();
});

test('a screen that fails to load shows Retry, and Retry opens it', async ({ page }) => {
  // Blocked from the start: the app fetches the other screens' code at idle after its first
  // load, so that fetch fails too, and the click then finds the failure, not a missing chunk.
  await page.route('**/assets/History-*.js', (route) => route.abort('internetdisconnected'));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'History' })
    .click();
  const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await expect(alert).toContainText('This screen could not be loaded.');
  await expect(page.getByText(/dynamically imported module/)).toHaveCount(0);
  await page.unroute('**/assets/History-*.js');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
});
