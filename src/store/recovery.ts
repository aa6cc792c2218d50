// After a crash, a closed tab or a reload, the journal may hold edits newer than the database.
import { type Db, type Write, writeBatch } from './db';
import type { Journal, JournalEntry } from './saver';

const STORES = ['sessions', 'answers', 'timeline'] as const;

export interface Recovery {
  /** Entries written to IndexedDB now. */
  applied: number;
  /**
   * Entries newer than what is stored that could not be written (the disk is full): the caller
   * keeps them pending, so they win over the stored records until they land.
   */
  unsaved: JournalEntry[];
}

async function storedUpdatedAt(db: Db, w: Write): Promise<number | null> {
  const v = w.value;
  const stored =
    w.store === 'sessions'
      ? await db.get('sessions', w.value.id)
      : w.store === 'answers'
        ? await db.get('answers', [w.value.sessionId, w.value.index])
        : await db.get('timeline', [w.value.sessionId, w.value.index, (v as { seq: number }).seq]);
  return stored ? stored.updatedAt : null;
}

/** Finds every journal entry newer than its stored record and writes them in one transaction. */
export async function recoverJournal(db: Db, journal: Journal): Promise<Recovery> {
  const entries = journal.read();
  const keys = Object.keys(entries);
  if (keys.length === 0) return { applied: 0, unsaved: [] };
  const newer: JournalEntry[] = [];
  for (const entry of Object.values(entries)) {
    const write = entry?.write;
    if (!write || !(STORES as readonly string[]).includes(write.store)) continue;
    // A session deleted on purpose is not brought back by an old journal entry.
    const sessionId = write.store === 'sessions' ? write.value.id : write.value.sessionId;
    if (write.store !== 'sessions' && !(await db.get('sessions', sessionId))) continue;
    const stored = await storedUpdatedAt(db, write);
    if (stored !== null && stored >= write.value.updatedAt) continue;
    newer.push(entry);
  }
  try {
    await writeBatch(
      db,
      newer.map((e) => e.write),
    );
  } catch {
    // Nothing was written (one transaction): the journal keeps every entry until they land.
    return { applied: 0, unsaved: newer };
  }
  journal.remove(keys);
  return { applied: newer.length, unsaved: [] };
}
