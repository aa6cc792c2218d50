import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, MIGRATIONS, openDb } from '../../../src/store/db';

let n = 0;
const freshName = () => `mig-${n++}-${Math.random()}`;

describe('database migrations', () => {
  it('are numbered 1, 2, 3… with a name each', () => {
    MIGRATIONS.forEach((m, i) => {
      expect(m.version).toBe(i + 1);
      expect(m.name.length).toBeGreaterThan(5);
    });
    expect(DB_VERSION).toBe(MIGRATIONS.length);
  });

  it('1 "create sessions, answers and meta": from an empty browser, makes the stores and indexes', async () => {
    const db = await openDb(freshName(), { migrations: MIGRATIONS.slice(0, 1) });
    expect([...db.objectStoreNames].sort()).toEqual(['answers', 'meta', 'sessions']);
    expect([...db.transaction('answers').store.indexNames]).toEqual(['sessionId']);
    expect([...db.transaction('sessions').store.indexNames]).toEqual(['createdAt']);
    db.close();
  });

  it('opening an up-to-date database again keeps its data', async () => {
    const name = freshName();
    const db = await openDb(name);
    await db.put('meta', { key: 'k', value: 42 });
    db.close();
    const again = await openDb(name);
    expect((await again.get('meta', 'k'))?.value).toBe(42);
    again.close();
  });

  it('2 "add the per-round timeline": a version-1 database keeps its sessions and answers and gains the timeline', async () => {
    const name = freshName();
    const v1 = await openDb(name, { migrations: MIGRATIONS.slice(0, 1) });
    await v1.put('sessions', { id: 's1', createdAt: 5 } as never);
    await v1.put('answers', {
      sessionId: 's1',
      index: 0,
      kind: 'fundamentals',
      value: { answers: { q: 'kept' } },
      updatedAt: 6,
    });
    v1.close();
    const v2 = await openDb(name, { migrations: MIGRATIONS.slice(0, 2) });
    expect(v2.version).toBe(2);
    expect([...v2.objectStoreNames]).toContain('timeline');
    expect(await v2.get('answers', ['s1', 0])).toMatchObject({ value: { answers: { q: 'kept' } } });
    await v2.put('timeline', { sessionId: 's1', index: 0, seq: 0, data: { v: 1 }, updatedAt: 7 });
    expect(await v2.getAllFromIndex('timeline', 'sessionId', 's1')).toHaveLength(1);
    v2.close();
  });

  it('3 "add my projects and recorded answers": a version-2 database keeps everything and gains both stores', async () => {
    const name = freshName();
    const v2 = await openDb(name, { migrations: MIGRATIONS.slice(0, 2) });
    await v2.put('sessions', { id: 's1', createdAt: 5 } as never);
    await v2.put('timeline', { sessionId: 's1', index: 0, seq: 0, data: { v: 1 }, updatedAt: 7 });
    v2.close();
    const v3 = await openDb(name, { migrations: MIGRATIONS.slice(0, 3) });
    expect(v3.version).toBe(3);
    expect(await v3.get('sessions', 's1')).toMatchObject({ id: 's1' });
    expect(await v3.getAllFromIndex('timeline', 'sessionId', 's1')).toHaveLength(1);
    await v3.put('projects', {
      id: 'p1',
      type: 'research',
      title: 'Sparse attention',
      summary: 's',
      role: 'r',
      result: '2x faster',
      limitations: 'l',
      createdAt: 1,
      updatedAt: 2,
    });
    await v3.put('media', {
      sessionId: 's1',
      index: 0,
      clip: 'c1',
      seq: 0,
      blob: new Blob(['x']),
      mimeType: 'audio/webm',
      at: 3,
      updatedAt: 3,
    });
    expect((await v3.getAllFromIndex('projects', 'updatedAt')).map((p) => p.id)).toEqual(['p1']);
    expect(await v3.getAllFromIndex('media', 'clip', ['s1', 0, 'c1'])).toHaveLength(1);
    v3.close();
  });

  it('refuses nothing from a database left at an older version: it upgrades in place', async () => {
    const name = freshName();
    // A browser that last ran the first release: version 1 with one session in it.
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
        db.createObjectStore('answers', { keyPath: ['sessionId', 'index'] }).createIndex(
          'sessionId',
          'sessionId',
        );
        db.createObjectStore('meta', { keyPath: 'key' });
      },
    });
    await v1.put('sessions', { id: 'old', createdAt: 1 });
    v1.close();
    const db = await openDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('sessions', 'old')).toMatchObject({ id: 'old' });
    db.close();
  });
});
