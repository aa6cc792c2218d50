// npm run bench — builds the app, serves the build and measures it in Debian's Chromium:
// bundle sizes, start-up, editor and Python readiness, and the cost of a Submit.
// Prints a table; --json prints one JSON object. --no-build reuses dist/.
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunch } from '../chromium.config';
import { loadRounds } from '../src/content/loader';
import { buildRequest } from '../src/kinds/coding/requests';
import type { CodingTemplate } from '../src/kinds/coding/spec';
import { kindSpecs } from '../src/kinds/registry';
import { startNodePython } from '../src/runner/pyodide-node';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const json = process.argv.includes('--json');
const PORT = 4179;
const URL_ = `http://localhost:${PORT}/`;
const PROBLEM = 'causal-self-attention'; // exactly 10 tests
const RUNS = 5;

type Row = { metric: string; value: number; unit: string; note?: string };
const rows: Row[] = [];
const add = (metric: string, value: number, unit: string, note?: string) =>
  rows.push({ metric, value: Math.round(value * 10) / 10, unit, note });
const log = (s: string) => json || process.stderr.write(`${s}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (!process.argv.includes('--no-build')) {
  log('building…');
  execSync('npx vite build --configLoader runner', { cwd: ROOT, stdio: 'ignore' });
}

// Bundle sizes: what index.html loads before anything else.
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const entryFiles = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map(
  (m) => m[1]!,
);
let raw = 0;
let gz = 0;
for (const f of entryFiles) {
  const buf = readFileSync(join(DIST, f));
  raw += buf.length;
  gz += gzipSync(buf).length;
}
add(
  'entry bundle (JS + CSS index.html loads)',
  raw / 1024,
  'KB',
  `${(gz / 1024).toFixed(1)} KB gzip`,
);
const assets = readdirSync(join(DIST, 'assets'));
const sizeOf = (prefix: string) => {
  const f = assets.find((a) => a.startsWith(prefix) && a.endsWith('.js'));
  if (!f) return null;
  const buf = readFileSync(join(DIST, 'assets', f));
  return { raw: buf.length / 1024, gz: gzipSync(buf).length / 1024 };
};
for (const [name, prefix] of [
  ['Monaco chunk (lazy)', 'monaco-'],
  ['coding templates chunk (lazy)', 'coding-'],
  ['Markdown + KaTeX chunk (lazy)', 'Markdown-'],
] as const) {
  const s = sizeOf(prefix);
  if (s) add(name, s.raw, 'KB', `${s.gz.toFixed(1)} KB gzip`);
}
const pyodideBytes = readdirSync(join(DIST, 'pyodide')).reduce(
  (n, f) => n + statSync(join(DIST, 'pyodide', f)).size,
  0,
);
add('Pyodide files served by the app', pyodideBytes / 1024 / 1024, 'MB');

const running: { server: ChildProcess | null } = { server: null };
async function serve() {
  running.server = spawn(
    'npx',
    ['vite', 'preview', '--configLoader', 'runner', '--port', String(PORT), '--strictPort'],
    {
      cwd: ROOT,
      stdio: 'ignore',
      detached: true,
    },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(URL_)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('preview server did not start');
}

await serve();
const browser = await chromium.launch(chromiumLaunch);

try {
  // Cold start of the app shell: a new profile each time.
  const homeTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const t0 = Date.now();
    await page.goto(URL_);
    await page.getByRole('heading', { level: 1, name: /Rehearse/ }).waitFor();
    homeTimes.push(Date.now() - t0);
    await ctx.close();
  }
  add('home screen, cold (new profile)', median(homeTimes), 'ms', `median of ${RUNS}`);

  // Editor and Python, cold (empty cache) and warm (cached files, a new page).
  const ctx = await browser.newContext();
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(URL_).origin,
  });
  const solution = readFileSync(join(ROOT, 'rounds', 'coding', PROBLEM, 'solution.py'), 'utf8');
  const readiness = async (page: Page) => {
    const t0 = Date.now();
    await page.goto(`${URL_}#/practice/coding/${PROBLEM}`);
    await page.locator('.coding').waitFor();
    const roundOpen = Date.now();
    await page.locator('.monaco-editor .view-lines').waitFor();
    const editor = Date.now() - roundOpen;
    const badge = page.getByText(/Python ready \(started in/);
    await badge.waitFor({ timeout: 60_000 });
    const python = Date.now() - t0;
    const inWorker =
      Number(/started in ([\d.]+) s/.exec((await badge.textContent()) ?? '')?.[1] ?? 'NaN') * 1000;
    return { editor, python, inWorker };
  };
  const coldPage = await ctx.newPage();
  const cold = await readiness(coldPage);
  add('editor ready after the round opens (cold)', cold.editor, 'ms');
  add(
    'Python ready after navigation (cold)',
    cold.python,
    'ms',
    `${Math.round(cold.inWorker)} ms inside the worker`,
  );
  await coldPage.close();
  const warmEditor: number[] = [];
  const warmPython: number[] = [];
  for (let i = 0; i < 3; i++) {
    const p = await ctx.newPage();
    const w = await readiness(p);
    warmEditor.push(w.editor);
    warmPython.push(w.python);
    if (i < 2) await p.close();
    else {
      // A 10-test Submit of the reference, warm, as the person sees it: click to results.
      await p.evaluate((t) => navigator.clipboard.writeText(t), solution);
      await p.locator('.monaco-editor').click();
      await p.keyboard.press('Control+a');
      await p.keyboard.press('Control+v');
      const submitTimes: number[] = [];
      for (let k = 0; k < RUNS; k++) {
        // A Run in between changes the results panel, so each Submit's result is a fresh change.
        await p.getByRole('button', { name: /^Run/ }).click();
        await p.getByText(/^\d+ of \d+ examples passed/).waitFor();
        const t0 = Date.now();
        await p.getByRole('button', { name: /^Submit/ }).click();
        await p.getByText('10 of 10 tests passed').waitFor();
        submitTimes.push(Date.now() - t0);
      }
      add(
        '10-test Submit, warm: click to results on screen',
        median(submitTimes),
        'ms',
        `median of ${RUNS}`,
      );
    }
  }
  add('editor ready after the round opens (warm cache)', median(warmEditor), 'ms', 'median of 3');
  add('Python ready after navigation (warm cache)', median(warmPython), 'ms', 'median of 3');
  await ctx.close();
} finally {
  await browser.close();
  if (running.server?.pid) process.kill(-running.server.pid);
}

