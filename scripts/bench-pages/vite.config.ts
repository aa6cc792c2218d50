// The bare pages the bench compares the app with, built from the same packages and served with
// the app's cross-origin isolation headers (COOP/COEP, which decide how Pyodide's worker may be
// interrupted and what the page may load), not its Content-Security-Policy: a bare page is the
// package alone, as its own documentation sets it up. Every folder here with an index.html is
// one page (`<name>/index.html`); the bench builds them all at once into BENCH_PAGES_OUT (a temp
// dir), never into the app's output.
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { pyodideAssets } from '../../src/runner/vite-pyodide';

const root = import.meta.dirname;
const pages = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'index.html')))
  .map((d) => d.name);
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  plugins: [react(), pyodideAssets()],
  preview: { headers: isolation, strictPort: true },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
    emptyOutDir: true,
    outDir: process.env.BENCH_PAGES_OUT ?? join(tmpdir(), 'mockloop-bench-pages'),
    rollupOptions: {
      input: Object.fromEntries(pages.map((p) => [p, join(root, p, 'index.html')])),
    },
  },
});
