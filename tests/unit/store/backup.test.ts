import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fundamentalsSpec } from '../../../src/kinds/fundamentals/spec';
import { createAppStore } from '../../../src/store/app-store';
import { type Db, openDb } from '../../../src/store/db';
import { makeCatalog } from '../../helpers/factories';
import { memoryStorage } from '../../helpers/memory-storage';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/backups');
const reasons = JSON.parse(readFileSync(join(FIXTURES, 'reasons.json'), 'utf8')) as Record<
  string,
  string
>;

let n = 0;
async function makeStore(name = `backup-${n++}`) {
  let t = Date.UTC(2026, 10, 27, 9);
  let ids = 0;
  const settings = memoryStorage();
  const store = createAppStore({
    catalog: makeCatalog(),
    kinds: [{ spec: fundamentalsSpec }],
    openDb: () => openDb(name),
    now: () => t,
    newId: () => `${name}-s${++ids}`,
    settingsStorage: settings,
  });
  await store.getState().init();
  return { store, name, settings, tick: (ms: number) => (t += ms) };
}

/** Everything in the database, as plain data (blobs as their bytes), in key order. */
async function dumpDb(db: Db) {
  const out: Record<string, unknown[]> = {};
  for (const name of ['sessions', 'answers', 'timeline', 'projects', 'media'] as const) {
    const all = await db.getAll(name);
    out[name] = await Promise.all(
      all.map(async (r) =>
        'blob' in r ? { ...r, blob: new Uint8Array(await (r.blob as Blob).arrayBuffer()) } : r,
      ),
    );
  }
  return out;
}

/** A store with a played loop, an answer, a timeline piece, a project and a recording. */
async function filledStore() {
  const s = await makeStore();
  const { store } = s;
  const id = await store.getState().newSession({ type: 'track', trackId: 'mle' });
  await store.getState().openSession(id);
  store.getState().dispatch({ type: 'start' });
  s.tick(60_000);
  store.getState().setAnswer(0, { answers: { q1: 'Variance is the spread of the estimator.' } });
  store.getState().putTimeline(0, 0, { note: 'a piece' });
  store.getState().putMedia(0, {
    clip: 'probe-1',
    seq: 0,
    blob: new Blob([new Uint8Array([1, 2, 3, 250])], { type: 'audio/webm' }),
    mimeType: 'audio/webm',
    at: 5,
  });
  s.tick(60_000);
  store.getState().dispatch({ type: 'finish', reason: 'done' });
  store.getState().dispatch({
    type: 'score',
    index: 0,
    scores: { accuracy: 3, depth: 2, clarity: 4, examples: 3 },
    note: 'Name the estimator first.',
    scoring: { covered: { q1: [0, 2] } },
  });
  await store.getState().flush();
  await store.getState().saveProject({
    id: 'p1',
    type: 'production',
    title: 'Ranking service',
    summary: 'Search ranking.',
    role: 'Led serving.',
    result: 'p99 120 → 45 ms',
    limitations: 'One market.',
    createdAt: 1,
    updatedAt: 2,
  });
  s.settings.setItem('mockloop:theme', 'dark');
  return { ...s, id };
}

describe('backups', () => {
  it('export, wipe, import restores an identical store, recordings included', async () => {
    const { store, name } = await filledStore();
    const before = await dumpDb(await openDb(name));
    const file = await store.getState().exportBackup({ media: true });
    expect(file.name).toMatch(/\.zip$/);

    const fresh = await makeStore();
    const preview = await fresh.store.getState().previewImport(file.blob);
    if (!preview.ok) throw new Error(preview.errors.join('\n'));
    expect(preview.plan).toMatchObject({ addSessions: [expect.any(String)], addProjects: ['p1'] });
    await fresh.store.getState().applyImport(preview, preview.plan.conflicts);
    expect(await dumpDb(await openDb(fresh.name))).toEqual(before);
    expect(fresh.settings.getItem('mockloop:theme')).toBe('dark');
  });

  it('without recordings the backup is plain JSON and imports everything else', async () => {
    const { store } = await filledStore();
    const file = await store.getState().exportBackup({ media: false });
    expect(file.name).toMatch(/\.json$/);
    const text = await file.blob.text();
    expect(JSON.parse(text)).toMatchObject({ format: 'mockloop-backup', version: 1, media: [] });
  });

  it('importing the same backup twice adds nothing the second time', async () => {
    const { store } = await filledStore();
    const file = await store.getState().exportBackup({ media: true });
    const other = await makeStore();
    const first = await other.store.getState().previewImport(file.blob);
    if (!first.ok) throw new Error(first.errors.join());
    await other.store.getState().applyImport(first, first.plan.conflicts);
    const again = await other.store.getState().previewImport(file.blob);
    if (!again.ok) throw new Error(again.errors.join());
    expect(again.plan).toEqual({ addSessions: [], addProjects: [], unchanged: 2, conflicts: [] });
    expect(await other.store.getState().refreshSessions()).toHaveLength(1);
  });

  it('a conflict keeps the newer record unless the person picks the other', async () => {
    const a = await filledStore();
    const file = await a.store.getState().exportBackup({ media: false });
    // The same session, changed later here.
    const b = await makeStore(a.name.replace('backup', 'copy'));
    const p = await b.store.getState().previewImport(file.blob);
    if (!p.ok) throw new Error(p.errors.join());
    await b.store.getState().applyImport(p, p.plan.conflicts);
    await b.store.getState().saveProject({
      ...(await b.store.getState().listProjects())[0]!,
      title: 'Ranking service (renamed here)',
      updatedAt: 99,
    });
    const conflict = await b.store.getState().previewImport(file.blob);
    if (!conflict.ok) throw new Error(conflict.errors.join());
    expect(conflict.plan.conflicts).toEqual([
      expect.objectContaining({ kind: 'project', id: 'p1', keep: 'mine', mine: 99, theirs: 2 }),
    ]);
    await b.store.getState().applyImport(conflict, conflict.plan.conflicts);
    expect((await b.store.getState().listProjects())[0]!.title).toBe(
      'Ranking service (renamed here)',
    );
    await b.store
      .getState()
      .applyImport(conflict, [{ ...conflict.plan.conflicts[0]!, keep: 'theirs' }]);
    expect((await b.store.getState().listProjects())[0]!.title).toBe('Ranking service');
  });

  const bad = readdirSync(join(FIXTURES, 'bad')).sort();
  it('the hostile corpus has at least 20 cases, each with its reason', () => {
    expect(bad.length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(reasons).sort()).toEqual(bad);
  });

  for (const file of bad) {
    it(`refuses ${file} with its reason and changes nothing`, async () => {
      const { store, name } = await filledStore();
      const db = await openDb(name);
      const before = await dumpDb(db);
      const text = readFileSync(join(FIXTURES, 'bad', file), 'utf8');
      const preview = await store.getState().previewImport(new Blob([text]));
      expect(preview.ok).toBe(false);
      if (!preview.ok) expect(preview.errors.join('\n')).toContain(reasons[file]);
      expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expect(await dumpDb(db)).toEqual(before);
    });
  }

  it('refuses a JSON file over 50 MB before reading it', async () => {
    const { store } = await makeStore();
    const huge = new Blob([
      '{"format":"mockloop-backup","version":1,"x":"',
      'a'.repeat(51 * 1024 * 1024),
      '"}',
    ]);
    const preview = await store.getState().previewImport(huge);
    expect(preview).toEqual({
      ok: false,
      errors: ['the file is 51.0 MB; at most 50 MB of JSON can be imported'],
    });
  });
});
