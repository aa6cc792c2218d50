// The page's side of the Python worker: start it early, run a suite with a time limit, and
// stop runaway code — through Pyodide's interrupt buffer when the page is cross-origin
// isolated, and by replacing the worker when that does not work within a short grace.
import type { FromWorker, ToWorker } from './protocol';
import type { HarnessReport, HarnessRequest } from './suite';

export type PythonState = 'off' | 'starting' | 'ready' | 'running' | 'restarting' | 'failed';

export interface PythonStatus {
  state: PythonState;
  /** Milliseconds the last start took. */
  startMs?: number;
  message?: string;
  isolated?: boolean;
  /** Globals the worker could not remove before user code ran (expected: none). */
  leftGlobals?: string[];
  /** The last start restored the snapshot of an earlier one (see worker-core's SnapshotStore). */
  restored?: boolean;
}

export type RunOutcome =
  | { kind: 'ok'; report: HarnessReport; ms: number }
  | {
      kind: 'stopped';
      afterMs: number;
      how: 'interrupt' | 'restart';
      /** What the run did before it was stopped (its printed output), when Python could say. */
      report?: HarnessReport;
    }
  | { kind: 'crashed'; message: string };

export interface RunnerOptions {
  createWorker: () => Worker;
  indexURL: string;
  /** Only when the page is cross-origin isolated. */
  sharedBuffer?: () => SharedArrayBuffer | null;
  graceMs?: number;
}

export class PythonRunner {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private interrupt: Uint8Array | null = null;
  private nextId = 1;
  private pending = new Map<number, (m: FromWorker) => void>();
  private listeners = new Set<(s: PythonStatus) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  /** Runs asked for and not yet finished (the one running included). */
  private active = 0;
  /** The current worker said it is ready. */
  private up = false;
  status: PythonStatus = { state: 'off' };

  constructor(private readonly opts: RunnerOptions) {}

  subscribe(fn: (s: PythonStatus) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private setStatus(s: PythonStatus) {
    this.status = s;
    for (const l of this.listeners) l(s);
  }

  /** Starts Python if it is not running. Safe to call often. */
  warm(): Promise<void> {
    if (this.ready) return this.ready;
    this.setStatus({ state: this.status.state === 'off' ? 'starting' : 'restarting' });
    const worker = this.opts.createWorker();
    this.worker = worker;
    this.up = false;
    const sab = this.opts.sharedBuffer?.() ?? null;
    this.interrupt = sab ? new Uint8Array(sab) : null;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.onmessage = (ev: MessageEvent<FromWorker>) => {
        const m = ev.data;
        if (m.type === 'ready') {
          this.up = true;
          this.setStatus({
            state: 'ready',
            startMs: m.ms,
            isolated: m.isolated,
            leftGlobals: m.leftGlobals,
            restored: m.restored === true,
          });
          resolve();
        } else if (m.type === 'init-failed') {
          this.setStatus({ state: 'failed', message: m.message });
          this.ready = null;
          reject(new Error(m.message));
        } else if ('id' in m) {
          this.pending.get(m.id)?.(m);
        }
      };
      worker.onerror = (ev) => {
        ev.preventDefault?.();
        const message = ev.message || 'the Python worker stopped';
        if (this.status.state === 'starting' || this.status.state === 'restarting') {
          this.setStatus({ state: 'failed', message });
          this.ready = null;
          reject(new Error(message));
        }
        for (const [id, done] of this.pending) done({ type: 'failed', id, message, fatal: true });
      };
    });
    const init: ToWorker = { type: 'init', indexURL: this.opts.indexURL, interruptBuffer: sab };
    worker.postMessage(init);
    return this.ready;
  }

  /** Replaces the worker (after a runaway run or a crash) and starts the new one at once. */
  restart(): Promise<void> {
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
    this.up = false;
    for (const [id, done] of this.pending)
      done({ type: 'failed', id, message: 'restarted', fatal: true });
    this.pending.clear();
    this.setStatus({ state: 'restarting' });
    return this.warm();
  }

  /**
   * Runs one suite; runs are queued so two clicks never share a worker. With nothing queued and
   * Python up, the request is posted before run() returns: the worker starts while the page
   * does its own bookkeeping for the click.
   */
  run(request: HarnessRequest, limitMs = 5000): Promise<RunOutcome> {
    const next =
      this.active === 0
        ? this.runNow(request, limitMs)
        : this.queue.then(() => this.runNow(request, limitMs));
    this.active++;
    this.queue = next
      .catch(() => {})
      .then(() => {
        this.active--;
      });
    return next;
  }

  private async runNow(request: HarnessRequest, limitMs: number): Promise<RunOutcome> {
    if (!this.up || !this.worker) {
      try {
        await this.warm();
      } catch (e) {
        return { kind: 'crashed', message: `Python could not start: ${(e as Error).message}` };
      }
    }
    const worker = this.worker!;
    const id = this.nextId++;
    const graceMs = this.opts.graceMs ?? 700;
    this.setStatus({ ...this.status, state: 'running' });
    if (this.interrupt) this.interrupt[0] = 0;
    const reply = new Promise<FromWorker>((resolve) => this.pending.set(id, resolve));
    const timeout = (ms: number) =>
      new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms));
    const msg: ToWorker = { type: 'run', id, request };
    worker.postMessage(msg);

    const first = await Promise.race([reply, timeout(limitMs)]);
    if (first === 'timeout') {
      if (this.interrupt) {
        // SIGINT: Python raises KeyboardInterrupt at its next check, and the worker lives on.
        this.interrupt[0] = 2;
        const second = await Promise.race([reply, timeout(graceMs)]);
        if (second !== 'timeout' && !(second.type === 'failed' && second.fatal)) {
          this.pending.delete(id);
          this.setStatus({ ...this.status, state: 'ready' });
          if (second.type === 'result') {
            // Finished just as the limit came: the whole report stands.
            if (!second.report.stopped) return { kind: 'ok', report: second.report, ms: second.ms };
            return { kind: 'stopped', afterMs: limitMs, how: 'interrupt', report: second.report };
          }
          return { kind: 'stopped', afterMs: limitMs, how: 'interrupt' };
        }
      }
      // Stuck in one long operation (or time.sleep), or no isolation: a fresh worker.
      this.pending.delete(id);
      void this.restart();
      return { kind: 'stopped', afterMs: limitMs, how: 'restart' };
    }
    this.pending.delete(id);
    const m = first;
    if (m.type === 'result') {
      this.setStatus({ ...this.status, state: 'ready' });
      return { kind: 'ok', report: m.report, ms: m.ms };
    }
    if (m.type === 'interrupted') {
      this.setStatus({ ...this.status, state: 'ready' });
      return { kind: 'stopped', afterMs: limitMs, how: 'interrupt' };
    }
    if (m.type === 'failed') {
      if (m.fatal) void this.restart();
      else this.setStatus({ ...this.status, state: 'ready' });
      return { kind: 'crashed', message: m.message };
    }
    return { kind: 'crashed', message: 'unexpected reply from Python' };
  }
}

let shared: PythonRunner | null = null;

/** The app's one Python runner, created on first use. */
export function python(): PythonRunner {
  if (!shared) {
    shared = new PythonRunner({
      createWorker: () =>
        new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'python' }),
      indexURL: new URL('pyodide/', document.baseURI).href,
      sharedBuffer: () => (globalThis.crossOriginIsolated ? new SharedArrayBuffer(1) : null),
    });
  }
  return shared;
}
