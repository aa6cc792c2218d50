// The Python worker's logic, shared by the browser worker (worker.ts) and the Node test worker,
// so the tests exercise the very code the app runs.
import type { PyodideInterface } from 'pyodide';
import type { FromWorker, ToWorker } from './protocol';
import { lockDown, PYTHON_GUARD } from './sandbox';

export interface WorkerDeps {
  load(indexURL: string): Promise<PyodideInterface>;
  harness: string;
  post(m: FromWorker): void;
  /** The worker's global object, stripped of network and storage before user code runs. */
  scope: object;
  isolated(): boolean;
}

export function makeWorkerHandler(deps: WorkerDeps): (msg: ToWorker) => Promise<void> {
  let pyodide: PyodideInterface | null = null;
  let runSuite: ((json: string) => string) | null = null;
  let interrupt: Uint8Array | null = null;

  return async (msg) => {
    if (msg.type === 'init') {
      const started = performance.now();
      try {
        pyodide = await deps.load(msg.indexURL);
        if (msg.interruptBuffer) {
          interrupt = new Uint8Array(msg.interruptBuffer);
          pyodide.setInterruptBuffer(interrupt);
        }
        pyodide.runPython(deps.harness.replace(/\nif __name__ == "__main__":[\s\S]*$/, '\n'));
        runSuite = pyodide.globals.get('run_suite');
        pyodide.runPython(PYTHON_GUARD);
        const leftGlobals = lockDown(deps.scope);
        deps.post({
          type: 'ready',
          ms: performance.now() - started,
          isolated: deps.isolated(),
          leftGlobals,
        });
      } catch (e) {
        deps.post({ type: 'init-failed', message: (e as Error)?.message ?? String(e) });
      }
      return;
    }
    if (msg.type === 'run') {
      if (!runSuite || !pyodide) {
        deps.post({ type: 'failed', id: msg.id, message: 'Python is not ready', fatal: true });
        return;
      }
      if (interrupt) interrupt[0] = 0;
      const started = performance.now();
      try {
        const out = runSuite(JSON.stringify(msg.request));
        deps.post({
          type: 'result',
          id: msg.id,
          report: JSON.parse(out),
          ms: performance.now() - started,
        });
      } catch (e) {
        const text = (e as Error)?.message ?? String(e);
        if (/KeyboardInterrupt/.test(text)) {
          deps.post({ type: 'interrupted', id: msg.id });
          return;
        }
        // Anything the harness did not catch (a MemoryError out of the wasm heap, a fatal
        // Pyodide error) leaves this Python in doubt: the page replaces the worker.
        deps.post({ type: 'failed', id: msg.id, message: summarize(text), fatal: true });
      }
    }
  };
}

function summarize(text: string): string {
  const lines = text.trim().split('\n');
  const last = lines.at(-1) ?? text;
  if (/MemoryError|out of memory|Cannot enlarge memory/i.test(text)) {
    return 'out of memory: the code asked for more memory than the browser allows.';
  }
  return last.length > 300 ? `${last.slice(0, 300)}…` : last;
}
