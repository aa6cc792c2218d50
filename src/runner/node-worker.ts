// The app's worker logic (worker-core) in a Node worker thread with real Pyodide: check:rounds
// and the runner tests drive it through the app's own PythonRunner, so time limits, interrupts
// and restarts are the ones the page uses. Node only; never bundled.
import { parentPort } from 'node:worker_threads';
import { loadPyodide } from 'pyodide';
import type { ToWorker } from './protocol';
import { HARNESS_SOURCE } from './pyodide-node';
import { makeWorkerHandler } from './worker-core';

const port = parentPort!;
const handle = makeWorkerHandler({
  load: () => loadPyodide({ stdout: () => {}, stderr: () => {} }),
  harness: HARNESS_SOURCE,
  post: (m) => port.postMessage(m),
  scope: globalThis,
  isolated: () => true,
});
port.on('message', (m: ToWorker) => void handle(m));
