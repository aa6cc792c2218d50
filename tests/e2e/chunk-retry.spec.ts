// A chunk that fails to load (offline before it was cached, or replaced by a deploy) shows a
// plain message with Retry, never the browser's raw import error; Retry loads it once it can.
import { expect, type Page, test } from '@playwright/test';
import { letSave, sessionIdFromUrl, storedSession, T0 } from './helpers';

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

const loadFailed = (page: Page) =>
  page.getByRole('alert').filter({ hasText: 'could not be loaded' });

// Monaco and Excalidraw are loaded by the editor and the board themselves, not as a view chunk.
test('Monaco that fails to load shows Retry; Retry brings the editor back with the code typed before', async ({
  page,
}) => {
  await page.clock.install({ time: T0 });
  await page.goto('/#/practice/coding/stable-softmax');
  await expect(page).toHaveURL(/#\/loop\//);
  const lines = page.locator('.monaco-editor .view-lines');
  await expect(lines).toBeVisible({ timeout: 20_000 });
  await page.locator('.monaco-editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# KEPT_BEFORE');
  await letSave(page);

  await page.route('**/assets/monaco-*.js', (route) => route.abort('internetdisconnected'));
  await page.reload();
  const alert = loadFailed(page);
  await expect(alert).toContainText('The editor could not be loaded.');
  await expect(alert).toContainText('Your work is saved.');
  await expect(page.getByText(/dynamically imported module|could not load \(/)).toHaveCount(0);

  await page.unroute('**/assets/monaco-*.js');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toHaveCount(0);
  await expect(lines).toContainText('KEPT_BEFORE', { timeout: 20_000 });
  // The editor works: what is typed now lands after the earlier text.
  await page.locator('.monaco-editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' AND_AFTER');
  await expect(lines).toContainText('KEPT_BEFORE AND_AFTER');
});

test('Excalidraw that fails to load shows Retry; Retry opens the board with what was drawn', async ({
  page,
}) => {
  await page.clock.install({ time: T0 });
  await page.goto('/#/practice/system-design/video-recommendations');
  await expect(page).toHaveURL(/#\/loop\//);
  const board = page.locator('.sd-work .sd-board-host');
  const draw = async (x: number, y: number) => {
    await board.scrollIntoViewIfNeeded();
    await board.getByTitle(/^Rectangle/).click();
    const box = (await board.locator('canvas.interactive').boundingBox())!;
    await page.mouse.move(box.x + x, box.y + y);
    await page.mouse.down();
    await page.mouse.move(box.x + x + 150, box.y + y + 90, { steps: 6 });
    await page.mouse.up();
  };
  const stored = async () => {
    const s = await storedSession(page, sessionIdFromUrl(page));
    const scene = (s.answers[0] as { value: { scene: { elements: { isDeleted?: boolean }[] } } })
      .value.scene;
    return scene.elements.filter((e) => !e.isDeleted).length;
  };
  await expect(board).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await draw(80, 120);
  await letSave(page);
  expect(await stored()).toBe(1);

  await page.route('**/assets/excalidraw-*.js', (route) => route.abort('internetdisconnected'));
  await page.reload();
  const alert = loadFailed(page);
  await expect(alert).toContainText('The whiteboard could not be loaded.');
  await expect(page.getByText(/dynamically imported module|could not load \(/)).toHaveCount(0);

  await page.unroute('**/assets/excalidraw-*.js');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toHaveCount(0);
  await expect(board).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(board).toHaveAttribute('data-elements', '1');
  // The board works: a second rectangle is drawn and saved beside the first.
  await draw(320, 260);
  await letSave(page);
  await expect.poll(stored).toBe(2);
});
