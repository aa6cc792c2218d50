// The static-host recipes under deploy/ send the headers the preview server sends: each recipe
// is read as its host would read it, and compared with src/pwa/headers.ts, the one source the
// preview config (vite.config.ts) also takes them from.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_HEADERS, CSP_REPORT_PATH, PREVIEW_HEADERS } from '../../../src/pwa/headers';
import { PYODIDE_FILES } from '../../../src/runner/vite-pyodide';
import config from '../../../vite.config';

const DEPLOY = resolve(import.meta.dirname, '../../../deploy');
const read = (f: string) => readFileSync(resolve(DEPLOY, f), 'utf8');
const lower = (h: Record<string, string>) =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
const unquote = (v: string) => v.trim().replace(/^"(.*)"$/, '$1');

/** _headers: a path line, then indented "Name: value" lines; blocks keyed by path. */
function parseHeadersFile(text: string): Map<string, Record<string, string>> {
  const blocks = new Map<string, Record<string, string>>();
  let current: Record<string, string> | null = null;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = {};
      blocks.set(line.trim(), current);
    } else {
      const m = /^\s+([\w-]+):\s*(.+)$/.exec(line);
      if (!m || !current) throw new Error(`_headers: cannot read "${line}"`);
      current[m[1]!.toLowerCase()] = m[2]!.trim();
    }
  }
  return blocks;
}

/** nginx: the server block's own add_header lines (not those inside a location). */
function parseNginx(text: string): { server: Record<string, string>; locations: string[] } {
  const server: Record<string, string> = {};
  const locations: string[] = [];
  let depth = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const m = /^add_header\s+([\w-]+)\s+("[^"]*"|\S+)(\s+always)?;$/.exec(line);
    if (m && depth === 1) server[m[1]!.toLowerCase()] = unquote(m[2]!);
    else if (m) throw new Error(`nginx: add_header inside a block drops the server's: ${line}`);
    if (/^location\b/.test(line)) locations.push(line);
    depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
  }
  return { server, locations };
}

/** Caddy: the names and values of the site-wide `header { … }` block. */
function parseCaddy(text: string): Record<string, string> {
  const m = /\n\s*header\s*\{\n([\s\S]*?)\n\s*\}/.exec(text);
  if (!m) throw new Error('Caddyfile: no header { } block');
  const out: Record<string, string> = {};
  for (const line of m[1]!.split('\n')) {
    const h = /^\s*([\w-]+)\s+(.+)$/.exec(line);
    if (h) out[h[1]!.toLowerCase()] = unquote(h[2]!);
  }
  return out;
}

describe('the static-host recipes', () => {
  it('the preview server sends the app headers, its policy reporting to the test endpoint', () => {
    const preview = lower(config.preview?.headers as Record<string, string>);
    expect(preview).toEqual(lower(PREVIEW_HEADERS));
    const { 'content-security-policy': csp, ...rest } = preview;
    const app = lower(APP_HEADERS);
    expect(csp).toBe(`${app['content-security-policy']}; report-uri ${CSP_REPORT_PATH}`);
    delete app['content-security-policy'];
    expect(rest).toEqual(app);
  });

  it('_headers (Netlify, Cloudflare Pages) sends them on every path, sw.js uncached', () => {
    const blocks = parseHeadersFile(read('_headers'));
    expect(blocks.get('/*')).toEqual(lower(APP_HEADERS));
    expect(blocks.get('/sw.js')?.['cache-control']).toBe('no-cache');
  });

  it("nginx sends them from the server block, sw.js uncached, Python's files typed", () => {
    const text = read('nginx.conf');
    const { server, locations } = parseNginx(text);
    expect(server).toEqual(lower(APP_HEADERS));
    expect(locations).toContain('location = /sw.js {');
    expect(text).toMatch(/location = \/sw\.js \{\s*expires -1;/);
    // nginx's mime.types lacks both (tried with nginx 1.22: without mjs, Python never started).
    const types = /types \{([^}]*)\}/.exec(text)?.[1] ?? '';
    expect(PYODIDE_FILES.filter((f) => /\.(mjs|wasm)$/.test(f))).toHaveLength(2);
    expect(types).toMatch(/text\/javascript\s+mjs;/);
    expect(types).toMatch(/application\/wasm\s+wasm;/);
  });

  it('Caddy sends them site-wide, sw.js uncached', () => {
    const text = read('Caddyfile');
    expect(parseCaddy(text)).toEqual(lower(APP_HEADERS));
    expect(text).toMatch(/header \/sw\.js Cache-Control "no-cache"/);
  });
});
