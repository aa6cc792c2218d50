// Real Pyodide under Node, for check:rounds and the harness tests. Not bundled into the app.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker as NodeWorker } from 'node:worker_threads';
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { PythonRunner } from './client';
import type { HarnessReport, HarnessRequest } from './suite';
import { harnessOnly } from './worker-core';

export const HARNESS_SOURCE = readFileSync(
  fileURLToPath(new URL('./harness.py', import.meta.url)),
  'utf8',
);

export interface NodePython {
  pyodide: PyodideInterface;
  run(request: HarnessRequest): HarnessReport;
}

export async function startNodePython(): Promise<NodePython> {
  const pyodide = await loadPyodide({ stdout: () => {}, stderr: () => {} });
  pyodide.runPython(harnessOnly(HARNESS_SOURCE), {
    globals: pyodide.globals,
  });
  const runSuite = pyodide.globals.get('run_suite') as (json: string) => string;
  return {
    pyodide,
    run: (request) => JSON.parse(runSuite(JSON.stringify(request))) as HarnessReport,
  };
}

/** A node worker_threads Worker dressed as a Web Worker, running worker-core (node-worker.ts). */
function nodeWebWorker(): Worker {
  const w = new NodeWorker(fileURLToPath(new URL('./node-worker-entry.mjs', import.meta.url)));
  const shim = {
    onmessage: null as ((ev: MessageEvent) => void) | null,
    onerror: null as ((ev: ErrorEvent) => void) | null,
    postMessage: (m: unknown) => w.postMessage(m),
    terminate: () => void w.terminate(),
  };
  w.on('message', (data) => shim.onmessage?.({ data } as MessageEvent));
  w.on('error', (e) =>
    shim.onerror?.({ message: e.message, preventDefault() {} } as unknown as ErrorEvent),
  );
  return shim as unknown as Worker;
}

/**
 * The app's PythonRunner over real Pyodide in Node worker threads: runs can be stopped at a time
 * limit (the interrupt buffer, or a fresh worker when Python does not check for it).
 * isolated: false gives no interrupt buffer, as on a page without COOP/COEP.
 */
export function startNodeRunner(
  opts: { isolated?: boolean; graceMs?: number; onWorker?: () => void } = {},
) {
  return new PythonRunner({
    createWorker: () => {
      opts.onWorker?.();
      return nodeWebWorker();
    },
    indexURL: '',
    sharedBuffer: () => (opts.isolated === false ? null : new SharedArrayBuffer(1)),
    graceMs: opts.graceMs ?? 700,
  });
}
