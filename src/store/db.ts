// IndexedDB, record by record: a session, an answer per round, small meta values. The schema
// has a version; every version is a named migration, applied in order and each tested with a
// fixture of the data before it (tests/unit/store/migrations.test.ts).
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import type { Session } from '../domain/session';

export interface AnswerRecord {
  sessionId: string;
  index: number;
  kind: string;
  value: unknown;
  updatedAt: number;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export interface MockloopDB extends DBSchema {
  sessions: { key: string; value: Session; indexes: { createdAt: number } };
  answers: { key: [string, number]; value: AnswerRecord; indexes: { sessionId: string } };
  meta: { key: string; value: MetaRecord };
}

export type Db = IDBPDatabase<MockloopDB>;
type UpgradeTx = IDBPTransaction<MockloopDB, ('sessions' | 'answers' | 'meta')[], 'versionchange'>;

export interface Migration {
  version: number;
  name: string;
  up(db: Db, tx: UpgradeTx): Promise<void> | void;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'create sessions, answers and meta',
    up(db) {
      const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
      sessions.createIndex('createdAt', 'createdAt');
      const answers = db.createObjectStore('answers', { keyPath: ['sessionId', 'index'] });
      answers.createIndex('sessionId', 'sessionId');
      db.createObjectStore('meta', { keyPath: 'key' });
    },
  },
];

export const DB_VERSION = MIGRATIONS.at(-1)!.version;
export const DB_NAME = 'mockloop';

export async function openDb(
  name = DB_NAME,
  opts: { onBlocking?: () => void; migrations?: Migration[] } = {},
): Promise<Db> {
  const migrations = opts.migrations ?? MIGRATIONS;
  const version = migrations.at(-1)!.version;
  const db = await openDB<MockloopDB>(name, version, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      for (const m of migrations) {
        if (m.version > oldVersion) await m.up(db, tx as UpgradeTx);
      }
    },
    // Another tab wants a newer schema: step aside so its upgrade can run.
    blocking() {
      db.close();
      opts.onBlocking?.();
    },
  });
  return db;
}

export async function getSession(db: Db, id: string): Promise<Session | undefined> {
  return db.get('sessions', id);
}

export async function listSessions(db: Db): Promise<Session[]> {
  const all = await db.getAllFromIndex('sessions', 'createdAt');
  return all.reverse();
}

export async function getAnswers(db: Db, sessionId: string): Promise<AnswerRecord[]> {
  return db.getAllFromIndex('answers', 'sessionId', sessionId);
}

export async function deleteSession(
  db: Db,
  id: string,
): Promise<{ session: Session; answers: AnswerRecord[] } | null> {
  const tx = db.transaction(['sessions', 'answers'], 'readwrite');
  const session = await tx.objectStore('sessions').get(id);
  if (!session) {
    await tx.done;
    return null;
  }
  const answers = await tx.objectStore('answers').index('sessionId').getAll(id);
  await tx.objectStore('sessions').delete(id);
  for (const a of answers) await tx.objectStore('answers').delete([a.sessionId, a.index]);
  await tx.done;
  return { session, answers };
}

export async function restoreSession(
  db: Db,
  data: { session: Session; answers: AnswerRecord[] },
): Promise<void> {
  const tx = db.transaction(['sessions', 'answers'], 'readwrite');
  await tx.objectStore('sessions').put(data.session);
  for (const a of data.answers) await tx.objectStore('answers').put(a);
  await tx.done;
}

export type Write =
  | { store: 'sessions'; value: Session }
  | { store: 'answers'; value: AnswerRecord };

/** One transaction for a batch, so a session and its answers land together or not at all. */
export async function writeBatch(db: Db, writes: Write[]): Promise<void> {
  const tx = db.transaction(['sessions', 'answers'], 'readwrite');
  const puts = writes.map((w) =>
    w.store === 'sessions'
      ? tx.objectStore('sessions').put(w.value)
      : tx.objectStore('answers').put(w.value),
  );
  await Promise.all([...puts, tx.done]);
}

export async function getMeta<T>(db: Db, key: string): Promise<T | undefined> {
  return (await db.get('meta', key))?.value as T | undefined;
}

export async function setMeta(db: Db, key: string, value: unknown): Promise<void> {
  await db.put('meta', { key, value });
}
