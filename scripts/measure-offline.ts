// Measures what the service worker changes: the precache (size, files), the entry bundle, and
// the time to a usable coding round (editor shown, Python ready) on a first visit and on a
// repeat visit (the same profile, a new page) — online without the service worker, online with
// it, and offline with it (the preview server stopped). Python's own start is the figure the
// round's badge shows ("started in … s", measured in the worker): a first start keeps a snapshot
// that later ones restore, and each visit here waits until it is kept before closing.
//
//   npx vite build --configLoader runner            (or MOCKLOOP_OUT=/tmp/out npx vite build …)
//   npx tsx scripts/measure-offline.ts [--runs 3] [--port 4197] [--json]
//
// The build is read from MOCKLOOP_OUT (else dist/), as vite.config.ts writes it.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.config';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, process.env.MOCKLOOP_OUT ?? 'dist');
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const RUNS = Number(arg('runs', '3'));
const PORT = Number(arg('port', '4197'));
const JSON_OUT = process.argv.includes('--json');
const URL_ = `http://localhost:${PORT}/`;
const ROUND = '#/practice/coding/stable-softmax';
const log = (s: string) => (JSON_OUT ? process.stderr : process.stdout).write(`${s}\n`);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [relative(OUT, p).split(sep).join('/')];
  });
}

const mb = (b: number) => Math.round((b / 1024 / 1024) * 100) / 100;
const kb = (b: number) => Math.round(b / 1024);

