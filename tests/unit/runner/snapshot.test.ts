// Python's start-up snapshot, with the worker's own logic and real Pyodide: the first start
// keeps its memory after the harness (before any user code), a later start restores it and runs
// the same tests, and a snapshot that is unreadable or made by another harness is never used.
import { loadPyodide } from 'pyodide';
import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../../../src/runner/protocol';
import { HARNESS_SOURCE } from '../../../src/runner/pyodide-node';
import type { HarnessRequest } from '../../../src/runner/suite';
import { makeWorkerHandler, type SnapshotStore } from '../../../src/runner/worker-core';

function memoryStore() {
  const kept = new Map<string, Uint8Array>();
  let writes = 0;
  const store: SnapshotStore = {
    read: async (key) => kept.get(key) ?? null,
    write: async (key, bytes) => {
      kept.clear();
      kept.set(key, bytes);
      writes++;
    },
  };
  return { store, kept, writes: () => writes };
}

async function start(store: SnapshotStore, harness = HARNESS_SOURCE) {
  const posted: FromWorker[] = [];
  const handle = makeWorkerHandler({
    load: (_url, mode) =>
      loadPyodide({
        stdout: () => {},
        stderr: () => {},
        ...(mode.snapshot === 'make' ? { _makeSnapshot: true } : {}),
        ...(mode.snapshot === 'restore' ? { _loadSnapshot: mode.from } : {}),
      }),
    snapshots: store,
    runtimeVersion: 'test',
    harness,
    post: (m) => posted.push(m),
    scope: { fetch: () => {}, indexedDB: {} },
    isolated: () => true,
  });
  await handle({ type: 'init', indexURL: '', interruptBuffer: null });
  const ready = posted.find((m) => m.type === 'ready');
  if (ready?.type !== 'ready') throw new Error(JSON.stringify(posted));
  let id = 0;
  const run = async (source: string, tests: unknown[]) => {
    const request: HarnessRequest = {
      source,
      entry: 'f',
      tests: tests as HarnessRequest['tests'],
      scale: [],
      tolerance: { rel: 1e-6, abs: 1e-9 },
      outputCap: 100_000,
    };
    const n = ++id;
    await handle({ type: 'run', id: n, request });
    const out = posted.find((m) => 'id' in m && m.id === n);
    if (out?.type !== 'result') throw new Error(JSON.stringify(out));
    return out.report.results.map((r) => [r.passed, r.got]);
  };
  return { ready, run };
}

// Also leaves a mark on the interpreter itself, which a later run in the same Python sees.
const FRACTIONS =
  'import sys\nfrom fractions import Fraction\nsys.left_by_user = 42\ndef f(a, b):\n    return str(Fraction(a, b))\n';
const MARK_PROBE = 'import sys\ndef f():\n    return hasattr(sys, "left_by_user")\n';

describe("Python's start-up snapshot", () => {
  it('a first start keeps one; a later start restores it, runs the same tests, and holds nothing of the earlier user code', async () => {
    const mem = memoryStore();
    const first = await start(mem.store);
    expect(first.ready.restored).toBe(false);
    await new Promise((r) => setTimeout(r, 0));
    expect(mem.writes()).toBe(1);
    expect([...mem.kept.keys()]).toEqual([expect.stringMatching(/^pyodide-test-harness-/)]);
    expect(await first.run(FRACTIONS, [{ name: 't', args: [3, 6], expected: '1/2' }])).toEqual([
      [true, '1/2'],
    ]);
    expect(await first.run(MARK_PROBE, [{ name: 't', args: [], expected: true }])).toEqual([
      [true, true],
    ]);

    const second = await start(mem.store);
    expect(second.ready).toMatchObject({ restored: true, leftGlobals: [] });
    expect(await second.run(MARK_PROBE, [{ name: 't', args: [], expected: false }])).toEqual([
      [true, false],
    ]);
    // A module first imported after the restore comes from the stdlib as usual.
    expect(await second.run(FRACTIONS, [{ name: 't', args: [2, 8], expected: '1/4' }])).toEqual([
      [true, '1/4'],
    ]);
    expect(await second.run(MARK_PROBE, [{ name: 't', args: [], expected: true }])).toEqual([
      [true, true],
    ]);
    expect(mem.writes()).toBe(1);
  }, 120_000);

  it('an unreadable snapshot means a normal start, which keeps a good one', async () => {
    const mem = memoryStore();
    await start(mem.store);
    const key = [...mem.kept.keys()][0]!;
    mem.kept.set(key, new Uint8Array(1024).fill(7));
    const broken = await start(mem.store);
    expect(broken.ready.restored).toBe(false);
    expect(await broken.run(FRACTIONS, [{ name: 't', args: [1, 3], expected: '1/3' }])).toEqual([
      [true, '1/3'],
    ]);
    await new Promise((r) => setTimeout(r, 0));
    expect(mem.kept.get(key)!.length).toBeGreaterThan(1_000_000);
    expect((await start(mem.store)).ready.restored).toBe(true);
  }, 180_000);

  it('a snapshot made with another harness is not restored, and is replaced', async () => {
    const mem = memoryStore();
    await start(mem.store, `${HARNESS_SOURCE}\n# an older harness\n`);
    const before = [...mem.kept.keys()];
    const now = await start(mem.store);
    expect(now.ready.restored).toBe(false);
    await new Promise((r) => setTimeout(r, 0));
    const after = [...mem.kept.keys()];
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
  }, 120_000);
});
