// Serves Pyodide's runtime files from the app's own origin: in dev straight from
// node_modules/pyodide, in the build copied to dist/pyodide/. Nothing comes from a CDN.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

export const PYODIDE_FILES = [
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];

const TYPES: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.json': 'application/json',
};

export function pyodideDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pyodide/package.json'));
}

export function pyodideAssets(): Plugin {
  const dir = pyodideDir();
  return {
    name: 'mockloop-pyodide-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/pyodide\/([\w.-]+)$/.exec((req.url ?? '').split('?')[0]!);
        const file = m?.[1];
        if (!file || !PYODIDE_FILES.includes(file) || !existsSync(join(dir, file))) return next();
        res.setHeader(
          'Content-Type',
          TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream',
        );
        res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
        createReadStream(join(dir, file)).pipe(res);
      });
    },
    generateBundle() {
      for (const file of PYODIDE_FILES) {
        this.emitFile({
          type: 'asset',
          fileName: `pyodide/${file}`,
          source: readFileSync(join(dir, file)),
        });
      }
    },
  };
}
