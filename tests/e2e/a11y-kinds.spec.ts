// axe on every round kind the practice page lists (so kinds landing later are covered), in
// both themes: its practice list, the round as it opens and its scoring screen; and settings.
import { expect, test } from '@playwright/test';
import { endRoundNow, kindsOnPracticePage, seriousA11yViolations } from './helpers';

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: every kind's round and scoring, and settings, in the ${scheme} theme`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    const kinds = await kindsOnPracticePage(page);
    expect(kinds.length).toBeGreaterThanOrEqual(5);
    for (const kind of kinds) {
      await page.goto(`/#/practice/${kind}`);
      const first = page.locator('ul.template-list a').first();
      await expect(first).toBeVisible();
      const listed = await seriousA11yViolations(page);
      expect(
        listed,
        `${kind} practice list (${scheme}): ${JSON.stringify(listed, null, 1)}`,
      ).toEqual([]);
      await page.goto(`${(await first.getAttribute('href'))!}/new`);
      await expect(page.locator('section.round')).toBeVisible({ timeout: 20_000 });
      // Let the kind's own lazy parts (editor, board, renderer) arrive before looking.
      await page.waitForLoadState('networkidle');
      let v = await seriousA11yViolations(page);
      expect(v, `${kind} round (${scheme}): ${JSON.stringify(v, null, 1)}`).toEqual([]);
      await endRoundNow(page);
      await page.waitForLoadState('networkidle');
      v = await seriousA11yViolations(page);
      expect(v, `${kind} scoring (${scheme}): ${JSON.stringify(v, null, 1)}`).toEqual([]);
    }
    await page.goto('/#/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    const v = await seriousA11yViolations(page);
    expect(v, `settings (${scheme}): ${JSON.stringify(v, null, 1)}`).toEqual([]);
  });
}
