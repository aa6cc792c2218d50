// Serves Excalidraw's fonts from the app's own origin — in dev straight from the package, in the
// build copied to <out>/excalidraw/fonts/ — and removes the one place Excalidraw would reach for
// a CDN. Excalidraw gives each font face two sources: the folder named by
// window.EXCALIDRAW_ASSET_PATH and, after it, a CDN fallback; a font that failed to load here
// (offline, a missing file) would be fetched from the CDN. Dropping the fallback from its code,
// in the build and in dev's pre-bundle, keeps every request on the origin whatever happens; a
// new Excalidraw whose code no longer matches fails the build instead of leaking quietly.
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

/** Under the app's base: window.EXCALIDRAW_ASSET_PATH points here. */
export const EXCALIDRAW_ASSET_DIR = 'excalidraw';

export function excalidrawFontsDir(): string {
  const require = createRequire(import.meta.url);
  // The package exports no package.json; its main entry is dist/prod/index.js.
  return join(dirname(require.resolve('@excalidraw/excalidraw')), 'fonts');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

// Both builds of 0.18 push the CDN as the last source of every font face:
//   prod: r.push(new URL(n,jn.ASSETS_FALLBACK_URL))   dev: urls.push(new URL(assetUrl, X.ASSETS_FALLBACK_URL))
const FALLBACK_PUSH =
  /(\b[\w$]+)\.push\(\s*new URL\(\s*[\w$]+\s*,\s*[\w$]+\.ASSETS_FALLBACK_URL\s*\)\s*\)/g;

/** Excalidraw's code without its CDN fallback, or null when the code has none to remove. */
export function stripFontFallback(code: string): { code: string; removed: number } | null {
  if (!code.includes('ASSETS_FALLBACK_URL')) return null;
  let removed = 0;
  const out = code.replace(FALLBACK_PUSH, (_m, list: string) => {
    removed++;
    return `${list}.length`;
  });
  return { code: out, removed };
}

const isExcalidraw = (id: string) =>
  /[\\/]@excalidraw[\\/]excalidraw[\\/]dist[\\/]/.test(id) && /\.m?js(\?|$)/.test(id);

function transform(id: string, code: string, fail: (msg: string) => never) {
  if (!isExcalidraw(id)) return null;
  const r = stripFontFallback(code);
  if (!r) return null;
  if (r.removed === 0)
    fail(
      `${id} names ASSETS_FALLBACK_URL but its CDN fallback did not match: check src/kinds/system-design/vite-excalidraw.ts against this Excalidraw version`,
    );
  return { code: r.code, map: null };
}

export function excalidrawAssets(): Plugin {
  const dir = excalidrawFontsDir();
  return {
    name: 'mockloop-excalidraw-assets',
    config() {
      // Dev pre-bundles Excalidraw before any plugin transform runs: strip it there too.
      return {
        optimizeDeps: {
          rolldownOptions: {
            plugins: [
              {
                name: 'mockloop-excalidraw-no-cdn',
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
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = decodeURIComponent((req.url ?? '').split('?')[0]!);
        const m = new RegExp(`/${EXCALIDRAW_ASSET_DIR}/fonts/(.+)$`).exec(url);
        if (!m || m[1]!.includes('..')) return next();
        const file = join(dir, ...m[1]!.split('/'));
        if (!file.startsWith(dir + sep) || !existsSync(file)) return next();
        res.setHeader(
          'Content-Type',
          file.endsWith('.woff2') ? 'font/woff2' : 'application/octet-stream',
        );
        res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
        res.setHeader('Cache-Control', 'max-age=31536000, immutable');
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const file of listFiles(dir)) {
        this.emitFile({
          type: 'asset',
          fileName: `${EXCALIDRAW_ASSET_DIR}/fonts/${relative(dir, file).split(sep).join('/')}`,
          source: readFileSync(file),
        });
      }
    },
  };
}