function precache() {
  const sw = readFileSync(join(OUT, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/\{"revision":(?:"[^"]*"|null),"url":"([^"]+)"\}/g)].map(
    (m) => m[1]!,
  );
  const sizes = urls.map((u) => ({ url: u, bytes: statSync(join(OUT, u)).size }));
  const total = sizes.reduce((a, s) => a + s.bytes, 0);
  const all = files(OUT).filter((f) => f !== 'sw.js');
  return {
    files: urls.length,
    buildFiles: all.length,
    mb: mb(total),
    largest: sizes
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 5)
      .map((s) => `${s.url} ${mb(s.bytes)} MB`),
  };
}

function entry() {
  const html = readFileSync(join(OUT, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1]!,
  );
  let raw = 0;
  let gz = 0;
  for (const r of refs) {
    const b = readFileSync(join(OUT, r));
    raw += b.length;
    gz += gzipSync(b).length;
  }
  return { files: refs.length, kb: kb(raw), gzipKb: kb(gz) };
}

async function up(): Promise<boolean> {
  try {
    return (await fetch(URL_, { signal: AbortSignal.timeout(1500) })).ok;
  } catch {
    return false;
  }
}

async function startServer(): Promise<ChildProcess> {
  if (await up()) throw new Error(`${URL_} is already in use`);
  const child = spawn(
    'npx',
    ['vite', 'preview', '--configLoader', 'runner', '--port', String(PORT), '--strictPort'],
    { cwd: ROOT, env: { ...process.env, MOCKLOOP_OUT: OUT }, detached: true, stdio: 'ignore' },
  );
  const until = Date.now() + 60_000;
  while (!(await up())) {
    if (Date.now() > until) throw new Error('vite preview did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return child;
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode === null && child.pid) {
    const gone = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    await gone;
  }
  while (await up()) await new Promise((r) => setTimeout(r, 100));
}

/**
 * When the editor and the ready badge first showed (ms since navigation), and Python's start.
 * A string, not a function: tsx would wrap a function's inner arrows in a helper the page lacks.
 */
const MARKS = `
  window.__marks = {};
  new MutationObserver(() => {
    const m = window.__marks;
    if (!m.editor && document.querySelector('.monaco-editor .view-lines')) m.editor = performance.now();
    const badge = document.querySelector('.badge.python-ready');
    if (!m.python && badge) {
      m.python = performance.now();
      const s = /started in ([\\d.]+) s/.exec(badge.textContent || '');
      if (s) m.pythonStart = Number(s[1]) * 1000;
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
`;

/** Python's start-up snapshot is in the origin's Cache Storage (src/runner/worker.ts). */
const SNAPSHOT_KEPT = `(async () => {
  for (let i = 0; i < 150; i++) {
    const keys = await (await caches.open('mockloop-python-snapshot')).keys();
    if (keys.length > 0) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
})()`;

interface Visit {
  editor: number;
  usable: number;
  pythonStart: number;
}

async function visit(ctx: BrowserContext): Promise<Visit> {
  const page = await ctx.newPage();
  await page.goto(URL_ + ROUND);
  try {
    await page.waitForFunction(
      () => (window as unknown as { __marks?: Record<string, number> }).__marks?.python,
      null,
      { timeout: 180_000, polling: 100 },
    );
  } catch (e) {
    log(
      `  stuck at ${page.url()}: ${await page.locator('.badge').allTextContents()} ${JSON.stringify(await page.evaluate(() => (window as unknown as { __marks?: unknown }).__marks))}`,
    );
    throw e;
  }
  const m = await page.evaluate(
    () => (window as unknown as { __marks: Record<string, number> }).__marks,
  );
  // A person stays longer than this script: let the first start finish keeping Python's
  // snapshot (~30 MB into Cache Storage) before the page closes, as it would in a real round.
  if (!(await page.evaluate(SNAPSHOT_KEPT))) log('  Python kept no snapshot within 30 s');
  await page.close();
  return {
    editor: Math.round(m.editor ?? Number.NaN),
    usable: Math.round(Math.max(m.editor ?? 0, m.python ?? 0)),
    pythonStart: Math.round(m.pythonStart ?? Number.NaN),
  };
}

async function profile(sw: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'mockloop-measure-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    ...chromiumLaunch,
    serviceWorkers: sw ? 'allow' : 'block',
  });
  await ctx.addInitScript({ content: MARKS });
  return {
    ctx,
    async close() {
      await ctx.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until the service worker holds the whole precache and controls a page. */
async function precached(ctx: BrowserContext) {
  const page = await ctx.newPage();
  await page.goto(URL_);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 180_000,
  });
  await page.close();
}

const median = (xs: number[]) => {
  const s = [...xs].filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : Math.round((s[m - 1]! + s[m]!) / 2);
};

async function main() {
  const results: Record<string, Visit[]> = {};
  const add = (k: string, v: Visit) => {
    results[k] = [...(results[k] ?? []), v];
    log(`  ${k}: editor ${v.editor} ms, usable ${v.usable} ms, Python start ${v.pythonStart} ms`);
  };
  let server = await startServer();
  try {
    for (let i = 0; i < RUNS; i++) {
      log(`run ${i + 1} of ${RUNS}`);
      const plain = await profile(false);
      add('no service worker, first visit', await visit(plain.ctx));
      add('no service worker, repeat visit', await visit(plain.ctx));
      add('no service worker, third visit', await visit(plain.ctx));
      await plain.close();

      const withSw = await profile(true);
      add('service worker, first visit', await visit(withSw.ctx));
      await precached(withSw.ctx);
      add('service worker, repeat visit online', await visit(withSw.ctx));
      add('service worker, third visit online', await visit(withSw.ctx));
      await stopServer(server);
      add('service worker, repeat visit offline', await visit(withSw.ctx));
      add('service worker, third visit offline', await visit(withSw.ctx));
      server = await startServer();
      await withSw.close();
    }
  } finally {
    await stopServer(server);
  }
  const summary = Object.fromEntries(
    Object.entries(results).map(([k, vs]) => [
      k,
      {
        editor: median(vs.map((v) => v.editor)),
        usable: median(vs.map((v) => v.usable)),
        pythonStart: median(vs.map((v) => v.pythonStart)),
      },
    ]),
  );
  const on = summary['service worker, repeat visit online']!.usable;
  const off = summary['service worker, repeat visit offline']!.usable;
  const report = {
    build: OUT,
    runs: RUNS,
    precache: precache(),
    entry: entry(),
    visits: summary,
    offlineOverOnline: Math.round((off / on) * 100) / 100,
  };
  if (JSON_OUT) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    log(`\nprecache: ${report.precache.files} files, ${report.precache.mb} MB`);
    log(
      `entry: ${report.entry.files} files, ${report.entry.kb} KB (${report.entry.gzipKb} KB gzip)`,
    );
    log('median ms            editor   usable   Python start');
    for (const [k, v] of Object.entries(summary))
      log(
        `${k.padEnd(38)} ${String(v.editor).padStart(6)} ${String(v.usable).padStart(8)} ${String(v.pythonStart).padStart(8)}`,
      );
    log(`offline repeat / online repeat (usable): ${report.offlineOverOnline}`);
  }
}

await main();
