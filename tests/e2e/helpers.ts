import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Locator, type Page } from '@playwright/test';

export const T0 = new Date('2026-11-27T09:00:00Z');

/** Installs Playwright's clock before the app loads, so no test waits real minutes. */
export async function openApp(page: Page, path = '/') {
  await page.clock.install({ time: T0 });
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

export async function startTrackLoop(page: Page, track: 'ML Engineer' | 'Research Scientist') {
  await page
    .getByRole('button', { name: `Start a${track === 'ML Engineer' ? 'n' : ''} ${track} loop` })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /the plan/ })).toBeVisible();
}

/** A custom loop of two 30-minute fundamentals rounds, through the loop builder. */
export async function startFundamentalsLoop(page: Page) {
  await page.goto('/#/custom');
  await page.getByRole('button', { name: 'Add a round' }).click();
  await expect(page.locator('.plan-row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Draw templates and review the plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /the plan/ })).toBeVisible();
}

export async function answer(page: Page, question: number, text: string) {
  await page
    .getByRole('textbox', { name: `Your answer to question ${question}`, exact: true })
    .fill(text);
}

/** Lets debounced saves run (the app saves within a second of the last edit). */
export async function letSave(page: Page) {
  await page.clock.runFor(1500);
}

export async function scoreAll(page: Page, level: 1 | 2 | 3 | 4) {
  const groups = page.locator('fieldset.rubric-dim');
  const n = await groups.count();
  for (let i = 0; i < n; i++) {
    await groups
      .nth(i)
      .getByRole('radio')
      .nth(level - 1)
      .check();
  }
}

export async function endRoundNow(page: Page) {
  await page.getByRole('button', { name: "I'm done" }).click();
  await page.getByRole('button', { name: 'End round and score' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Score/ })).toBeVisible();
}

export function sessionIdFromUrl(page: Page): string {
  const m = /#\/(?:loop|review)\/([\w-]+)/.exec(page.url());
  if (!m) throw new Error(`no session id in ${page.url()}`);
  return m[1]!;
}

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

export async function seriousA11yViolations(page: Page) {
  // Evaluated through the debugger, not added as an inline <script>: the app's policy blocks
  // inline scripts (and would report one as a violation).
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const results = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global
    const axe = (window as any).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map(
      (v: { id: string; impact: string; help: string; nodes: { target: string[] }[] }) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }),
    );
  });
  return results.filter(
    (v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical',
  );
}

/** What IndexedDB holds for a session, read the way the app stored it. */
export async function storedSession(page: Page, id: string) {
  return page.evaluate(
    (sid) =>
      new Promise<{ session: unknown; answers: unknown[] }>((resolve, reject) => {
        const req = indexedDB.open('mockloop');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['sessions', 'answers'], 'readonly');
          const s = tx.objectStore('sessions').get(sid);
          const a = tx.objectStore('answers').index('sessionId').getAll(sid);
          tx.oncomplete = () => {
            db.close();
            resolve({ session: s.result, answers: a.result });
          };
        };
      }),
    id,
  );
}

/** The round kinds the practice page lists, so tests cover kinds that land later unnamed. */
export async function kindsOnPracticePage(page: Page): Promise<string[]> {
  await page.goto('/#/practice');
  await expect(page.getByRole('heading', { level: 1, name: 'Practise one round' })).toBeVisible();
  const hrefs = await page
    .locator('main .cards a[href^="#/practice/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  return hrefs.map((h) => h.split('/')[2]!);
}

/**
 * KaTeX output styled by KaTeX's own stylesheet (which arrives with the code that renders math):
 * its glyphs use KaTeX's fonts and its struts are sized, and a MathML copy for screen readers,
 * where there is one, is clipped out of sight. Without the stylesheet the formula shows in the
 * page's font (and twice, where it carries MathML).
 */
export async function expectKatexStyled(katex: Locator) {
  await expect(katex).toBeVisible();
  await expect(katex).toHaveCSS('font-family', /KaTeX_Main/);
  await expect(katex.locator('.katex-base').first()).toHaveCSS('display', 'inline-block');
  for (const mathml of await katex.locator('.katex-mathml').all())
    await expect(mathml).toHaveCSS('position', 'absolute');
}
