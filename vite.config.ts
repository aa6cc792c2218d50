import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { roundsPlugin } from './src/content/vite-plugin';
import { kindSpecs } from './src/kinds/registry';
import { excalidrawAssets } from './src/kinds/system-design/vite-excalidraw';
import { pyodideAssets } from './src/runner/vite-pyodide';

// Cross-origin isolation lets the Python worker be interrupted through a SharedArrayBuffer
// (stopping `while True: pass` in milliseconds instead of restarting the worker).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  plugins: [
    react(),
    roundsPlugin({ root: import.meta.dirname, specs: kindSpecs }),
    pyodideAssets(),
    excalidrawAssets(),
  ],
  server: { port: 5173, strictPort: true, headers: isolation },
  preview: { port: 4173, strictPort: true, headers: isolation },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['pyodide'] },
  // MOCKLOOP_OUT lets two builds (a bench and a test run, say) live side by side.
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    outDir: process.env.MOCKLOOP_OUT ?? 'dist',
  },
});
