// Excalidraw's fonts come from the app's origin: the plugin finds them in the installed package
// and removes the CDN fallback from both of its builds.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  excalidrawFontsDir,
  stripFontFallback,
} from '../../../../src/kinds/system-design/vite-excalidraw';

const dist = dirname(excalidrawFontsDir());
const chunks = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .filter((code) => code.includes('ASSETS_FALLBACK_URL'));

describe('the Excalidraw assets plugin', () => {
  it('finds every font family of the installed Excalidraw, the CJK one included', () => {
    const dir = excalidrawFontsDir();
    for (const family of ['Excalifont', 'Virgil', 'Nunito', 'Cascadia', 'Xiaolai'])
      expect(existsSync(join(dir, family)), family).toBe(true);
  });

  it('removes the CDN fallback from the production and development builds', () => {
    for (const dir of [dist, join(dist, '..', 'dev')]) {
      const found = chunks(dir);
      expect(found.length, dir).toBeGreaterThan(0);
      for (const code of found) {
        const r = stripFontFallback(code)!;
        expect(r.removed).toBeGreaterThan(0);
        expect(r.code).not.toMatch(/\.push\(\s*new URL\([^)]*ASSETS_FALLBACK_URL/);
      }
    }
  });

  it('leaves code without the fallback alone', () => {
    expect(stripFontFallback('export const x = 1;')).toBeNull();
  });
});
