import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { sessionIdFromUrl, startTrackLoop, storedSession } from './helpers';

const ROUNDS = resolve(import.meta.dirname, '../../rounds/coding');
const solution = (id: string) => readFileSync(resolve(ROUNDS, id, 'solution.py'), 'utf8');

test.beforeEach(async ({ context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(baseURL!).origin,
  });
});

/** Replaces the editor's text the way a person pastes it. */
async function pasteCode(page: Page, code: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), code);
  await page.locator('.monaco-editor').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+v');
}

async function openProblem(page: Page, id: string) {
  await page.goto(`/#/practice/coding/${id}`);
  await expect(page).toHaveURL(/#\/loop\//);
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/Python ready/)).toBeVisible({ timeout: 30_000 });
}

test('the reference typed into the real editor passes every test on Submit', async ({ page }) => {
  await openProblem(page, 'merge-intervals');
  await pasteCode(page, solution('merge-intervals'));
  await page.getByRole('button', { name: /^Submit/ }).click();
  await expect(page.locator('.result-summary')).toHaveText(
    /^13 of 13 tests passed \(visible 3\/3, hidden 9\/9, scale 1\/1\)/,
  );
});

test('a wrong answer shows the failing test with expected vs got and where they differ', async ({
  page,
}) => {
  await openProblem(page, 'stable-softmax');
  // The starter overflows on large scores: Ctrl+Enter runs the examples from inside the editor.
  await page.locator('.monaco-editor').click();
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.result-summary')).toHaveText(/^2 of 3 examples passed/);
  const failing = page.locator('li.test.fail').first();
  await expect(failing).toContainText('huge-ties');
  await expect(failing).toContainText('softmax([1000.0, 1000.0])');
  await expect(failing).toContainText('OverflowError: math range error');
  await expect(failing).toContainText('line 6, in softmax');

  await pasteCode(page, 'def softmax(scores):\n    return [0.5 for _ in scores]\n');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.result-summary')).toHaveText(/^1 of 3 examples passed/);
  const wrong = page.locator('li.test.fail').first();
  await expect(wrong).toContainText('[0]: expected 0.09003057317038046, got 0.5 (off by 0.41)');
  await expect(wrong.getByText('Expected', { exact: true })).toBeVisible();
  await expect(wrong.getByText('Got', { exact: true })).toBeVisible();
});

test('`while True: pass` is stopped within the limit, and the next Run works', async ({ page }) => {
  await openProblem(page, 'stable-softmax');
  await pasteCode(page, 'def softmax(scores):\n    while True:\n        pass\n');
  const started = Date.now();
  await page.getByRole('button', { name: /^Submit/ }).click();
  await expect(page.getByText(/Stopped after 5 s/)).toBeVisible({ timeout: 12_000 });
  expect(Date.now() - started).toBeLessThan(8000);
  // The page stayed responsive: the clock kept ticking and the buttons work.
  await pasteCode(page, solution('stable-softmax'));
  await page.getByRole('button', { name: /^Run/ }).click();
  await expect(page.locator('.result-summary')).toHaveText(/^3 of 3 examples passed/, {
    timeout: 15_000,
  });
});

test('import numpy is answered at once with a clear message', async ({ page }) => {
  await openProblem(page, 'cosine-similarity');
  await pasteCode(page, 'import numpy as np\n\ndef cosine_similarity(a, b):\n    return 0.0\n');
  await page.getByRole('button', { name: /^Run/ }).click();
  await expect(page.locator('.results')).toContainText('ModuleNotFoundError');
  await expect(page.locator('.results')).toContainText(
    /plain Python with the standard library only/,
  );
});

