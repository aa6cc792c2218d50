// The page-side runner against the real worker logic and real Pyodide in a Node worker thread:
// time limits, interrupts, escalation to a fresh worker, the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeRunner } from '../../../src/runner/pyodide-node';
import type { HarnessRequest } from '../../../src/runner/suite';

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
  const r = startNodeRunner({ isolated, graceMs: 700, onWorker: () => created++ });
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
    expect(out).toMatchObject({ kind: 'stopped', afterMs: 1000, how: 'interrupt' });
    expect(took).toBeLessThan(1700);
    expect(created()).toBe(1);
    expect((await r.run(req(OK), 5000)).kind).toBe('ok');
  });

  it('a run that floods output and is stopped keeps what it printed, up to the cap, and says it was cut', async () => {
    const flood = 'def f():\n    while True:\n        print("spam")\n';
    const out = await r.run(
      req(flood, [
        { name: 'first', args: [], expected: 1 },
        { name: 'second', args: [], expected: 1 },
      ]),
      1000,
    );
    expect(out.kind).toBe('stopped');
    if (out.kind !== 'stopped') return;
    expect(out.how).toBe('interrupt');
    expect(out.report?.stopped).toBe(true);
    expect(out.report?.stdoutTruncated).toBe(true);
    // It was stopped in the first test, with what that test printed until the cap.
    expect(out.report?.results).toHaveLength(1);
    expect(out.report?.results[0]).toMatchObject({ name: 'first', stopped: true, passed: false });
    expect(out.report?.results[0]?.stdout).toBe('spam\n'.repeat(20_000));
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
    // The limit is far above the second or two it takes alone, so a busy machine still reaches
    // the allocation failure rather than the clock.
    const out = await r.run(req(bomb), 45_000);
    const error = out.kind === 'ok' ? out.report.results[0]!.error?.type : out.kind;
    expect(['MemoryError', 'crashed']).toContain(error);
    expect((await r.run(req(OK), 5000)).kind).toBe('ok');
  }, 90_000);

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
