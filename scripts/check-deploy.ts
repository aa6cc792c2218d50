// npm run check:deploy — serves the build with the real nginx and Caddy, each configured by its
// recipe under deploy/ (only the root and the port changed), and checks in Chromium what a
// person's first visit needs: the headers of src/pwa/headers.ts on the page and on Python's
// files, Python's loader and wasm typed so the browser takes them, the page cross-origin
// isolated, a coding round's Submit run by Python, no request off the origin and no policy
// violation. Reading the recipes alone (tests/unit/pwa/deploy-headers.test.ts) missed that
// nginx's own type list has no .mjs: Python never started there.
//
//   npm run build && npm run check:deploy        (needs nginx and caddy: apt-get install nginx caddy)
//
// The build is read from MOCKLOOP_OUT (else dist/), as vite.config.ts writes it.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.config';
import { APP_HEADERS } from '../src/pwa/headers';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, process.env.MOCKLOOP_OUT ?? 'dist');
const recipe = (f: string) => readFileSync(join(ROOT, 'deploy', f), 'utf8');

interface Server {
  name: string;
  port: number;
  start(dir: string): ChildProcess;
}

const servers: Server[] = [
  {
    name: 'nginx',
    port: 8461,
    start(dir) {
      const site = recipe('nginx.conf')
        .replace(/root \/srv\/mockloop;/, `root ${OUT};`)
        .replace(/listen 8080;/, `listen ${this.port};`);
      writeFileSync(join(dir, 'site.conf'), site);
      writeFileSync(
        join(dir, 'nginx.conf'),
        `daemon off;\nworker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents { worker_connections 64; }\nhttp { access_log off; include ${dir}/site.conf; }\n`,
      );
      return spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
    },
  },
  {
    name: 'caddy',
    port: 8462,
    start(dir) {
      const site = recipe('Caddyfile')
        .replace(/root \* \/srv\/mockloop/, `root * ${OUT}`)
        .replace(/^:8080 \{/m, `:${this.port} {`);
      writeFileSync(join(dir, 'Caddyfile'), site);
      return spawn('caddy', ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], {
        stdio: 'ignore',
        // Caddy keeps its state under HOME/XDG dirs: a temp one, nothing of the machine's.
        env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
      });
    },
  },
];

function installed(bin: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function until(url: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

async function check(server: Server): Promise<string[]> {
  const problems: string[] = [];
  const base = `http://localhost:${server.port}/`;
  const dir = mkdtempSync(join(tmpdir(), `mockloop-${server.name}-`));
  mkdirSync(dir, { recursive: true });
  const proc = server.start(dir);
  try {
    await until(base);
    // The headers, on the page and on Python's files; the types the browser insists on.
    for (const [path, type] of [
      ['', /^text\/html/],
      ['pyodide/pyodide.asm.mjs', /^(text|application)\/javascript/],
      ['pyodide/pyodide.asm.wasm', /^application\/wasm/],
    ] as const) {
      const res = await fetch(base + path);
      for (const [name, value] of Object.entries(APP_HEADERS))
        if (res.headers.get(name) !== value)
          problems.push(`/${path}: ${name} is ${JSON.stringify(res.headers.get(name))}`);
      const got = res.headers.get('content-type') ?? '';
      if (!type.test(got)) problems.push(`/${path}: Content-Type is "${got}", wanted ${type}`);
    }
    const sw = await fetch(`${base}sw.js`);
    if (!/no-cache/.test(sw.headers.get('cache-control') ?? ''))
      problems.push(`/sw.js: Cache-Control is "${sw.headers.get('cache-control')}"`);

    const browser = await chromium.launch(chromiumLaunch);
    try {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      const refused: string[] = [];
      const onConsole = (where: string) => (m: { text(): string }) => {
        if (/Content Security Policy|Refused to/i.test(m.text()))
          refused.push(`${where}: ${m.text()}`);
      };
      page.on('console', onConsole('page'));
      page.on('worker', (w) => w.on('console', onConsole('worker')));
      const away: string[] = [];
      ctx.on('request', (r) => {
        if (!/^(data|blob):/.test(r.url()) && !r.url().startsWith(base)) away.push(r.url());
      });
      await page.goto(base);
      await page.getByRole('heading', { level: 1, name: /^Rehearse/ }).waitFor();
      if (!(await page.evaluate(() => crossOriginIsolated)))
        problems.push('the page is not cross-origin isolated');
      await page.goto(`${base}#/practice/coding/stable-softmax`);
      await page.locator('.monaco-editor').waitFor({ timeout: 30_000 });
      const started = page.getByText(/Python (ready|failed to start)/);
      await started.waitFor({ timeout: 60_000 });
      const badge = (await started.textContent()) ?? '';
      if (!/ready/.test(badge)) problems.push(`the coding round says "${badge.trim()}"`);
      else {
        await page.getByRole('button', { name: /^Submit/ }).click();
        const summary = page.locator('.result-summary');
        await summary.waitFor({ timeout: 60_000 });
        // The starter fails a test or two; what matters is that Python ran them all.
        const text = (await summary.textContent()) ?? '';
        if (!/^\d+ of 10 tests passed/.test(text)) problems.push(`Submit showed "${text}"`);
      }
      problems.push(...refused, ...away.map((u) => `a request left the origin: ${u}`));
    } finally {
      await browser.close();
    }
  } finally {
    proc.kill();
    rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}

if (!existsSync(join(OUT, 'index.html'))) {
  console.error(`no build at ${OUT}: run npm run build first`);
  process.exit(1);
}
let failed = false;
for (const server of servers) {
  if (!installed(server.name)) {
    console.error(`${server.name}: not installed (apt-get install ${server.name})`);
    failed = true;
    continue;
  }
  const problems = await check(server);
  if (problems.length) {
    failed = true;
    console.error(
      `deploy/${server.name === 'nginx' ? 'nginx.conf' : 'Caddyfile'} with ${server.name}:`,
    );
    for (const p of problems) console.error(`  ${p}`);
  } else {
    console.log(
      `${server.name}: headers, types, isolation, Python Submit, no request away, no violation`,
    );
  }
}
process.exit(failed ? 1 : 0);
