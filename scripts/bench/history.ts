// history: the app with 200 finished sessions (scripts/bench/history-backup.ts), put in the
// store the way a person would — the backup imported on #/settings — then timed in the page:
// - import (file chosen → "Imported" on screen), 5 times in fresh profiles; then the service
//   worker is let install (so what follows is a returning visit, with no precache running), and
//   export (click → the download), 5 times, and the backup's size;
// - history open: a fresh load of #/history until all 200 rows are on screen (ms since
//   navigation start), and in-app from home (the History link's click → 200 rows on screen);
// - a filter applied: real key presses on the Track and Round kind selects; for each, the key
//   event to the next frame showing the new count (requestAnimationFrame after the change, in
//   the page), and the interaction's Event Timing duration (PerformanceObserver 'event',
//   durationThreshold 16: an interaction that fits in one frame reports no entry).
// Rows only: there is no bare page to compare with.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { BenchEnv } from './env';
import { median } from './env';
import { historyBackup } from './history-backup';

export const SESSIONS = 200;
export const OPEN_TARGET_MS = 300;
export const FRAME_MS = 16;
const IMPORT_RUNS = 5;

type Env = Pick<BenchEnv, 'root' | 'browser' | 'app' | 'runs' | 'add' | 'log'>;

// Plain JavaScript strings, not functions of this file: tsx would wrap named functions in a
// helper the page does not have (see env.ts).

/** On #/history: the first frame with all rows laid out, and the first with a chart drawn. */
const WATCH_ROWS = `(n) => {
  const seen = {};
  window.__hist = seen;
  function tick() {
    if (!('rows' in seen)) {
      const items = document.querySelectorAll('ul.history > li.history-item');
      const box = items[0] && items[0].getBoundingClientRect();
      if (items.length >= n && box.width > 0 && box.height > 0) seen.rows = performance.now();
    }
    if (!('charts' in seen) && document.querySelector('.charts svg.recharts-surface'))
      seen.charts = performance.now();
    if (!('rows' in seen && 'charts' in seen)) requestAnimationFrame(tick);
  }
  if (location.hash === '#/history') requestAnimationFrame(tick);
  window.__watchRows = () => {
    for (const k of Object.keys(seen)) delete seen[k];
    requestAnimationFrame(tick);
  };
}`;

/** The import's steps as the page sees them. */
const WATCH_IMPORT = `() => {
  const t = {};
  window.__imp = t;
  document.addEventListener('change', (e) => {
    if (e.target && e.target.type === 'file' && !('chosen' in t)) t.chosen = performance.now();
  }, true);
  document.addEventListener('click', (e) => {
    if (e.target && e.target.textContent === 'Import' && !('click' in t)) t.click = e.timeStamp;
  }, true);
  function tick() {
    const region = document.querySelector('[aria-label="What this import does"]');
    if (!('preview' in t) && region) t.preview = performance.now();
    const ok = document.querySelector('[role=status].ok');
    if (!('done' in t) && ok && /Imported/.test(ok.textContent || '')) t.done = performance.now();
    const bad = document.querySelector('[role=alert]');
    if (bad) t.error = bad.textContent;
    if (!('done' in t) && !t.error) requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
}`;

/**
 * Filter timing: Event Timing entries of 16 ms or more, and for each change of a select, the
 * next frame (requestAnimationFrame after the change's commit) and the task after it (about when
 * the frame was painted), with the count the page then shows.
 */
const WATCH_FILTER = `() => {
  const w = { events: [], changes: [] };
  window.__filter = w;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      w.events.push({ name: e.name, start: e.startTime, duration: e.duration,
        interactionId: e.interactionId, processing: e.processingEnd - e.processingStart });
  }).observe({ type: 'event', durationThreshold: 16, buffered: false });
  document.addEventListener('change', (e) => {
    if (!e.target || e.target.tagName !== 'SELECT') return;
    const c = { value: e.target.value, eventAt: e.timeStamp, changeAt: performance.now() };
    w.changes.push(c);
    requestAnimationFrame(() => {
      c.frameAt = performance.now();
      const p = [...document.querySelectorAll('p.muted')].find((x) => / of \\d+ sessions/.test(x.textContent || ''));
      c.count = p ? p.textContent : null;
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { c.paintedAt = performance.now(); };
      ch.port2.postMessage(0);
    });
  }, true);
}`;

type ImportTimes = {
  chosen?: number;
  preview?: number;
  click?: number;
  done?: number;
  error?: string;
};
type Change = {
  value: string;
  eventAt: number;
  changeAt: number;
  frameAt?: number;
  paintedAt?: number;
  count?: string | null;
};
type EventEntry = {
  name: string;
  start: number;
  duration: number;
  interactionId: number;
  processing: number;
};

