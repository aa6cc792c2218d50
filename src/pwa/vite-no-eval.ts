// Keeps eval out of the app's code at the source, so the Content-Security-Policy needs no
// 'unsafe-eval' and reports no violation (a blocked-but-caught `new Function` is reported too):
// - zod probes `new Function('')` when its first object schema is built; its jitless mode (set
//   here where zod creates its global config, so every realm has it, workers included) skips
//   the probe and parses without generated code.
// - Excalidraw subsets fonts for exports with wasm (woff2, HarfBuzz) whose old Emscripten glue
//   builds functions with `new Function` throughout. Its subsetting is skipped here before the
//   glue loads: Excalidraw already falls back to embedding the whole font (its own catch,
//   "Skipped glyph subsetting"), so an export embeds the font files used, not just their glyphs.
// A package whose code no longer matches fails the build instead of reporting quietly.
import type { Plugin } from 'vite';

const ZOD_CONFIG = /\(_a\.__zod_globalConfig = \{\}\)/;
const ZOD_CORE = /[\\/]zod[\\/]v4[\\/]core[\\/]core\.js(\?|$)/;
// subsetToBinary = async (arrayBuffer, codePoints) => { const { compress, decompress } = …
const SUBSET_TO_BINARY =
  /(async\s*\(\s*[\w$]+\s*,\s*[\w$]+\s*\)\s*=>\s*\{)(\s*(?:let|const)\s*\{\s*compress\b)/g;
const SKIP = 'throw new Error("glyph subsetting needs eval, which the CSP of mockloop forbids");';

export function removeEval(id: string, code: string): { code: string; removed: number } | null {
  if (ZOD_CORE.test(id)) {
    if (!ZOD_CONFIG.test(code)) return { code, removed: 0 };
    return {
      code: code.replace(ZOD_CONFIG, '(_a.__zod_globalConfig = { jitless: true })'),
      removed: 1,
    };
  }
  if (!/Skipped glyph subsetting/.test(code)) return null;
  let removed = 0;
  const out = code.replace(SUBSET_TO_BINARY, (_m, head: string, rest: string) => {
    removed++;
    return `${head}${SKIP}${rest}`;
  });
  return { code: out, removed };
}

function transform(id: string, code: string, fail: (msg: string) => never) {
  const r = removeEval(id, code);
  if (!r) return null;
  if (r.removed === 0)
    fail(`${id}: its eval did not match src/pwa/vite-no-eval.ts; check it against this version`);
  return { code: r.code, map: null };
}

export function noEval(): Plugin {
  return {
    name: 'mockloop-no-eval',
    enforce: 'pre',
    config() {
      // Dev pre-bundles dependencies before any plugin transform runs: patch them there too.
      return {
        optimizeDeps: {
          rolldownOptions: {
            plugins: [
              {
                name: 'mockloop-no-eval-deps',
                transform(code: string, id: string) {
                  return transform(id, code, (msg) => {
                    throw new Error(msg);
                  });
                },
              },
            ],
          },
        },
      };
    },
    transform(code, id) {
      return transform(id, code, (msg) => this.error(msg));
    },
  };
}
