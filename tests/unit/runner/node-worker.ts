// The app's worker logic (worker-core) in a Node worker thread with real Pyodide, so the
// runner's time limits, interrupts and restarts are tested against real Python.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { loadPyodide } from 'pyodide';
import type { ToWorker } from '../../../src/runner/protocol';
import { makeWorkerHandler } from '../../../src/runner/worker-core';

const harness = readFileSync(new URL('../../../src/runner/harness.py', import.meta.url), 'utf8');
const port = parentPort!;
const handle = makeWorkerHandler({
  load: () => loadPyodide({ stdout: () => {}, stderr: () => {} }),
  harness,
  post: (m) => port.postMessage(m),
  scope: globalThis,
  isolated: () => true,
});
port.on('message', (m: ToWorker) => void handle(m));
