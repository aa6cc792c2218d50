/// <reference lib="webworker" />
// The Python worker: Pyodide served by the app itself, the test harness, and nothing else.
import { loadPyodide } from 'pyodide';
import HARNESS from './harness.py?raw';
import type { ToWorker } from './protocol';
import { makeWorkerHandler } from './worker-core';

declare const self: DedicatedWorkerGlobalScope;
const post = self.postMessage.bind(self);

const handle = makeWorkerHandler({
  load: (indexURL) => loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} }),
  harness: HARNESS,
  post,
  scope: self,
  isolated: () => self.crossOriginIsolated === true,
});

self.onmessage = (ev: MessageEvent<ToWorker>) => void handle(ev.data);
