// The derivation round in Chromium: typed with the keyboard, rendered by KaTeX, kept through a
// reload, checked by the real checker in its worker when the round ends.
import { expect, type Page, test } from '@playwright/test';
import {
  expectKatexStyled,
  seriousA11yViolations,
  sessionIdFromUrl,
  storedSession,
} from './helpers';

const step = (page: Page, n: number) =>
  page.getByRole('combobox', { name: `Step ${n}`, exact: true });
const row = (page: Page, n: number) => page.locator('.drv-steps > li').nth(n - 1);

async function openProblem(page: Page, id = 'sigmoid-derivative') {
  await page.goto(`/#/practice/derivation/${id}/new`);
  await expect(page).toHaveURL(/#\/loop\//);
  await expect(step(page, 1)).toBeVisible({ timeout: 20_000 });
}

/** Types steps one after another: Enter after each adds the next. */
async function typeSteps(page: Page, lines: string[]) {
  await step(page, 1).click();
  for (const [i, line] of lines.entries()) {
    await page.keyboard.type(line);
    if (i < lines.length - 1) await page.keyboard.press('Enter');
  }
}

async function endAndScore(page: Page) {
  await page.getByRole('button', { name: "I'm done" }).click();
  await page.getByRole('button', { name: 'End round and score' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Score/ })).toBeVisible();
}

const RIGHT = [
  "\\sigma'(x) = \\frac{d}{dx}\\left(1+e^{-x}\\right)^{-1}",
  '= \\frac{e^{-x}}{\\left(1+e^{-x}\\right)^{2}}',
  '= \\sigma(x)\\left(1-\\sigma(x)\\right)',
];

