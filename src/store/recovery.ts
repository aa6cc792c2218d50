// After a crash or a closed tab, the journal may hold edits newer than the database.
import type { Db, Write } from './db';
import type { Journal } from './saver';

function updatedAt(w: Write): number {
  return w.value.updatedAt;
}

/** Writes every journal entry that is newer than its stored record; returns how many. */
export async function recoverJournal(db: Db, journal: Journal): Promise<number> {
  const entries = journal.read();
  const keys = Object.keys(entries);
  if (keys.length === 0) return 0;
  let applied = 0;
  const tx = db.transaction(['sessions', 'answers'], 'readwrite');
  for (const { write } of Object.values(entries)) {
    if (!write || (write.store !== 'sessions' && write.store !== 'answers')) continue;
    const stored =
      write.store === 'sessions'
        ? await tx.objectStore('sessions').get(write.value.id)
        : await tx.objectStore('answers').get([write.value.sessionId, write.value.index]);
    // A session deleted on purpose is not brought back by an old journal entry.
    if (write.store === 'answers' && !(await tx.objectStore('sessions').get(write.value.sessionId)))
      continue;
    if (stored && stored.updatedAt >= updatedAt(write)) continue;
    if (write.store === 'sessions') await tx.objectStore('sessions').put(write.value);
    else await tx.objectStore('answers').put(write.value);
    applied++;
  }
  await tx.done;
  journal.remove(keys);
  return applied;
}
