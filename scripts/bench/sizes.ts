// Bundle sizes read from the build: what index.html loads first, and the lazy chunks.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchEnv } from './env';

export const ENTRY_JS_TARGET_KB = 150;

/** Adds the size rows; returns the entry's JavaScript, gzip, in kB (1000 bytes, as Vite prints). */
export function sizes(out: string, add: BenchEnv['add']): number {
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  const entryFiles = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1]!,
  );
  let raw = 0;
  let gz = 0;
  let jsGz = 0;
  for (const f of entryFiles) {
    const buf = readFileSync(join(out, f));
    const g = gzipSync(buf).length;
    raw += buf.length;
    gz += g;
    if (f.endsWith('.js')) jsGz += g;
  }
  add(
    'entry bundle (JS + CSS index.html loads)',
    raw / 1024,
    'KB',
    `${(gz / 1024).toFixed(1)} KB gzip`,
  );
  add('entry JS, gzip', jsGz / 1000, 'kB', `target ≤ ${ENTRY_JS_TARGET_KB} kB (1 kB = 1000 bytes)`);
  const assets = readdirSync(join(out, 'assets'));
  // An out dir outside the project is not emptied by a build: of a chunk's names, the newest.
  const newest = (prefix: string) =>
    assets
      .filter((a) => a.startsWith(prefix) && a.endsWith('.js'))
      .sort(
        (a, b) =>
          statSync(join(out, 'assets', b)).mtimeMs - statSync(join(out, 'assets', a)).mtimeMs,
      )[0];
  for (const [name, prefix] of [
    ['Monaco chunk (lazy)', 'monaco-'],
    ['coding templates chunk (lazy)', 'coding-'],
    ['Markdown + KaTeX chunk (lazy)', 'Markdown-'],
    ['charts chunk: recharts (lazy, history and review)', 'charts-'],
  ] as const) {
    const f = newest(prefix);
    if (!f) continue;
    const buf = readFileSync(join(out, 'assets', f));
    add(name, buf.length / 1024, 'KB', `${(gzipSync(buf).length / 1024).toFixed(1)} KB gzip`);
  }
  const charts = newest('charts-');
  if (charts) {
    // What opening the charts downloads beyond the entry: the chunk and the chunks it imports.
    const entry = new Set(entryFiles.map((f) => f.replace(/^assets\//, '')));
    const seen = new Set<string>();
    const stack = [charts];
    let gzAll = 0;
    while (stack.length) {
      const f = stack.pop()!;
      if (seen.has(f) || entry.has(f)) continue;
      seen.add(f);
      const text = readFileSync(join(out, 'assets', f), 'utf8');
      gzAll += gzipSync(text).length;
      for (const m of text.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) stack.push(m[1]!);
    }
    add(
      'charts chunk with the chunks it imports, gzip',
      gzAll / 1000,
      'kB',
      `${seen.size} files beyond the entry (1 kB = 1000 bytes)`,
    );
  }
  const pyodideBytes = readdirSync(join(out, 'pyodide')).reduce(
    (n, f) => n + statSync(join(out, 'pyodide', f)).size,
    0,
  );
  add('Pyodide files served by the app', pyodideBytes / 1024 / 1024, 'MB');
  return jsGz / 1000;
}
