// submit_warm: the app's Submit of the reference (click → "10 of 10 tests passed" on screen), warm,
// against the same ten calls through runPython in a bare Pyodide worker (post → answer on the
// page). Both timed in the page. Also the warm-cache readiness rows, from the same context.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PROBLEM } from './editor';
import { alternate, type Comparison, inPage, markTime, median, watchMarks } from './env';
import { benchProblem } from './python-source';

// Both timed to the DOM change that shows the answer (a MutationObserver, not a frame poll: a
// Submit takes about two frames, so frame polling would be most of the figure).

// Each step gives up after STEP_MS in the page itself and says what it saw, so a failure names
// its cause (a button missing or disabled, a summary other than 10 of 10, the worker's
// exception) instead of a bare timeout.
const STEP_MS = 20_000;

/** Clicks Submit and resolves when its results are in the page, in ms. */
const APP_SUBMIT = `({ stepMs }) => new Promise((resolve, reject) => {
  const root = document.querySelector('.coding');
  const button = [...document.querySelectorAll('.coding-toolbar button')].find((b) =>
    /^Submit/.test(b.textContent || ''),
  );
  const text = (sel) => ((document.querySelector(sel) || {}).textContent || '').trim();
  if (!root || !button) {
    reject(new Error('no Submit button in .coding-toolbar (is the coding round on screen?)'));
    return;
  }
  if (button.disabled) {
    reject(new Error('the Submit button is disabled; the page shows: ' + text('main').slice(0, 300)));
    return;
  }
  const t0 = performance.now();
  const timer = setTimeout(() => {
    observer.disconnect();
    reject(new Error(
      'Submit showed no results in ' + stepMs + ' ms: button "' + button.textContent +
      '", Python badge "' + text('.coding-toolbar .badge') + '", summary "' +
      text('.result-summary') + '"',
    ));
  }, stepMs);
  const observer = new MutationObserver(() => {
    if (/^Submitting/.test(button.textContent || '')) return;
    const summary = text('.result-summary');
    if (!summary) return;
    observer.disconnect();
    clearTimeout(timer);
    if (/^10 of 10 tests passed/.test(summary)) resolve(performance.now() - t0);
    else reject(new Error('Submit showed "' + summary + '", not 10 of 10 tests passed'));
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  button.click();
})`;

/** Posts the ten calls to the bare worker and resolves when its answer is in the page, in ms. */
const BARE_RUN = `({ src, stepMs }) => new Promise((resolve, reject) => {
  const out = document.getElementById('out');
  const t0 = performance.now();
  const timer = setTimeout(() => {
    observer.disconnect();
    reject(new Error('the bare worker did not answer in ' + stepMs + ' ms'));
  }, stepMs);
  const observer = new MutationObserver(() => {
    observer.disconnect();
    clearTimeout(timer);
    const said = out.textContent || '';
    if (/^done/.test(said)) resolve(performance.now() - t0);
    else reject(new Error('the bare worker ' + said));
  });
  observer.observe(out, { subtree: true, childList: true, characterData: true });
  window.runPython(src);
})`;

/** A Submit takes some 10 ms, near the scheduler's own jitter: one run is the median of five. */
const EACH = 5;
async function medianOf(step: () => Promise<number>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < EACH; i++) xs.push(await step());
  return median(xs);
}
const appSubmit = (page: Page) =>
  medianOf(() => inPage<number>(page, APP_SUBMIT, { stepMs: STEP_MS }));
const bareRun = (page: Page, src: string) =>
  medianOf(() => inPage<number>(page, BARE_RUN, { src, stepMs: STEP_MS }));

export const submitWarm: Comparison = {
  name: 'submit_warm',
  page: 'pyodide-worker',
  what: '10-test Submit, warm, vs the same calls through runPython in a bare worker',
  target: 1.15,
  async measure(env) {
    const { directSource } = await benchProblem(env.root);
    const solution = readFileSync(
      join(env.root, 'rounds', 'coding', PROBLEM, 'solution.py'),
      'utf8',
    );
    const appCtx = await env.browser.newContext();
    await appCtx.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(env.app).origin,
    });
    await watchMarks(appCtx, [
      { name: 'round', selector: '.round-title' },
      { name: 'editor', selector: '.monaco-editor .view-lines' },
      { name: 'python', selector: '.badge', text: '^Python ready' },
    ]);
    const open = async () => {
      const p = await appCtx.newPage();
      await p.goto(`${env.app}#/practice/coding/${PROBLEM}`, { waitUntil: 'commit' });
      const editor = (await markTime(p, 'editor')) - (await markTime(p, 'round'));
      return { p, editor, python: await markTime(p, 'python') };
    };
    // A first visit fills the cache; the next three are the warm-cache figures. One page at a
    // time: a second tab on the session would be read-only.
    await (await open()).p.close();
    const warm = [];
    for (let i = 0; i < 3; i++) {
      const w = await open();
      warm.push(w);
      if (i < 2) await w.p.close();
    }
    env.add(
      'editor ready after the round opens (warm cache)',
      median(warm.map((w) => w.editor)),
      'ms',
      'median of 3',
    );
    env.add(
      'Python ready after navigation (warm cache)',
      median(warm.map((w) => w.python)),
      'ms',
      'median of 3',
    );

    const page = warm[2]!.p;
    await page.evaluate((t) => navigator.clipboard.writeText(t), solution);
    await page.locator('.monaco-editor').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+v');
    await appSubmit(page); // warm-up: the first Submit compiles the harness paths

    const bareCtx = await env.browser.newContext();
    const bare = await bareCtx.newPage();
    await bare.goto(env.bare('pyodide-worker'));
    const status = bare.locator('#status');
    await bare
      .waitForFunction(() => document.getElementById('status')?.textContent !== 'starting', null, {
        timeout: 60_000,
      })
      .catch(() => {
        throw new Error('the bare Pyodide worker page did not start Python in 60 s');
      });
    const said = await status.textContent();
    if (said !== 'ready') throw new Error(`the bare Pyodide worker page: ${said}`);
    await bareRun(bare, directSource);

    const r = await alternate(
      env.runs,
      () => appSubmit(page),
      () => bareRun(bare, directSource),
      env.log,
    );
    const n = `median of ${env.runs} runs, each the median of ${EACH}`;
    env.add('10-test Submit, warm: click to results on screen', median(r.app), 'ms', n);
    env.add('same 10 calls via runPython in a bare worker', median(r.bare), 'ms', n);
    await appCtx.close();
    await bareCtx.close();
    return r.ratios;
  },
};