// The harness's own cost: ten tests through run_suite vs the same ten calls with runPython.
const { catalog } = loadRounds(join(ROOT, 'rounds'), kindSpecs);
const problem = (catalog!.templates.coding as CodingTemplate[]).find((t) => t.id === PROBLEM)!;
const ten = { ...problem, tests: problem.tests.slice(0, 10), scale: [] };
const py = await startNodePython();
const viaHarness: number[] = [];
const direct: number[] = [];
const calls = ten.tests
  .map((t) => `f(*json.loads(${JSON.stringify(JSON.stringify(t.args))}))`)
  .join('\n');
const directSource = `import json\n${problem.solution}\nf = ${problem.entry}\n${calls}\n`;
for (let i = 0; i < 20; i++) {
  let t0 = performance.now();
  py.run(buildRequest(ten, problem.solution, 'tests'));
  viaHarness.push(performance.now() - t0);
  t0 = performance.now();
  py.pyodide.runPython(directSource, { globals: py.pyodide.toPy({}) });
  direct.push(performance.now() - t0);
}
add('10 tests through the harness (Pyodide, Node)', median(viaHarness), 'ms', 'median of 20');
add('same 10 calls with runPython directly', median(direct), 'ms', 'median of 20');

if (json) {
  process.stdout.write(`${JSON.stringify({ problem: PROBLEM, rows })}\n`);
} else {
  const w = Math.max(...rows.map((r) => r.metric.length));
  process.stdout.write(`${'metric'.padEnd(w)}  ${'value'.padStart(9)}  unit  note\n`);
  for (const r of rows) {
    process.stdout.write(
      `${r.metric.padEnd(w)}  ${String(r.value).padStart(9)}  ${r.unit.padEnd(4)}  ${r.note ?? ''}\n`,
    );
  }
}
process.exit(0);