async function newContext(env: Env): Promise<BrowserContext> {
  const ctx = await env.browser.newContext({ acceptDownloads: true });
  await ctx.addInitScript({ content: `(${WATCH_ROWS})(${SESSIONS});` });
  return ctx;
}

const settle = (page: Page, ms = 300) => page.waitForTimeout(ms);

/** Imports the backup on #/settings; returns the page's times. */
async function importOnce(env: Env, ctx: BrowserContext, file: string): Promise<ImportTimes> {
  const page = await ctx.newPage();
  await page.goto(`${env.app}#/settings`);
  const input = page.getByLabel('Backup file');
  await input.waitFor();
  await settle(page);
  await page.evaluate(`(${WATCH_IMPORT})()`);
  await input.setInputFiles(file);
  const importButton = page.getByRole('button', { name: 'Import', exact: true });
  await importButton.waitFor({ timeout: 60_000 });
  // The import downloads what the browser holds first (a safety backup).
  const [safety] = await Promise.all([page.waitForEvent('download'), importButton.click()]);
  await page.waitForFunction(
    () => {
      const t = (window as unknown as { __imp: ImportTimes }).__imp;
      return t.done !== undefined || t.error !== undefined;
    },
    null,
    { timeout: 120_000, polling: 50 },
  );
  const t = (await page.evaluate('window.__imp')) as ImportTimes;
  await safety.delete().catch(() => {});
  await page.close();
  if (t.error) throw new Error(`import failed: ${t.error}`);
  return t;
}

/**
 * Waits for the app's service worker to be installed (it registers a few seconds after a first
 * visit and precaches the whole build), so every figure after is a returning visit's and no
 * precache shares the two cores with one. Returns ms waited, or null without a service worker.
 */
async function serviceWorkerReady(env: Env, ctx: BrowserContext): Promise<number | null> {
  const page = await ctx.newPage();
  await page.goto(env.app);
  const ms = (await page.evaluate(`(() => {
    if (!('serviceWorker' in navigator)) return null;
    const t0 = performance.now();
    return Promise.race([
      navigator.serviceWorker.ready.then(() => performance.now() - t0),
      new Promise((r) => setTimeout(() => r(null), 90000)),
    ]);
  })()`)) as number | null;
  await page.close();
  return ms;
}

/** Clicks "Download a backup" on #/settings: ms from the click to the download, and its size. */
async function exportOnce(env: Env, ctx: BrowserContext): Promise<{ ms: number; bytes: number }> {
  const page = await ctx.newPage();
  await page.goto(`${env.app}#/settings`);
  const button = page.getByRole('button', { name: 'Download a backup' });
  await button.waitFor();
  await settle(page);
  const t0 = performance.now();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const ms = performance.now() - t0;
  const path = await download.path();
  const bytes = statSync(path).size;
  await download.delete().catch(() => {});
  await page.close();
  return { ms, bytes };
}

async function rowsSeen(page: Page): Promise<{ rows: number; charts?: number }> {
  await page.waitForFunction(
    () => (window as unknown as { __hist?: { rows?: number } }).__hist?.rows !== undefined,
    null,
    { timeout: 60_000, polling: 50 },
  );
  return (await page.evaluate('window.__hist')) as { rows: number; charts?: number };
}

async function expectAll(page: Page) {
  await page
    .getByText(`${SESSIONS} of ${SESSIONS} sessions`)
    .waitFor({ timeout: 10_000 })
    .catch(() => {
      throw new Error(`history does not list ${SESSIONS} of ${SESSIONS} sessions`);
    });
}

/** A fresh load of #/history: ms from navigation start to 200 rows, and to a chart. */
async function freshLoad(env: Env, ctx: BrowserContext) {
  const page = await ctx.newPage();
  await page.goto(`${env.app}#/history`, { waitUntil: 'commit' });
  const seen = await rowsSeen(page);
  await expectAll(page);
  await page.waitForFunction(
    () => (window as unknown as { __hist: { charts?: number } }).__hist.charts !== undefined,
    null,
    { timeout: 60_000, polling: 50 },
  );
  const charts = ((await page.evaluate('window.__hist')) as { charts: number }).charts;
  await page.close();
  return { rows: seen.rows, charts };
}

