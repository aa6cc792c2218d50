import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { contentKinds } from './src/content/kinds';
import { roundsPlugin } from './src/content/vite-plugin';
import { kindSpecs } from './src/kinds/registry';
import { excalidrawAssets } from './src/kinds/system-design/vite-excalidraw';
import { DEV_HEADERS, PREVIEW_HEADERS } from './src/pwa/headers';
import { cspReports } from './src/pwa/vite-csp-report';
import { noEval } from './src/pwa/vite-no-eval';
import { pyodideAssets } from './src/runner/vite-pyodide';

// Headers (src/pwa/headers.ts): cross-origin isolation lets the Python worker be interrupted
// through a SharedArrayBuffer (stopping `while True: pass` in milliseconds instead of restarting
// the worker); a strict Content-Security-Policy, its violations reported to the preview server.

// Each kind's content rules (src/kinds/<kind>/content.ts) load here, under Node, with the config:
// the plugin checks rounds/ with them, and the app's bundle never holds them.
const kinds = await contentKinds(kindSpecs);

export default defineConfig({
  base: './',
  plugins: [
    react(),
    roundsPlugin({ root: import.meta.dirname, kinds }),
    pyodideAssets(),
    excalidrawAssets(),
    noEval(),
    cspReports(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/pwa',
      filename: 'sw.ts',
      // Registered by src/pwa/register.ts, which also runs the update prompt.
      injectRegister: false,
      registerType: 'prompt',
      // The icons are build files like any other: globPatterns lists them.
      includeManifestIcons: false,
      injectManifest: {
        rollupFormat: 'iife',
        // Every file of the build, whatever kind it belongs to (tests/unit/pwa/precache.test.ts).
        globPatterns: ['**/*'],
        // The worker itself; the web manifest is listed by the plugin.
        globIgnores: ['sw.js', 'manifest.webmanifest'],
        // Pyodide's wasm (9.6 MB), Monaco (3.3 MB) and the stdlib (2.5 MB) are over Workbox's
        // 2 MiB default.
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
        // Hashed names need no revision: Workbox keys them by URL alone.
        dontCacheBustURLsMatching: /^assets\//,
      },
      manifest: {
        name: 'mockloop — ML interview loops',
        short_name: 'mockloop',
        description:
          'Rehearse machine-learning interview loops in the browser: timed rounds, anchored rubrics, honest review.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#2450c8',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
    }),
  ],
  server: { port: 5173, strictPort: true, headers: DEV_HEADERS },
  preview: { port: 4173, strictPort: true, headers: PREVIEW_HEADERS },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['pyodide'] },
  // MOCKLOOP_OUT lets two builds (a bench and a test run, say) live side by side.
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // Fonts stay files, never data: URLs, so the policy's font-src can be 'self' alone.
    assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined),
    outDir: process.env.MOCKLOOP_OUT ?? 'dist',
  },
});
