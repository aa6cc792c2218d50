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

/** One piece of a round's append-only log (e.g. a coding round's replay chunk); opaque here. */
export interface TimelineRecord {
  sessionId: string;
  index: number;
  seq: number;
  data: unknown;
  updatedAt: number;
}

/** One of the person's own projects or shipped systems, kept across sessions. */
export interface ProjectRecord {
  id: string;
  /** research: a project to present and defend; production: a system shipped and run. */
  type: 'research' | 'production';
  title: string;
  summary: string;
  role: string;
  result: string;
  limitations: string;
  createdAt: number;
  updatedAt: number;
}

/**
 * A piece of a recording (a spoken answer), written straight to IndexedDB as it is recorded:
 * clip = one recording segment, seq = its pieces of about a second, in order.
 */
export interface MediaRecord {
  sessionId: string;
  index: number;
  clip: string;
  seq: number;
  blob: Blob;
  mimeType: string;
  /** Wall-clock time this piece was recorded up to: durations come from these, not the blob. */
  at: number;
  updatedAt: number;
}

export type MediaPiece = Pick<MediaRecord, 'clip' | 'seq' | 'blob' | 'mimeType' | 'at'>;

export interface MetaRecord {
  key: string;
  value: unknown;
}

export interface MockloopDB extends DBSchema {
  sessions: { key: string; value: Session; indexes: { createdAt: number } };
  answers: { key: [string, number]; value: AnswerRecord; indexes: { sessionId: string } };
  meta: { key: string; value: MetaRecord };
  timeline: {
    key: [string, number, number];
    value: TimelineRecord;
    indexes: { sessionId: string };
  };
  projects: { key: string; value: ProjectRecord; indexes: { updatedAt: number } };
  media: {
    key: [string, number, string, number];
    value: MediaRecord;
    indexes: { sessionId: string; clip: [string, number, string] };
  };
}

export type Db = IDBPDatabase<MockloopDB>;
type UpgradeTx = IDBPTransaction<
  MockloopDB,
  ('sessions' | 'answers' | 'meta' | 'timeline' | 'projects' | 'media')[],
  'versionchange'
>;

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
  {
    version: 2,
    name: 'add the per-round timeline (coding replays)',
    up(db) {
      const timeline = db.createObjectStore('timeline', { keyPath: ['sessionId', 'index', 'seq'] });
      timeline.createIndex('sessionId', 'sessionId');
    },
  },
  {
    version: 3,
    name: 'add my projects and recorded answers (media pieces)',
    up(db) {
      const projects = db.createObjectStore('projects', { keyPath: 'id' });
      projects.createIndex('updatedAt', 'updatedAt');
      const media = db.createObjectStore('media', {
        keyPath: ['sessionId', 'index', 'clip', 'seq'],
      });
      media.createIndex('sessionId', 'sessionId');
      media.createIndex('clip', ['sessionId', 'index', 'clip']);
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

export async function getTimeline(db: Db, sessionId: string): Promise<TimelineRecord[]> {
  return db.getAllFromIndex('timeline', 'sessionId', sessionId);
}

export interface SessionData {
  session: Session;
  answers: AnswerRecord[];
  timeline: TimelineRecord[];
  media: MediaRecord[];
}

export async function deleteSession(db: Db, id: string): Promise<SessionData | null> {
  const tx = db.transaction(['sessions', 'answers', 'timeline', 'media'], 'readwrite');
  const session = await tx.objectStore('sessions').get(id);
  if (!session) {
    await tx.done;
    return null;
  }
  const answers = await tx.objectStore('answers').index('sessionId').getAll(id);
  const timeline = await tx.objectStore('timeline').index('sessionId').getAll(id);
  const media = await tx.objectStore('media').index('sessionId').getAll(id);
  await tx.objectStore('sessions').delete(id);
  for (const a of answers) await tx.objectStore('answers').delete([a.sessionId, a.index]);
  for (const t of timeline) await tx.objectStore('timeline').delete([t.sessionId, t.index, t.seq]);
  for (const m of media)
    await tx.objectStore('media').delete([m.sessionId, m.index, m.clip, m.seq]);
  await tx.done;
  return { session, answers, timeline, media };
}

export async function restoreSession(db: Db, data: SessionData): Promise<void> {
  const tx = db.transaction(['sessions', 'answers', 'timeline', 'media'], 'readwrite');
  await tx.objectStore('sessions').put(data.session);
  for (const a of data.answers) await tx.objectStore('answers').put(a);
  for (const t of data.timeline) await tx.objectStore('timeline').put(t);
  for (const m of data.media) await tx.objectStore('media').put(m);
  await tx.done;
}

export type Write =
  | { store: 'sessions'; value: Session }
  | { store: 'answers'; value: AnswerRecord }
  | { store: 'timeline'; value: TimelineRecord }
  | { store: 'media'; value: MediaRecord };

/**
 * One transaction for a batch, so a session and its answers land together or not at all. A
 * record already stored with a later change is never overwritten by an older one (a write
 * recovered from another page's journal, a tab that lost a race).
 */
export async function writeBatch(db: Db, writes: Write[]): Promise<void> {
  const tx = db.transaction(['sessions', 'answers', 'timeline', 'media'], 'readwrite');
  const puts = writes.map(async (w) => {
    if (w.store === 'sessions') {
      const s = tx.objectStore('sessions');
      const stored = await s.get(w.value.id);
      if (!stored || stored.updatedAt <= w.value.updatedAt) await s.put(w.value);
    } else if (w.store === 'answers') {
      const s = tx.objectStore('answers');
      const stored = await s.get([w.value.sessionId, w.value.index]);
      if (!stored || stored.updatedAt <= w.value.updatedAt) await s.put(w.value);
    } else if (w.store === 'timeline') {
      const s = tx.objectStore('timeline');
      const stored = await s.get([w.value.sessionId, w.value.index, w.value.seq]);
      if (!stored || stored.updatedAt <= w.value.updatedAt) await s.put(w.value);
    } else {
      // A recorded piece is written once and never changes.
      await tx.objectStore('media').put(w.value);
    }
  });
  await Promise.all([...puts, tx.done]);
}

export async function listProjects(db: Db): Promise<ProjectRecord[]> {
  return (await db.getAllFromIndex('projects', 'updatedAt')).reverse();
}

export async function putProject(db: Db, project: ProjectRecord): Promise<void> {
  await db.put('projects', project);
}

export async function deleteProject(db: Db, id: string): Promise<void> {
  await db.delete('projects', id);
}

/** A clip's pieces, in order. */
export async function getClip(
  db: Db,
  sessionId: string,
  index: number,
  clip: string,
): Promise<MediaRecord[]> {
  const pieces = await db.getAllFromIndex('media', 'clip', [sessionId, index, clip]);
  return pieces.sort((a, b) => a.seq - b.seq);
}

/** Every piece of every clip of a session (blobs included), for listings and backups. */
export async function getMedia(db: Db, sessionId: string): Promise<MediaRecord[]> {
  return db.getAllFromIndex('media', 'sessionId', sessionId);
}

export async function deleteClip(
  db: Db,
  sessionId: string,
  index: number,
  clip: string,
): Promise<void> {
  const tx = db.transaction('media', 'readwrite');
  const keys = await tx.store.index('clip').getAllKeys([sessionId, index, clip]);
  for (const k of keys) await tx.store.delete(k);
  await tx.done;
}