/** From home, the History link clicked: ms from the click event to 200 rows on screen. */
async function inApp(env: Env, ctx: BrowserContext) {
  const page = await ctx.newPage();
  await page.goto(env.app);
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', {
    name: 'History',
  });
  await link.waitFor();
  await settle(page, 500);
  await page.evaluate(`(() => {
    document.addEventListener('click', (e) => { window.__clickAt = e.timeStamp; }, { capture: true, once: true });
    window.__watchRows();
  })()`);
  await link.click();
  const seen = await rowsSeen(page);
  await expectAll(page);
  const clickAt = (await page.evaluate('window.__clickAt')) as number;
  await page.close();
  return seen.rows - clickAt;
}

/** Key presses on one select; per press, the change → next frame, and the Event Timing figure. */
async function filterPresses(page: Page, label: string, keys: string[]) {
  // The select sits in its label, so its accessible name carries the chosen option too.
  const select = page.locator('fieldset.filters label', { hasText: label }).locator('select');
  await select.focus();
  const out: {
    value: string;
    count: string;
    frameMs: number;
    paintMs: number;
    event: number;
    processing: number;
  }[] = [];
  for (const key of keys) {
    const before = (await page.evaluate('window.__filter.changes.length')) as number;
    const eventsBefore = (await page.evaluate('window.__filter.events.length')) as number;
    await page.keyboard.press(key);
    await page.waitForFunction(
      (n) => {
        const c = (window as unknown as { __filter: { changes: Change[] } }).__filter.changes;
        return c.length > n && c[n]!.paintedAt !== undefined;
      },
      before,
      { timeout: 30_000, polling: 20 },
    );
    // Event Timing entries arrive after the frame; give the observer time to be called.
    await settle(page, 400);
    const { changes, events } = (await page.evaluate('window.__filter')) as {
      changes: Change[];
      events: EventEntry[];
    };
    const c = changes[before]!;
    const mine = events
      .slice(eventsBefore)
      .filter((e) => e.interactionId > 0 && e.start <= c.changeAt + 1);
    out.push({
      value: c.value,
      count: c.count ?? '?',
      frameMs: c.frameAt! - c.eventAt,
      paintMs: c.paintedAt! - c.eventAt,
      event: mine.length ? Math.max(...mine.map((e) => e.duration)) : 0,
      // The handlers' own time (React's render and commit); the rest is style, layout and paint.
      processing: mine.length ? Math.max(...mine.map((e) => e.processing)) : 0,
    });
  }
  return out;
}