test('reload keeps the code; hints and runs are recorded; scoring replays the round', async ({
  page,
}) => {
  await openProblem(page, 'stable-softmax');
  await pasteCode(page, '# my attempt\ndef softmax(scores):\n    return scores\n');
  await page.getByRole('button', { name: /^Run/ }).click();
  await expect(page.locator('.result-summary')).toBeVisible();
  await page.getByRole('button', { name: 'Show hint 1 of 3' }).click();
  await page.waitForTimeout(1500);
  await page.reload();
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('# my attempt');
  await expect(page.getByText(/Hint 1\./)).toBeVisible();
  await expect(page.getByText(/Last Submit|Run \(Ctrl\+Enter\) checks/)).toBeVisible();

  await page.getByRole('button', { name: "I'm done" }).click();
  await page.getByRole('button', { name: 'End round and score' }).click();
  await expect(page.getByText('Hints used', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Replay' })).toBeVisible();
  await expect(page.locator('.replay-code')).toContainText('# my attempt');
  await expect(page.getByRole('heading', { name: 'Reference solution' })).toBeVisible();
  const stored = await storedSession(page, sessionIdFromUrl(page));
  expect(JSON.stringify(stored.answers)).toContain('# my attempt');
});

test('no request leaves the origin, Python worker included', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const seen: string[] = [];
  const order: string[] = [];
  context.on('request', (r) => {
    seen.push(r.url());
    if (r.url().endsWith('/pyodide/pyodide.asm.wasm')) order.push('python');
  });
  context.on('requestfinished', (r) => {
    if (/\/assets\/monaco-[\w-]+\.js$/.test(r.url())) order.push('monaco');
  });
  await openProblem(page, 'stable-softmax');
  await page.getByRole('button', { name: /^Run/ }).click();
  await expect(page.locator('.result-summary')).toBeVisible();
  expect(seen.some((u) => u.endsWith('/pyodide/pyodide.asm.wasm'))).toBe(true);
  // The editor is the app's own Monaco chunk (not the wrapper's CDN default), and it arrives
  // before Python's runtime is even requested.
  expect(order).toEqual(['monaco', 'python']);
  expect(
    seen.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')),
  ).toEqual([]);
});

test('an MLE loop draws an ML coding and an algorithms round, and starts Python with the loop', async ({
  page,
}) => {
  await page.goto('/');
  await startTrackLoop(page, 'ML Engineer');
  const rows = page.locator('.plan-row');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(0)).toContainText('ML coding');
  await expect(rows.nth(1)).toContainText('Algorithms');
  await page.getByRole('button', { name: 'Start the loop' }).click();
  await expect(page.getByText(/Python (starting…|ready)/)).toBeVisible();
  await expect(page.getByText(/Python ready/)).toBeVisible({ timeout: 30_000 });
});

test('code run in the browser cannot reach the network or stored data', async ({ page }) => {
  await openProblem(page, 'stable-softmax');
  await pasteCode(
    page,
    [
      'def softmax(scores):',
      '    try:',
      '        from pyodide.code import run_js',
      '        print("reach:", run_js("[typeof fetch, typeof XMLHttpRequest, typeof WebSocket, typeof indexedDB, typeof caches].join()"))',
      '    except ImportError:',
      '        print("reach: blocked")',
      '    return scores',
      '',
    ].join('\n'),
  );
  await page.getByRole('button', { name: /^Run/ }).click();
  await expect(page.locator('.results .stdout').first()).toContainText(
    /reach: (blocked|undefined,undefined,undefined,undefined,undefined)/,
  );
});

test('taking over a coding round in a second tab shows the latest code, not what that tab first loaded', async ({
  page,
  context,
}) => {
  await openProblem(page, 'stable-softmax');
  await pasteCode(page, '# version one\n');
  await page.waitForTimeout(1500);
  const second = await context.newPage();
  await second.goto(page.url());
  await expect(second.locator('.banner-warn')).toContainText('open in another tab');
  await expect(second.locator('.monaco-editor .view-lines')).toContainText('# version one', {
    timeout: 20_000,
  });

  await pasteCode(page, '# version two\n');
  await second.getByRole('button', { name: 'Take over here' }).click();
  await expect(second.locator('.monaco-editor .view-lines')).toContainText('# version two', {
    timeout: 20_000,
  });
  await expect(page.locator('.banner-warn')).toContainText('Another tab took over');
});
