// The service worker precaches every file of the build: the test builds the app and compares
// the manifest Workbox injected into sw.js with the build's own directory listing, so a kind,
// a font or a runtime file landing later is covered without being named here.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
let out = '';

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? listFiles(p) : [relative(out, p).split(sep).join('/')];
  });
}

/** The precache list Workbox wrote into the built service worker. */
function precacheUrls(): string[] {
  const sw = readFileSync(join(out, 'sw.js'), 'utf8');
  return [...sw.matchAll(/\{"revision":(?:"[^"]*"|null),"url":"([^"]+)"\}/g)].map((m) => m[1]!);
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'mockloop-precache-'));
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    configLoader: 'runner',
    logLevel: 'silent',
    build: { outDir: out, emptyOutDir: true },
  });
}, 240_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('the precache of the build', () => {
  it('lists every file of the build output once, the service worker aside', () => {
    const files = listFiles(out).filter((f) => f !== 'sw.js');
    const urls = precacheUrls();
    expect(new Set(urls).size, 'a file listed twice').toBe(urls.length);
    expect([...urls].sort()).toEqual([...files].sort());
  });

  it('keeps the files over Workbox’s 2 MiB default (the Python runtime, the editor)', () => {
    const big = listFiles(out).filter((f) => statSync(join(out, f)).size > 2 * 1024 * 1024);
    expect(big.length).toBeGreaterThan(0);
    const urls = new Set(precacheUrls());
    for (const f of big) expect(urls, f).toContain(f);
  });

  it('has a web manifest that opens to home, with its icons in the build', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.webmanifest'), 'utf8')) as {
      start_url: string;
      display: string;
      icons: { src: string; sizes: string }[];
    };
    expect(manifest.start_url).toBe('./');
    expect(manifest.display).toBe('standalone');
    const files = new Set(listFiles(out));
    expect(manifest.icons.some((i) => i.sizes === '512x512')).toBe(true);
    for (const icon of manifest.icons) expect(files, icon.src).toContain(icon.src);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('manifest.webmanifest');
  });
});