export async function history(env: Env): Promise<void> {
  const t0 = performance.now();
  const backup = await historyBackup(env.root, SESSIONS);
  const dir = mkdtempSync(join(tmpdir(), 'mockloop-bench-history-'));
  const file = join(dir, 'mockloop-backup-200.json');
  writeFileSync(file, backup.text);
  const m = backup.mix;
  env.log(
    `  backup: ${SESSIONS} sessions (MLE ${m.mle}, RS ${m.rs}, practice ${m.practice}, custom ${m.custom}; ${m.kinds} round kinds), ${backup.doc.answers.length} answers, ${(backup.text.length / 1024).toFixed(0)} KB, built in ${Math.round(performance.now() - t0)} ms`,
  );
  env.add(
    `history backup: ${SESSIONS} sessions, JSON`,
    backup.text.length / 1024,
    'KB',
    `${backup.doc.answers.length} answers, ${m.kinds} round kinds, ~20 weeks`,
  );
  let ctx: BrowserContext | undefined;
  try {
    const imports: ImportTimes[] = [];
    for (let i = 0; i < IMPORT_RUNS; i++) {
      await ctx?.close();
      ctx = await newContext(env);
      const t = await importOnce(env, ctx, file);
      imports.push(t);
      env.log(
        `  import ${i + 1}/${IMPORT_RUNS}: ${Math.round(t.done! - t.chosen!)} ms (checked ${Math.round(t.preview! - t.chosen!)} ms, written ${Math.round(t.done! - t.click!)} ms)`,
      );
    }
    const note = `median of ${IMPORT_RUNS}, fresh profile each`;
    env.add(
      `import ${SESSIONS} sessions (file chosen → "Imported")`,
      median(imports.map((t) => t.done! - t.chosen!)),
      'ms',
      `${note}; includes the click on Import and the safety backup`,
    );
    env.add(
      '  of which: checked, plan shown',
      median(imports.map((t) => t.preview! - t.chosen!)),
      'ms',
      note,
    );
    env.add(
      '  of which: Import click → written, listed',
      median(imports.map((t) => t.done! - t.click!)),
      'ms',
      note,
    );

    const sw = await serviceWorkerReady(env, ctx!);
    env.log(
      sw === null
        ? '  no service worker installed within 90 s: figures below are without one'
        : `  service worker installed (${Math.round(sw)} ms after the page asked): figures below are returning visits`,
    );

    const exports: { ms: number; bytes: number }[] = [];
    for (let i = 0; i < IMPORT_RUNS; i++) exports.push(await exportOnce(env, ctx!));
    env.log(`  export: ${exports.map((e) => Math.round(e.ms)).join(', ')} ms`);
    env.add(
      `export ${SESSIONS} sessions (click → download)`,
      median(exports.map((e) => e.ms)),
      'ms',
      `median of ${IMPORT_RUNS}`,
    );
    env.add('  the exported backup', exports[0]!.bytes / 1024, 'KB', 'no recordings: one .json');

    const loads: { rows: number; charts: number }[] = [];
    for (let i = 0; i < env.runs; i++) loads.push(await freshLoad(env, ctx!));
    env.log(`  fresh #/history loads: ${loads.map((l) => Math.round(l.rows)).join(', ')} ms`);
    const rowsMs = median(loads.map((l) => l.rows));
    env.add(
      `history, fresh load → ${SESSIONS} rows on screen`,
      rowsMs,
      'ms',
      `since navigation start; median of ${env.runs} (first ${Math.round(loads[0]!.rows)}); target ≤ ${OPEN_TARGET_MS} (${rowsMs <= OPEN_TARGET_MS ? 'within' : 'OVER'})`,
    );
    env.add(
      '  … → charts drawn',
      median(loads.map((l) => l.charts)),
      'ms',
      `since navigation start; median of ${env.runs}`,
    );

    const navs: number[] = [];
    for (let i = 0; i < env.runs; i++) navs.push(await inApp(env, ctx!));
    env.log(`  home → History: ${navs.map(Math.round).join(', ')} ms`);
    const navMs = median(navs);
    env.add(
      `history, in-app from home → ${SESSIONS} rows`,
      navMs,
      'ms',
      `click event → rows' frame; median of ${env.runs}; target ≤ ${OPEN_TARGET_MS} (${navMs <= OPEN_TARGET_MS ? 'within' : 'OVER'})`,
    );

    const page = await ctx!.newPage();
    await page.goto(`${env.app}#/history`);
    await rowsSeen(page);
    await expectAll(page);
    await page.waitForFunction(
      () => (window as unknown as { __hist: { charts?: number } }).__hist.charts !== undefined,
    );
    await settle(page, 1000);
    await page.evaluate(`(${WATCH_FILTER})()`);
    // all → MLE → RS → custom → practice and back; then every round kind and back.
    const down = (n: number) => Array.from({ length: n }, () => 'ArrowDown');
    const up = (n: number) => Array.from({ length: n }, () => 'ArrowUp');
    const track = await filterPresses(page, 'Track', [...down(4), ...up(4)]);
    const kind = await filterPresses(page, 'Round kind', [...down(5), ...up(5)]);
    await page.close();
    for (const [name, presses] of [
      ['track', track],
      ['kind', kind],
    ] as const) {
      for (const p of presses)
        env.log(
          `  ${name} → ${p.value || 'all'}: "${p.count}", frame ${p.frameMs.toFixed(1)} ms, painted ${p.paintMs.toFixed(1)} ms, event timing ${p.event ? `${p.event} ms (handlers ${p.processing.toFixed(1)} ms)` : `< ${FRAME_MS} ms`}`,
        );
      if (new Set(presses.map((p) => p.count)).size < 2)
        throw new Error(`the ${name} filter did not change the list`);
      const frame = median(presses.map((p) => p.frameMs));
      const ev = presses.map((p) => p.event);
      const over = ev.filter((d) => d >= FRAME_MS).length;
      env.add(
        `history filter (${name}): key → next frame`,
        frame,
        'ms',
        `median of ${presses.length} presses; max ${Math.max(...presses.map((p) => p.frameMs)).toFixed(1)}`,
      );
      env.add(
        `history filter (${name}): Event Timing duration`,
        median(ev.map((d) => (d >= FRAME_MS ? d : 0))),
        'ms',
        `median of ${presses.length}; ${over} of ${presses.length} ≥ ${FRAME_MS} ms (0 = no entry, under one frame); max ${Math.max(...ev)}; target one frame (${median(ev) < FRAME_MS ? 'within' : 'OVER'})`,
      );
      env.add(
        `  of which the handlers (render, commit)`,
        median(presses.map((p) => p.processing)),
        'ms',
        'median, of the entries reported; the rest is style, layout and paint',
      );
    }
  } finally {
    await ctx?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
