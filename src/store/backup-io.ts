// Backups in and out of the store: everything read in one go, a backup file (JSON, or a zip with
// the recordings as files) built and read, and an import written in one transaction.
import { strFromU8, strToU8, unzip, zip } from 'fflate';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupDocument,
  checkBackup,
  extensionFor,
  LIMITS,
  mediaFileName,
  type Parsed,
  parseBackupText,
  type recordsToWrite,
} from '../domain/backup';
import type { Db, MediaRecord, ProjectRecord } from './db';

/** Preferences in localStorage that a backup carries (the journal is not a preference). */
export const SETTINGS_PREFIX = 'mockloop:';
const NOT_SETTINGS = ['mockloop:journal:v1'];

export function readSettings(storage: Storage | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!storage) return out;
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(SETTINGS_PREFIX) && !NOT_SETTINGS.includes(k))
      out[k] = storage.getItem(k) ?? '';
  }
  return out;
}

export interface Dump {
  doc: BackupDocument;
  /** Recording bytes by file name in the backup. */
  files: Map<string, Blob>;
}

/** Everything stored, as a backup document; recordings only when asked for. */
export async function dumpAll(
  db: Db,
  opts: { media: boolean; settings: Record<string, string>; now: number },
): Promise<Dump> {
  const tx = db.transaction(['sessions', 'answers', 'timeline', 'projects', 'media'], 'readonly');
  const [sessions, answers, timeline, projects, media] = await Promise.all([
    tx.objectStore('sessions').getAll(),
    tx.objectStore('answers').getAll(),
    tx.objectStore('timeline').getAll(),
    tx.objectStore('projects').getAll(),
    opts.media ? tx.objectStore('media').getAll() : Promise.resolve([] as MediaRecord[]),
  ]);
  await tx.done;
  const files = new Map<string, Blob>();
  const entries = media.map(({ blob, ...meta }) => {
    const file = mediaFileName(meta, extensionFor(meta.mimeType));
    files.set(file, blob);
    return { ...meta, file };
  });
  return {
    doc: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: opts.now,
      sessions,
      answers,
      timeline,
      projects,
      media: entries,
      settings: opts.settings,
    },
    files,
  };
}

const JSON_NAME = 'mockloop-backup.json';

/** A backup file: plain JSON, or a zip holding that JSON and the recordings as files. */
export async function backupFile(dump: Dump): Promise<{ blob: Blob; name: string }> {
  const json = JSON.stringify(dump.doc);
  const date = new Date(dump.doc.exportedAt).toISOString().slice(0, 10);
  if (dump.files.size === 0) {
    return {
      blob: new Blob([json], { type: 'application/json' }),
      name: `mockloop-backup-${date}.json`,
    };
  }
  const entries: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    [JSON_NAME]: strToU8(json),
  };
  // Recordings are already compressed: stored as they are, so reading them back is a copy.
  for (const [name, blob] of dump.files)
    entries[name] = [new Uint8Array(await blob.arrayBuffer()), { level: 0 }];
  const bytes = await new Promise<Uint8Array>((resolve, reject) =>
    zip(entries, (err, data) => (err ? reject(err) : resolve(data))),
  );
  return {
    blob: new Blob([bytes as BlobPart], { type: 'application/zip' }),
    name: `mockloop-backup-${date}.zip`,
  };
}

export interface ReadBackup {
  doc: BackupDocument;
  files: Map<string, Blob>;
}

const isZip = (head: Uint8Array) =>
  head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;

/** Reads and checks a backup file. Nothing is written here; every problem is returned. */
export async function readBackupFile(file: Blob): Promise<Parsed<ReadBackup>> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  if (!isZip(head)) {
    if (file.size > LIMITS.jsonBytes)
      return {
        ok: false,
        errors: [
          `the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; at most ${LIMITS.jsonBytes / 1024 / 1024} MB of JSON can be imported`,
        ],
      };
    const parsed = parseBackupText(await file.text());
    if (!parsed.ok) return parsed;
    const checked = checkBackup(parsed.value);
    return checked.ok ? { ok: true, value: { doc: checked.value, files: new Map() } } : checked;
  }
  if (file.size > LIMITS.zipBytes)
    return {
      ok: false,
      errors: [
        `the zip is ${(file.size / 1024 / 1024).toFixed(0)} MB; at most 1 GB can be imported`,
      ],
    };
  let entries: Record<string, Uint8Array>;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    entries = await new Promise((resolve, reject) =>
      unzip(
        bytes,
        {
          filter: (f) =>
            f.name === JSON_NAME
              ? f.originalSize <= LIMITS.jsonBytes
              : f.name.startsWith('media/') && f.originalSize <= LIMITS.mediaPieceBytes,
        },
        (err, data) => (err ? reject(err) : resolve(data)),
      ),
    );
  } catch (e) {
    return { ok: false, errors: [`not a readable zip: ${(e as Error).message}`] };
  }
  const json = entries[JSON_NAME];
  if (!json) return { ok: false, errors: [`${JSON_NAME}: missing from the zip (or over 50 MB)`] };
  const parsed = parseBackupText(strFromU8(json));
  if (!parsed.ok) return parsed;
  const names = new Set(Object.keys(entries).filter((n) => n !== JSON_NAME));
  const checked = checkBackup(parsed.value, names);
  if (!checked.ok) return checked;
  const files = new Map<string, Blob>();
  for (const m of checked.value.media) {
    files.set(m.file, new Blob([entries[m.file]! as BlobPart], { type: m.mimeType }));
  }
  return { ok: true, value: { doc: checked.value, files } };
}

/**
 * Writes an import in one transaction: a session taken from the backup replaces the store's
 * record of it with everything it brings (answers, timeline, recordings), or nothing happens.
 */
export async function writeImport(
  db: Db,
  records: ReturnType<typeof recordsToWrite>,
  files: Map<string, Blob>,
): Promise<void> {
  const stores = ['sessions', 'answers', 'timeline', 'projects', 'media'] as const;
  const tx = db.transaction([...stores], 'readwrite');
  const ops: Promise<unknown>[] = [];
  for (const id of records.replaceSessions) {
    for (const name of ['answers', 'timeline', 'media'] as const) {
      const index = tx.objectStore(name).index('sessionId');
      ops.push(
        index
          .getAllKeys(id)
          .then((keys) => Promise.all(keys.map((k) => tx.objectStore(name).delete(k as never)))),
      );
    }
  }
  await Promise.all(ops);
  const puts: Promise<unknown>[] = [];
  for (const s of records.sessions) puts.push(tx.objectStore('sessions').put(s));
  for (const a of records.answers) puts.push(tx.objectStore('answers').put(a));
  for (const t of records.timeline) puts.push(tx.objectStore('timeline').put(t));
  for (const p of records.projects) puts.push(tx.objectStore('projects').put(p as ProjectRecord));
  for (const { file, ...meta } of records.media) {
    const blob = files.get(file);
    if (blob) puts.push(tx.objectStore('media').put({ ...meta, blob }));
  }
  await Promise.all([...puts, tx.done]);
}