test('a derivation typed with the keyboard renders each step as it is typed', async ({ page }) => {
  await openProblem(page);
  await typeSteps(page, RIGHT);
  for (const n of [1, 2, 3]) {
    await expectKatexStyled(row(page, n).locator('.drv-step-render .katex'));
    await expect(step(page, n)).toHaveValue(RIGHT[n - 1]!);
  }
  await expect(step(page, 3)).toBeFocused();
  // A command typed after "\" is offered and completed with Enter.
  await page.keyboard.press('Enter');
  await page.keyboard.type('= \\fra');
  await expect(page.getByRole('listbox', { name: 'Commands for step 4' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(step(page, 4)).toHaveValue('= \\frac{}{}');
  await page.keyboard.type('1');
  await expect(step(page, 4)).toHaveValue('= \\frac{1}{}');
  // Alt+↑ moves it, Backspace on an emptied step removes it.
  await page.keyboard.press('Alt+ArrowUp');
  await expect(step(page, 3)).toHaveValue('= \\frac{1}{}');
  await expect(step(page, 3)).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(page.locator('.drv-steps > li')).toHaveCount(3);
  await expect(step(page, 3)).toBeFocused();
});

test('a LaTeX error shows its message and position at its step only', async ({ page }) => {
  await openProblem(page);
  await typeSteps(page, ['x = 1', '= \\sqrtt{x}', '= 1']);
  await expect(row(page, 2).locator('.drv-error')).toContainText(
    'LaTeX error at position 2: Undefined control sequence: \\sqrtt',
  );
  await expect(row(page, 2).locator('mark')).toHaveText('\\');
  await expect(row(page, 1).locator('.katex')).toBeVisible();
  await expect(row(page, 3).locator('.katex')).toBeVisible();
  await expect(page.locator('.drv-error')).toHaveCount(1);
});

test('a reload keeps every step and justification as typed', async ({ page }) => {
  await openProblem(page);
  await typeSteps(page, RIGHT);
  await page.getByRole('textbox', { name: 'Why, step 2 (optional)' }).fill('chain rule');
  await page.getByRole('textbox', { name: 'Final answer (LaTeX)' }).fill('\\sigma(x)-\\sigma(x)^2');
  await page.waitForTimeout(1500);
  await page.reload();
  await expect(step(page, 1)).toBeVisible({ timeout: 20_000 });
  for (const n of [1, 2, 3]) await expect(step(page, n)).toHaveValue(RIGHT[n - 1]!);
  await expect(page.getByRole('textbox', { name: 'Why, step 2 (optional)' })).toHaveValue(
    'chain rule',
  );
  await expect(page.getByRole('textbox', { name: 'Final answer (LaTeX)' })).toHaveValue(
    '\\sigma(x)-\\sigma(x)^2',
  );
  const stored = await storedSession(page, sessionIdFromUrl(page));
  expect(JSON.stringify(stored.answers)).toContain('chain rule');
});

test('a reload right after a keystroke keeps that keystroke', async ({ page }) => {
  await openProblem(page);
  await typeSteps(page, RIGHT.slice(0, 2));
  await page.getByRole('textbox', { name: 'Why, step 1 (optional)' }).click();
  await page.keyboard.type('chain rule');
  await step(page, 2).click();
  await page.keyboard.press('End');
  await page.keyboard.type('+1');
  // No wait: the tab closes straight after the key.
  await page.reload();
  await expect(step(page, 1)).toBeVisible({ timeout: 20_000 });
  await expect(step(page, 1)).toHaveValue(RIGHT[0]!);
  await expect(step(page, 2)).toHaveValue(`${RIGHT[1]}+1`);
  await expect(page.getByRole('textbox', { name: 'Why, step 1 (optional)' })).toHaveValue(
    'chain rule',
  );
  await expect(row(page, 2).locator('.drv-step-render .katex')).toContainText('+1');
});

test('at scoring: a right final answer is equivalent, every step follows, the reference is beside', async ({
  page,
}) => {
  await openProblem(page);
  await typeSteps(page, RIGHT);
  await page
    .getByRole('textbox', { name: 'Final answer (LaTeX)' })
    .fill('\\frac{e^{-x}}{(1+e^{-x})^2}');
  await endAndScore(page);
  const yours = page.locator('section[aria-labelledby="drv-yours-h"]');
  await expect(yours.locator('.drv-read-step .drv-mark-follows')).toHaveCount(3, {
    timeout: 20_000,
  });
  await expect(yours).toContainText('follows from step 2');
  await expect(yours).toContainText(
    /Final answer: equivalent \(agrees with the reference at 30 random points\)/,
  );
  await expect(page.getByRole('heading', { name: 'Reference derivation' })).toBeVisible();
  await expect(page.locator('section[aria-labelledby="drv-ref-h"] .katex').first()).toBeVisible();
  await expect(page.locator('.signals')).toContainText('3 of 3 checked steps');
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test('at scoring: a broken middle step is marked and a wrong final answer is not equivalent', async ({
  page,
}) => {
  await openProblem(page);
  await typeSteps(page, [
    RIGHT[0]!,
    '= \\frac{e^{-x}}{1+e^{-x}}',
    '= \\sigma(x)\\left(1-\\sigma(x)\\right)',
  ]);
  await page
    .getByRole('textbox', { name: 'Final answer (LaTeX)' })
    .fill('\\sigma(x)\\left(1+\\sigma(x)\\right)');
  await endAndScore(page);
  const yours = page.locator('section[aria-labelledby="drv-yours-h"]');
  const marks = yours.locator('.drv-read-step');
  await expect(marks.nth(1).locator('.drv-mark-broken')).toContainText(
    /does not follow from step 1 \(at x = −?[\d.]+: −?[\d.]+ vs −?[\d.]+\)/,
    { timeout: 20_000 },
  );
  await expect(marks.nth(0).locator('.drv-mark-follows')).toBeVisible();
  await expect(yours).toContainText(/Final answer: not equivalent \(differs at x = /);
  await expect(page.locator('.signals')).toContainText('not equivalent');
  // What each step was read as is shown, rendered.
  await expect(marks.nth(1).locator('.drv-read-as .katex')).toBeVisible();
});

test('the round passes axe, and hostile LaTeX runs nothing and fetches nothing', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const seen: string[] = [];
  context.on('request', (r) => seen.push(r.url()));
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await openProblem(page);
  await typeSteps(page, [
    '\\href{javascript:alert(1)}{click}',
    '\\includegraphics{http://example.com/x.png}',
    '\\htmlData{x=1}{y} \\url{http://example.com}',
    '\\def\\a{\\a\\a}\\a',
  ]);
  await step(page, 2).click();
  await expect(page.locator('.drv-steps a, .drv-steps img, .drv-steps [data-x]')).toHaveCount(0);
  await page.locator('.drv-steps .drv-step-render').first().click();
  expect(dialogs).toBe(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(
    seen.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')),
  ).toEqual([]);
});

test('in practice, "Check my steps" marks the steps at any time and records each press', async ({
  page,
}) => {
  await openProblem(page);
  await typeSteps(page, [RIGHT[0]!, RIGHT[1]!, '= \\sigma(x)^2']);
  await page.getByRole('button', { name: 'Check my steps' }).click();
  await expect(row(page, 2).locator('.drv-mark-follows')).toContainText('follows from step 1', {
    timeout: 20_000,
  });
  await expect(row(page, 3).locator('.drv-mark-broken')).toContainText(
    /does not follow from step 2 \(at x = /,
  );
  await expect(
    page.getByRole('status').filter({ hasText: '2 follow, 1 do not follow' }),
  ).toBeVisible();
  await step(page, 3).fill('= \\sigma(x)\\left(1-\\sigma(x)\\right)');
  await expect(row(page, 3)).toContainText('Edited since the last check.');
  await page.getByRole('button', { name: 'Check my steps' }).click();
  await expect(row(page, 3).locator('.drv-mark-follows')).toBeVisible();
  await page.waitForTimeout(1500);
  const stored = await storedSession(page, sessionIdFromUrl(page));
  const answer = (stored.answers[0] as { value: { checks: { follows: number }[] } }).value;
  expect(answer.checks.map((c) => c.follows)).toEqual([2, 3]);
});

test('the checker needs no eval: it works under a CSP without unsafe-eval, page and worker', async ({
  page,
}) => {
  const csp = "script-src 'self' 'unsafe-inline'; worker-src 'self'";
  // The policy on every response, the worker script's included (a worker keeps its own).
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), 'content-security-policy': csp },
    });
  });
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { violations: string[] }).violations.push(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      ),
    );
  });
  await openProblem(page);
  await typeSteps(page, [RIGHT[0]!, '= \\sigma(x)^2']);
  await page.getByRole('button', { name: 'Check my steps' }).click();
  await expect(row(page, 2).locator('.drv-mark-broken')).toBeVisible({ timeout: 20_000 });
  await expect(row(page, 1).locator('.drv-mark-follows')).toBeVisible();
  // zod's own feature probe (Function('') in a try, then it parses without it) is the app's
  // business; nothing in the derivation round's chunks or its worker may need eval.
  const violations = await page.evaluate(
    () => (window as unknown as { violations: string[] }).violations,
  );
  expect(violations.filter((v) => !/\/assets\/schemas-[\w-]+\.js:/.test(v))).toEqual([]);
});
