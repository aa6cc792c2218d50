// What every bench module shares: the rows of the table, the statistics of a comparison, the
// servers, and the in-page clock that says when something first showed on screen.
import { type ChildProcess, spawn } from 'node:child_process';
import type { Browser, BrowserContext, Page } from '@playwright/test';

export type Row = { metric: string; value: number; unit: string; note?: string };
export type Spread = { median: number; min: number; max: number };

export interface BenchEnv {
  root: string;
  browser: Browser;
  /** The app's base URL (its build served with its own config). */
  app: string;
  /** A bare page's URL: scripts/bench-pages/<name>/index.html as built and served. */
  bare(name: string): string;
  /** Alternating pairs per comparison. */
  runs: number;
  add(metric: string, value: number, unit: string, note?: string): void;
  log(s: string): void;
}

/**
 * One comparison of the app with a bare page: `measure` runs the two alternately in the same
 * Chromium and returns app / bare for each pair. Its name is its key in `ratios`.
 */
export interface Comparison {
  name: string;
  /** The bare page's folder under scripts/bench-pages. */
  page: string;
  /** What is timed, for the table. */
  what: string;
  target: number;
  measure(env: BenchEnv): Promise<number[]>;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function spread(xs: number[], digits = 2): Spread {
  const r = (x: number) => Math.round(x * 10 ** digits) / 10 ** digits;
  return { median: r(median(xs)), min: r(Math.min(...xs)), max: r(Math.max(...xs)) };
}

/** Runs app and bare page alternately (app first, then bare, `runs` times); app / bare per pair. */
export async function alternate(
  runs: number,
  app: (i: number) => Promise<number>,
  bare: (i: number) => Promise<number>,
  log?: (s: string) => void,
): Promise<{ ratios: number[]; app: number[]; bare: number[] }> {
  const out = { ratios: [] as number[], app: [] as number[], bare: [] as number[] };
  for (let i = 0; i < runs; i++) {
    const a = await app(i);
    const b = await bare(i);
    out.app.push(a);
    out.bare.push(b);
    out.ratios.push(a / b);
    log?.(
      `  pair ${i + 1}/${runs}: app ${Math.round(a)} ms, bare ${Math.round(b)} ms (${(a / b).toFixed(2)})`,
    );
  }
  return out;
}

/** What to watch for on a page: a selector, optionally with text it must match. */
export type Mark = { name: string; selector: string; text?: string };

/**
 * Records, in the page, the first animation frame at which each mark is on screen (laid out with
 * a size, text matching), in ms since navigation started: the same clock for the app and a bare
 * page, and no polling by the test driver in the figure.
 */
export async function watchMarks(ctx: BrowserContext, marks: Mark[]): Promise<void> {
  await ctx.addInitScript({ content: `(${WATCH})(${JSON.stringify(marks)});` });
}

// Plain JavaScript, not a function of this file: tsx would wrap named functions in a helper the
// page does not have.
const WATCH = `(list) => {
  const seen = {};
  window.__benchSeen = seen;
  function tick() {
    for (const m of list) {
      if (m.name in seen) continue;
      for (const el of document.querySelectorAll(m.selector)) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        if (m.text && !new RegExp(m.text).test(el.textContent || '')) continue;
        seen[m.name] = performance.now();
        break;
      }
    }
    if (Object.keys(seen).length < list.length) requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
}`;

/** Evaluates plain JavaScript in the page (see WATCH) with one JSON argument. */
export function inPage<T>(page: Page, fn: string, arg?: unknown, timeoutMs = 60_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    page.evaluate(`(${fn})(${JSON.stringify(arg ?? null)})`) as Promise<T>,
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`in-page step took over ${timeoutMs} ms`)),
        timeoutMs,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Waits for a watched mark and returns when it first showed (ms since navigation). */
export async function markTime(page: Page, name: string, timeout = 60_000): Promise<number> {
  const h = await page.waitForFunction(
    (n) => (window as unknown as { __benchSeen?: Record<string, number> }).__benchSeen?.[n],
    name,
    { timeout, polling: 50 },
  );
  return (await h.jsonValue()) as number;
}

/** Serves a build with `vite preview` on its own port; returns a stop function. */
export async function serve(
  root: string,
  args: string[],
  port: number,
  env: NodeJS.ProcessEnv = {},
): Promise<() => void> {
  const server: ChildProcess = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--configLoader',
      'runner',
      '--port',
      String(port),
      '--strictPort',
      ...args,
    ],
    { cwd: root, stdio: 'ignore', detached: true, env: { ...process.env, ...env } },
  );
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid);
    } catch {
      // already gone
    }
  };
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/`)).status < 500) return stop;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`preview server on port ${port} did not start`);
}
