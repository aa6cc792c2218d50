// The app's dependencies build no code from strings: the two places that did (zod's eval probe,
// Excalidraw's font-subsetting glue) are patched at the source by src/pwa/vite-no-eval.ts, so the CSP
// needs no 'unsafe-eval' and reports nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeEval } from '../../../src/pwa/vite-no-eval';

const require = createRequire(import.meta.url);
const zodCore = join(dirname(require.resolve('zod/package.json')), 'v4/core/core.js');
const excalidraw = dirname(require.resolve('@excalidraw/excalidraw'));

describe('no eval in the bundle', () => {
  it('zod starts in jitless mode in every realm (no eval probe)', () => {
    const r = removeEval(zodCore, readFileSync(zodCore, 'utf8'))!;
    expect(r.removed).toBe(1);
    expect(r.code).toContain('__zod_globalConfig = { jitless: true }');
  });

  it('Excalidraw skips its eval-built subsetting glue and embeds whole fonts (prod and dev)', () => {
    const found = ['prod', 'dev'].flatMap((build) => {
      const dir = join(excalidraw, '..', build);
      return readdirSync(dir)
        .filter((f) => f.endsWith('.js'))
        .map((f) => join(dir, f))
        .filter((f) => readFileSync(f, 'utf8').includes('Skipped glyph subsetting'));
    });
    expect(found.length).toBe(2);
    for (const file of found) {
      const r = removeEval(file, readFileSync(file, 'utf8'))!;
      expect(r.removed, file).toBe(1);
      // The throw comes before the wasm loaders, inside the function Excalidraw's catch guards.
      expect(r.code, file).toMatch(
        /=>\s*\{throw new Error\("glyph subsetting needs eval[^;]*;\s*(let|const)\s*\{\s*compress/,
      );
    }
  });
});
