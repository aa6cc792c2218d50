// npm run bench — builds the app and the bare pages it is compared with, serves both, and
// measures them in Debian's Chromium: bundle sizes, start-up, editor and Python readiness, the
// cost of a Submit, and the app's ratios to bare pages built from the same packages.
// Prints a table; --json prints one JSON object: { problem, rows, ratios, entry_js_gzip_kb,
// keystroke_to_render_ms: { steps_30, steps_200 } (p95, when katex ran) }.
//
// Flags: --json; --no-build (reuse the app's build); --runs N (alternating pairs per ratio, at
// least 9); --only name,name (run only these comparisons, and/or `history`: 200 sessions imported,
// history opened and filtered). The app is built into MOCKLOOP_OUT
// when set (else dist/) and served on port 4193 (BENCH_PORT); the bare pages go to a temp dir, the next port.
//
// How it is put together, so that later comparisons plug in:
// - scripts/bench-pages/<name>/index.html (+ its script): a bare page doing one thing with the
//   app's own packages (render React, render Monaco, start Pyodide…). One Vite config,
//   scripts/bench-pages/vite.config.ts, builds every such folder into a temp dir.
// - scripts/bench/<comparison>.ts exports a Comparison (see scripts/bench/env.ts): a name (its
//   key in `ratios`), the bare page it needs, a target, and `measure`, which runs the app and
//   the bare page alternately in the one Chromium and returns app / bare per pair (and may add
//   rows). COMPARISONS below lists them: home, editor, submit_warm, board (the system-design
//   round's board ready vs a bare Excalidraw page) and katex (the derivation round's 30-step
//   render vs a bare KaTeX page).
// - Rows that need no comparison: scripts/bench/sizes.ts (the build) and
//   scripts/bench/node-harness.ts (Pyodide under Node).
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.config';
import { board } from './bench/board';
import { editor, PROBLEM } from './bench/editor';
import { type BenchEnv, type Comparison, type Row, type Spread, serve, spread } from './bench/env';
import { history } from './bench/history';
import { home } from './bench/home';
import { katexRender, keystrokeToRender } from './bench/katex';
import { nodeHarness } from './bench/node-harness';
import { ENTRY_JS_TARGET_KB, sizes } from './bench/sizes';
import { submitWarm } from './bench/submit-warm';

const COMPARISONS: Comparison[] = [home, editor, submitWarm, board, katexRender];

const ROOT = resolve(import.meta.dirname, '..');
const OUT = process.env.MOCKLOOP_OUT ? resolve(process.env.MOCKLOOP_OUT) : join(ROOT, 'dist');
// BENCH_PORT moves both (app on it, bare pages on the next) so two benches can run side by side.
const APP_PORT = Number(process.env.BENCH_PORT ?? 4193);
const PAGES_PORT = APP_PORT + 1;
const argv = process.argv.slice(2);
const json = argv.includes('--json');
const flag = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const runs = Math.max(9, Number(flag('--runs') ?? 9));
const only = flag('--only')?.split(',');
const comparisons = COMPARISONS.filter((c) => !only || only.includes(c.name));

const rows: Row[] = [];
const add = (metric: string, value: number, unit: string, note?: string) =>
  rows.push({ metric, value: Math.round(value * 10) / 10, unit, note });
const log = (s: string) => json || process.stderr.write(`${s}\n`);

const outEnv = { ...process.env, MOCKLOOP_OUT: OUT };
if (!argv.includes('--no-build')) {
  log(`building the app into ${OUT}…`);
  execSync('npx vite build --configLoader runner', { cwd: ROOT, stdio: 'ignore', env: outEnv });
}
const pagesOut = mkdtempSync(join(tmpdir(), 'mockloop-bench-pages-'));
const pagesEnv = { BENCH_PAGES_OUT: pagesOut };
const pagesConfig = ['--config', 'scripts/bench-pages/vite.config.ts'];
log('building the bare pages…');
execSync(`npx vite build --configLoader runner ${pagesConfig.join(' ')}`, {
  cwd: ROOT,
  stdio: 'ignore',
  env: { ...process.env, ...pagesEnv },
});

const entryJsKb = sizes(OUT, add);

const stops: (() => void)[] = [];
const ratios: Record<string, Spread> = {};
try {
  stops.push(await serve(ROOT, [], APP_PORT, outEnv));
  stops.push(await serve(ROOT, pagesConfig, PAGES_PORT, pagesEnv));
  const browser = await chromium.launch(chromiumLaunch);
  try {
    const env: BenchEnv = {
      root: ROOT,
      browser,
      app: `http://localhost:${APP_PORT}/`,
      bare: (name) => `http://localhost:${PAGES_PORT}/${name}/`,
      runs,
      add,
      log,
    };
    for (const c of comparisons) {
      log(`${c.name}: ${c.what} (${runs} alternating pairs)…`);
      ratios[c.name] = spread(await c.measure(env));
    }
    if (!only || only.includes('history')) {
      log('history: 200 sessions imported, history opened and filtered…');
      await history(env);
    }
  } finally {
    await browser.close();
  }
} finally {
  for (const stop of stops) stop();
  rmSync(pagesOut, { recursive: true, force: true });
}
if (!only) await nodeHarness({ root: ROOT, add });

if (json) {
  process.stdout.write(
    `${JSON.stringify({
      problem: PROBLEM,
      rows,
      ratios,
      entry_js_gzip_kb: Math.round(entryJsKb * 10) / 10,
      ...(ratios.katex ? { keystroke_to_render_ms: keystrokeToRender } : {}),
    })}\n`,
  );
} else {
  const w = Math.max(...rows.map((r) => r.metric.length));
  process.stdout.write(`${'metric'.padEnd(w)}  ${'value'.padStart(9)}  unit  note\n`);
  for (const r of rows) {
    process.stdout.write(
      `${r.metric.padEnd(w)}  ${String(r.value).padStart(9)}  ${r.unit.padEnd(4)}  ${r.note ?? ''}\n`,
    );
  }
  process.stdout.write(
    `\nratio to the bare page (app / bare, per alternating pair; ${runs} pairs)\n`,
  );
  for (const c of comparisons) {
    const s = ratios[c.name]!;
    const ok = s.median <= c.target ? 'within' : 'OVER';
    process.stdout.write(
      `${c.name.padEnd(12)} median ${s.median.toFixed(2)}  min ${s.min.toFixed(2)}  max ${s.max.toFixed(2)}  target ≤ ${c.target} (${ok})  ${c.what}\n`,
    );
  }
  const entryOk = entryJsKb <= ENTRY_JS_TARGET_KB ? 'within' : 'OVER';
  process.stdout.write(
    `${'entry JS'.padEnd(12)} ${entryJsKb.toFixed(1)} kB gzip  target ≤ ${ENTRY_JS_TARGET_KB} (${entryOk})\n`,
  );
}
process.exit(0);
