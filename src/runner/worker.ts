/// <reference lib="webworker" />
// The Python worker: Pyodide served by the app itself, the test harness, and nothing else.
import { loadPyodide, version } from 'pyodide';
import HARNESS from './harness.py?raw';
import type { ToWorker } from './protocol';
import { makeWorkerHandler, type SnapshotStore } from './worker-core';

declare const self: DedicatedWorkerGlobalScope;
const post = self.postMessage.bind(self);

// Taken before the worker removes them from its scope (lockDown): the snapshot is read and
// written by this code only, never reachable from the person's Python.
const cacheStorage = self.caches as CacheStorage | undefined;
const ResponseCtor = Response;
const SNAPSHOT_CACHE = 'mockloop-python-snapshot';
const snapshotUrl = (key: string) => new URL(`__python-snapshot/${key}`, self.location.href).href;

/** Python's start-up state in the Cache Storage of the app's origin, one entry at a time. */
const snapshots: SnapshotStore | undefined = cacheStorage && {
  async read(key) {
    const cache = await cacheStorage.open(SNAPSHOT_CACHE);
    const hit = await cache.match(snapshotUrl(key));
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  },
  async write(key, bytes) {
    const cache = await cacheStorage.open(SNAPSHOT_CACHE);
    for (const old of await cache.keys()) await cache.delete(old);
    await cache.put(
      snapshotUrl(key),
      new ResponseCtor(bytes as Uint8Array<ArrayBuffer>, {
        headers: { 'Content-Type': 'application/octet-stream' },
      }),
    );
  },
};

const handle = makeWorkerHandler({
  load: (indexURL, mode) =>
    loadPyodide({
      indexURL,
      stdout: () => {},
      stderr: () => {},
      ...(mode.snapshot === 'make' ? { _makeSnapshot: true } : {}),
      ...(mode.snapshot === 'restore' ? { _loadSnapshot: mode.from } : {}),
    }),
  snapshots,
  runtimeVersion: version,
  harness: HARNESS,
  post,
  scope: self,
  isolated: () => self.crossOriginIsolated === true,
});

self.onmessage = (ev: MessageEvent<ToWorker>) => void handle(ev.data);
