// The Python worker's logic, shared by the browser worker (worker.ts) and the Node test worker,
// so the tests exercise the very code the app runs.
import type { PyodideInterface } from 'pyodide';
import type { FromWorker, ToWorker } from './protocol';
import { lockDown, PYTHON_GUARD } from './sandbox';

/**
 * Where Python's memory after start-up (the interpreter, its start-up imports and the harness,
 * before any user code; ~30 MB) is kept between visits. Restoring it skips the interpreter's
 * start-up, most of a cold start; a snapshot that is missing, unreadable or fails to restore
 * means a normal start, which writes a new one.
 */
export interface SnapshotStore {
  read(key: string): Promise<Uint8Array | null>;
  /** Replaces whatever was kept before (an older Pyodide's or harness's snapshot). */
  write(key: string, bytes: Uint8Array): Promise<void>;
}

export type LoadMode =
  | { snapshot: 'none' }
  | { snapshot: 'make' }
  | { snapshot: 'restore'; from: Uint8Array };

export interface WorkerDeps {
  load(indexURL: string, mode: LoadMode): Promise<PyodideInterface>;
  /** Absent: every start is a normal one. */
  snapshots?: SnapshotStore;
  /** What a snapshot was made by (Pyodide's version); with the harness, the snapshot's key. */
  runtimeVersion?: string;
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
        const python = await startPython(deps, msg.indexURL);
        pyodide = python.pyodide;
        runSuite = python.runSuite;
        if (msg.interruptBuffer) {
          interrupt = new Uint8Array(msg.interruptBuffer);
          pyodide.setInterruptBuffer(interrupt);
        }
        pyodide.runPython(PYTHON_GUARD);
        const leftGlobals = lockDown(deps.scope);
        deps.post({
          type: 'ready',
          ms: performance.now() - started,
          isolated: deps.isolated(),
          leftGlobals,
          restored: python.restored,
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

/** The harness without its command-line part: what the worker runs before user code. */
export const harnessOnly = (source: string) =>
  source.replace(/\nif __name__ == "__main__":[\s\S]*$/, '\n');

/** FNV-1a over the text: a snapshot made with another harness is never restored. */
function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}

async function startPython(
  deps: WorkerDeps,
  indexURL: string,
): Promise<{ pyodide: PyodideInterface; runSuite: (json: string) => string; restored: boolean }> {
  const store = deps.snapshots;
  const key = `pyodide-${deps.runtimeVersion ?? 'unknown'}-harness-${textHash(deps.harness)}`;
  if (store) {
    const from = await store.read(key).catch(() => null);
    if (from) {
      try {
        const pyodide = await deps.load(indexURL, { snapshot: 'restore', from });
        const runSuite = pyodide.globals.get('run_suite');
        if (typeof runSuite === 'function') return { pyodide, runSuite, restored: true };
      } catch {
        // Not a snapshot this Pyodide can restore: start normally and keep a new one.
      }
    }
  }
  const pyodide = await deps.load(indexURL, { snapshot: store ? 'make' : 'none' });
  pyodide.runPython(harnessOnly(deps.harness));
  if (store) {
    // Before any JavaScript object reaches Python (the snapshot cannot hold one), and before
    // user code: what is restored later is exactly this state.
    const bytes = pyodide.makeMemorySnapshot();
    void store.write(key, bytes).catch(() => {});
  }
  return { pyodide, runSuite: pyodide.globals.get('run_suite'), restored: false };
}

function summarize(text: string): string {
  const lines = text.trim().split('\n');
  const last = lines.at(-1) ?? text;
  if (/MemoryError|out of memory|Cannot enlarge memory/i.test(text)) {
    return 'out of memory: the code asked for more memory than the browser allows.';
  }
  return last.length > 300 ? `${last.slice(0, 300)}…` : last;
}
