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
  const tx = db.transaction(['sessions', 'answers', 'timeline'], 'readwrite');
  for (const { write } of Object.values(entries)) {
    if (!write || !['sessions', 'answers', 'timeline'].includes(write.store)) continue;
    // A session deleted on purpose is not brought back by an old journal entry.
    const sessionId = write.store === 'sessions' ? null : write.value.sessionId;
    if (sessionId && !(await tx.objectStore('sessions').get(sessionId))) continue;
    const stored =
      write.store === 'sessions'
        ? await tx.objectStore('sessions').get(write.value.id)
        : write.store === 'answers'
          ? await tx.objectStore('answers').get([write.value.sessionId, write.value.index])
          : await tx
              .objectStore('timeline')
              .get([write.value.sessionId, write.value.index, write.value.seq]);
    if (stored && stored.updatedAt >= updatedAt(write)) continue;
    if (write.store === 'sessions') await tx.objectStore('sessions').put(write.value);
    else if (write.store === 'answers') await tx.objectStore('answers').put(write.value);
    else await tx.objectStore('timeline').put(write.value);
    applied++;
  }
  await tx.done;
  journal.remove(keys);
  return applied;
}
