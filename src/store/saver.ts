// Writes records to IndexedDB within a second of the last change, at once when asked (phase
// changes, the tab hiding), and again and again when a write fails, keeping the work in memory
// meanwhile. A small synchronous journal in localStorage holds what is not yet written, so a
// crash or a closed tab costs nothing that was typed before it.
import type { Write } from './db';

export type SaveStatus =
  | { state: 'saved' }
  | { state: 'pending' }
  | { state: 'error'; message: string; failures: number };

export interface Journal {
  write(entries: Record<string, JournalEntry>): void;
  read(): Record<string, JournalEntry>;
  /** Forget entries that were recovered into the database. */
  remove(keys: string[]): void;
}

export interface JournalEntry {
  write: Write;
  at: number;
  /** false: too large for the synchronous journal; written straight to IndexedDB. */
  journal?: boolean;
}

export interface SaverOptions {
  writeBatch(writes: Write[]): Promise<void>;
  onStatus(status: SaveStatus): void;
  journal?: Journal;
  now?: () => number;
  debounceMs?: number;
  maxWaitMs?: number;
  /** Retry delays after failures, the last one repeating. */
  retryMs?: number[];
}

export interface Saver {
  /**
   * journal: false keeps a large record (a board scene, a recording's metadata) out of the
   * synchronous localStorage journal; it is still written within a second.
   */
  put(write: Write, opts?: { immediate?: boolean; journal?: boolean }): void;
  /**
   * Takes over writes that an earlier page journaled but could not store (a full disk across a
   * reload): they are pending again, journaled again, retried, and reported until they land.
   */
  adopt(entries: JournalEntry[]): void;
  /** What is not yet in IndexedDB, newest per record: reads must see these over stored data. */
  pendingWrites(): Write[];
  flush(): Promise<boolean>;
  pending(): number;
  dispose(): void;
}

export function keyOf(w: Write): string {
  if (w.store === 'sessions') return `s:${w.value.id}`;
  if (w.store === 'answers') return `a:${w.value.sessionId}:${w.value.index}`;
  if (w.store === 'timeline') return `t:${w.value.sessionId}:${w.value.index}:${w.value.seq}`;
  return `m:${w.value.sessionId}:${w.value.index}:${w.value.clip}:${w.value.seq}`;
}

export function createSaver(opts: SaverOptions): Saver {
  const now = opts.now ?? Date.now;
  const debounceMs = opts.debounceMs ?? 300;
  const maxWaitMs = opts.maxWaitMs ?? 1000;
  const retryMs = opts.retryMs ?? [1000, 2000, 5000, 10000];
  let pending = new Map<string, JournalEntry>();
  let firstPendingAt: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<boolean> | null = null;
  let inFlightBatch = new Map<string, JournalEntry>();
  let failures = 0;
  let disposed = false;

  const journalNow = () => {
    try {
      opts.journal?.write(Object.fromEntries([...pending].filter(([, e]) => e.journal !== false)));
    } catch {
      // A full disk can refuse the journal too; the work is still in memory and retried.
    }
  };

  const schedule = (delay: number) => {
    if (disposed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, delay);
  };

  async function flush(): Promise<boolean> {
    if (inFlight) {
      await inFlight;
      if (pending.size === 0) return true;
    }
    if (pending.size === 0) return true;
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    const batch = pending;
    pending = new Map();
    inFlightBatch = batch;
    firstPendingAt = null;
    inFlight = (async () => {
      try {
        await opts.writeBatch([...batch.values()].map((e) => e.write));
        failures = 0;
        journalNow();
        opts.onStatus(pending.size ? { state: 'pending' } : { state: 'saved' });
        return true;
      } catch (e) {
        // Keep what failed unless a newer version of the same record arrived meanwhile.
        for (const [k, v] of batch) if (!pending.has(k)) pending.set(k, v);
        firstPendingAt ??= now();
        failures++;
        opts.onStatus({ state: 'error', message: describeError(e), failures });
        schedule(retryMs[Math.min(failures - 1, retryMs.length - 1)]!);
        return false;
      } finally {
        inFlight = null;
        inFlightBatch = new Map();
      }
    })();
    return inFlight;
  }

  return {
    put(write, { immediate = false, journal = true } = {}) {
      const t = now();
      pending.set(keyOf(write), journal ? { write, at: t } : { write, at: t, journal: false });
      journalNow();
      if (failures > 0 && !immediate) return; // a retry is already scheduled
      firstPendingAt ??= t;
      if (failures === 0) opts.onStatus({ state: 'pending' });
      if (immediate) {
        schedule(0);
      } else {
        const wait = Math.min(debounceMs, Math.max(0, firstPendingAt + maxWaitMs - t));
        schedule(wait);
      }
    },
    adopt(entries) {
      if (entries.length === 0) return;
      for (const e of entries) {
        const k = keyOf(e.write);
        const mine = pending.get(k);
        if (!mine || mine.write.value.updatedAt < e.write.value.updatedAt) pending.set(k, e);
      }
      firstPendingAt ??= now();
      journalNow();
      opts.onStatus({ state: 'pending' });
      schedule(0);
    },
    // Oldest first, so a caller overlaying them in order ends with the newest of each record.
    pendingWrites: () => [...inFlightBatch.values(), ...pending.values()].map((e) => e.write),
    flush,
    pending: () => pending.size,
    dispose() {
      disposed = true;
      if (timer) clearTimeout(timer);
    },
  };
}

export function describeError(e: unknown): string {
  const name = (e as { name?: string })?.name;
  if (name === 'QuotaExceededError') return 'The disk is full or the browser refused more storage.';
  if (name === 'InvalidStateError' || name === 'UnknownError')
    return 'The browser closed the database (private mode or storage cleared).';
  return (e as Error)?.message || String(e);
}

const JOURNAL_KEY = 'mockloop:journal:v1';

/** The journal lives in localStorage, which writes synchronously, so pagehide can rely on it. */
export function localJournal(storage: Storage = localStorage, key = JOURNAL_KEY): Journal {
  // Keys this tab journaled last time: another tab's entries under the same key are kept.
  let mine = new Set<string>();
  const read = (): Record<string, JournalEntry> => {
    try {
      const raw = storage.getItem(key);
      const parsed: unknown = raw ? JSON.parse(raw) : {};
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, JournalEntry>) : {};
    } catch {
      return {};
    }
  };
  const save = (all: Record<string, JournalEntry>) => {
    if (Object.keys(all).length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(all));
  };
  return {
    read,
    remove(keys) {
      const all = read();
      for (const k of keys) delete all[k];
      save(all);
    },
    write(entries) {
      const others = Object.fromEntries(
        Object.entries(read()).filter(([k]) => !(k in entries) && !mine.has(k)),
      );
      mine = new Set(Object.keys(entries));
      save({ ...others, ...entries });
    },
  };
}
