/// <reference lib="webworker" />
// Raw Pyodide in a module worker, from the files the app serves: the floor for a Submit.
import { loadPyodide } from 'pyodide';

declare const self: DedicatedWorkerGlobalScope;

const ready = loadPyodide({ indexURL: new URL('../pyodide/', self.location.href).href });
ready.then(
  () => self.postMessage({ type: 'ready' }),
  (e: Error) => self.postMessage({ type: 'failed', message: e.message }),
);
self.onmessage = async (ev: MessageEvent<{ code: string }>) => {
  const py = await ready;
  const t0 = performance.now();
  try {
    py.runPython(ev.data.code, { globals: py.toPy({}) });
  } catch (e) {
    self.postMessage({ type: 'error', message: String(e) });
    return;
  }
  self.postMessage({ type: 'done', ms: performance.now() - t0 });
};
