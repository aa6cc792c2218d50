// katex: keystroke to rendered step in the derivation round's editor at 30 steps, against a bare
// page rendering the same 30 lines with KaTeX alone; also the app's p95 at 30 and 200 steps, and
// the checker: its worker's load time and the time to check 30 steps once it is loaded.
import type { Page } from '@playwright/test';
import { alternate, type BenchEnv, type Comparison, inPage, median } from './env';
import { benchLines } from './katex-lines';

const PROBLEM = 'sigmoid-derivative';
const KEYS = 20;

/** p95 keystroke → DOM at 30 and 200 steps (ms), filled by measure() for --json. */
export const keystrokeToRender: { steps_30?: number; steps_200?: number } = {};

/**
 * Per keystroke, from keydown: the first DOM change in the edited step's rendering, and the end
 * of the task that handled the key (when the page could paint). Plain JS, run in the page.
 */
const WATCH_KEYS = `(index) => {
  const target = document.querySelectorAll('.drv-step-render')[index];
  window.__keys = [];
  window.__done = [];
  let t0 = 0;
  let started = 0;
  window.addEventListener('keydown', () => { t0 = performance.now(); }, true);
  // The input event from its first listener to its last: React's render and the store's work
  // (flushed in microtasks between listeners) all happen in between.
  window.addEventListener('input', () => { started = performance.now(); }, true);
  window.addEventListener('input', () => {
    const end = performance.now();
    queueMicrotask(() => window.__done.push(Math.max(end, performance.now()) - started));
  });
  new MutationObserver(() => {
    if (t0) { window.__keys.push(performance.now() - t0); t0 = 0; }
  }).observe(target, { subtree: true, childList: true, characterData: true });
}`;

async function typeInStep(page: Page, index: number): Promise<number[]> {
  await inPage(page, WATCH_KEYS, index);
  const input = page.locator('.drv-tex').nth(index);
  await input.click();
  await page.keyboard.press('End');
  for (let k = 0; k < KEYS; k++) {
    await page.keyboard.press(k % 2 ? 'x' : '+');
    await page.waitForFunction((n) => {
      const w = window as unknown as { __keys: number[]; __done: number[] };
      return w.__keys.length >= n && w.__done.length >= n;
    }, k + 1);
  }
  const r = await inPage<{ dom: number[]; done: number[] }>(
    page,
    '() => ({ dom: window.__keys, done: window.__done })',
  );
  handled.push(...r.done);
  return r.dom;
}

/** Keystroke to the end of its task, per keystroke, for the side being measured. */
let handled: number[] = [];
function takeHandled(): number[] {
  const h = handled;
  handled = [];
  return h;
}

async function appWith(
  env: BenchEnv,
  n: number,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const ctx = await env.browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${env.app}#/practice/derivation/${PROBLEM}/new`);
  await page.locator('.drv-tex').first().waitFor({ timeout: 30_000 });
  const lines = benchLines(n);
  for (const [i, line] of lines.entries()) {
    await page.locator('.drv-steps .drv-tex').nth(i).focus();
    await page.keyboard.insertText(line);
    if (i < lines.length - 1) await page.keyboard.press('Enter');
  }
  await page
    .locator('.drv-steps > li')
    .nth(n - 1)
    .waitFor();
  return { page, close: () => ctx.close() };
}

async function bareWith(env: BenchEnv, n: number) {
  const ctx = await env.browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${env.bare('katex')}?n=${n}`);
  await page.waitForSelector('body[data-ready="1"]');
  return { page, close: () => ctx.close() };
}

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!;
}

/** Loads the checker worker afresh from the app's own origin and checks 30 steps in it. */
const CHECKER = `async (steps) => {
  const url = performance.getEntriesByType('resource').map((e) => e.name).find((u) => u.includes('check.worker'));
  if (!url) throw new Error('the checker worker was not loaded by the round');
  const t0 = performance.now();
  const w = new Worker(url, { type: 'module' });
  const ask = (m) => new Promise((resolve) => { w.onmessage = (ev) => resolve(ev.data); w.postMessage(m); });
  await ask({ id: 1, type: 'ping' });
  const load = performance.now() - t0;
  const template = {
    symbols: [
      { name: 'x', domain: 'real', range: [-3, 3] },
      { name: '\\\\sigma', domain: 'real', function: ['t'], definition: '\\\\frac{1}{1+e^{-t}}' },
    ],
    sizes: {},
    final: { lhs: "\\\\sigma'(x)", answer: '\\\\sigma(x)\\\\left(1-\\\\sigma(x)\\\\right)', check: 'numeric' },
  };
  const times = [];
  let follows = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = await ask({ id: 2 + i, type: 'check', request: { template, steps, final: '\\\\sigma(x)-\\\\sigma(x)^2' } });
    times.push(performance.now() - t);
    follows = r.result.marks.filter((m) => m.status === 'follows').length;
  }
  w.terminate();
  return { load, first: times[0], warm: times.slice(1), follows };
}`;

export const katexRender: Comparison = {
  name: 'katex',
  page: 'katex',
  what: 'keystroke to rendered step at 30 steps, vs the same 30 lines with KaTeX alone',
  target: 1.2,
  async measure(env) {
    const all30: number[] = [];
    const handledApp: number[] = [];
    const handledBare: number[] = [];
    const r = await alternate(
      env.runs,
      async () => {
        const app = await appWith(env, 30);
        const t = await typeInStep(app.page, 14);
        all30.push(...t);
        handledApp.push(median(takeHandled()));
        await app.close();
        return median(t);
      },
      async () => {
        const bare = await bareWith(env, 30);
        const t = await typeInStep(bare.page, 14);
        handledBare.push(median(takeHandled()));
        await bare.close();
        return median(t);
      },
    );
    const app200 = await appWith(env, 200);
    const t200: number[] = [];
    for (let i = 0; i < 3; i++) t200.push(...(await typeInStep(app200.page, 100 + i)));
    const checker = await inPage<{ load: number; first: number; warm: number[]; follows: number }>(
      app200.page,
      CHECKER,
      benchLines(30),
    );
    await app200.close();
    keystrokeToRender.steps_30 = Math.round(p95(all30) * 10) / 10;
    keystrokeToRender.steps_200 = Math.round(p95(t200) * 10) / 10;
    const n = `median of ${env.runs}`;
    env.add(
      'derivation: keystroke → rendered step, 30 steps',
      median(r.app),
      'ms',
      `${n}; p95 ${keystrokeToRender.steps_30}`,
    );
    env.add('bare KaTeX page: keystroke → rendered line, 30 lines', median(r.bare), 'ms', n);
    env.add(
      'derivation: input event handled (React + store), 30 steps',
      median(handledApp),
      'ms',
      n,
    );
    env.add('bare KaTeX page: input event handled, 30 lines', median(handledBare), 'ms', n);
    env.add(
      'derivation: keystroke → rendered step, 200 steps',
      median(t200),
      'ms',
      `p95 ${keystrokeToRender.steps_200} (target ≤ 16)`,
    );
    env.add(
      'derivation checker worker: load to first answer',
      checker.load,
      'ms',
      'a fresh worker, HTTP cache warm',
    );
    env.add(
      'derivation checker: check 30 steps + final answer',
      median(checker.warm),
      'ms',
      `first check ${Math.round(checker.first)} ms; ${checker.follows} of 30 follow; target ≤ 300`,
    );
    return r.ratios;
  },
};
