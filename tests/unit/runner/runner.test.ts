// The page-side runner against the real worker logic and real Pyodide in a Node worker thread:
// time limits, interrupts, escalation to a fresh worker, the sandbox.
import { resolve } from 'node:path';
import { Worker as NodeWorker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PythonRunner } from '../../../src/runner/client';
import type { HarnessRequest } from '../../../src/runner/suite';

/** A node worker_threads Worker dressed as a Web Worker. */
function webWorkerLike(): Worker {
  const w = new NodeWorker(resolve(import.meta.dirname, 'node-worker-entry.mjs'));
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

const req = (
  source: string,
  tests: unknown[] = [{ name: 't', args: [], expected: 1 }],
): HarnessRequest => ({
  source,
  entry: 'f',
  tests,
  scale: [],
  tolerance: { rel: 1e-6, abs: 1e-9 },
  outputCap: 100_000,
});
const OK = 'def f():\n    return 1\n';

function runner(isolated: boolean) {
  let created = 0;
  const r = new PythonRunner({
    createWorker: () => {
      created++;
      return webWorkerLike();
    },
    indexURL: '',
    sharedBuffer: () => (isolated ? new SharedArrayBuffer(1) : null),
    graceMs: 700,
  });
  return { r, created: () => created };
}

describe('with the interrupt buffer (cross-origin isolated)', () => {
  const { r, created } = runner(true);
  beforeAll(() => r.warm(), 60_000);
  afterAll(() =>
    r
      .restart()
      .then(() => undefined)
      .catch(() => {}),
  );

  it('runs code and reports the result', async () => {
    const out = await r.run(req(OK), 5000);
    expect(out.kind).toBe('ok');
  });

  it('stops `while True: pass` at the limit through an interrupt, and the same worker runs again', async () => {
    const started = performance.now();
    const out = await r.run(req('def f():\n    while True:\n        pass\n'), 1000);
    const took = performance.now() - started;
    expect(out).toEqual({ kind: 'stopped', afterMs: 1000, how: 'interrupt' });
    expect(took).toBeLessThan(1700);
    expect(created()).toBe(1);
    expect((await r.run(req(OK), 5000)).kind).toBe('ok');
  });

  it('escalates to a fresh worker when the interrupt is not honoured within the grace', async () => {
    // time.sleep blocks without checking for interrupts.
    const out = await r.run(req('import time\ndef f():\n    time.sleep(30)\n    return 1\n'), 500);
    expect(out.kind).toBe('stopped');
    const again = await r.run(req(OK), 5000);
    expect(again.kind).toBe('ok');
  }, 60_000);

  it('a memory bomb ends in a clear error and the next run works', async () => {
    const bomb =
      'def f():\n    hoard = []\n    while True:\n        hoard.append(bytearray(10 ** 8))\n';
    const out = await r.run(req(bomb), 20_000);
    const error = out.kind === 'ok' ? out.report.results[0]!.error?.type : out.kind;
    expect(['MemoryError', 'crashed']).toContain(error);
    expect((await r.run(req(OK), 5000)).kind).toBe('ok');
  }, 60_000);

  it('user code cannot reach the network or stored data: those globals are gone', async () => {
    const probe =
      'def f():\n    import sys\n    return [m for m in ("js", "pyodide_js") if m in sys.modules]\n';
    const out = await r.run(req(probe, [{ name: 't', args: [], expected: [] }]), 5000);
    expect(out.kind === 'ok' && out.report.results[0]!.passed).toBe(true);
    const tryJs = await r.run(req('def f():\n    import js\n    return 1\n'), 5000);
    expect(tryJs.kind === 'ok' && tryJs.report.results[0]!.error?.type).toBe('ModuleNotFoundError');
    // The worker removed every network and storage global before any user code ran…
    expect(r.status.leftGlobals).toEqual([]);
    // …and Python's routes to JavaScript are closed too (or, if one opens, finds nothing).
    const probeJs =
      'def f():\n    try:\n        from pyodide.code import run_js\n        return run_js("[typeof fetch, typeof XMLHttpRequest, typeof indexedDB].join()")\n    except ImportError:\n        return "blocked"\n';
    const js = await r.run(req(probeJs, [{ name: 't', args: [], expected: 'blocked' }]), 5000);
    const got = js.kind === 'ok' ? js.report.results[0]!.got : null;
    expect(['blocked', 'undefined,undefined,undefined']).toContain(got);
  });
});

describe('without isolation', () => {
  const { r, created } = runner(false);
  beforeAll(() => r.warm(), 60_000);

  it('stops a runaway run by replacing the worker, and the next run works', async () => {
    const out = await r.run(req('def f():\n    while True:\n        pass\n'), 800);
    expect(out).toEqual({ kind: 'stopped', afterMs: 800, how: 'restart' });
    expect((await r.run(req(OK), 5000)).kind).toBe('ok');
    expect(created()).toBe(2);
    await r.restart().catch(() => {});
  }, 60_000);
});
