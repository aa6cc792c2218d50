// The one store. Slices: the catalog (static), the session being worked on with its answers,
// the history list, save status and tab ownership. Everything stored goes through the saver,
// record by record; nothing ticking is kept here (the clock is derived where it is shown).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Conflict, MergePlan } from '../domain/backup';
import { type Catalog, findTemplate, rubricFor, type TemplateBase } from '../domain/content';
import type { AnyKindSpec, KindFinish } from '../domain/kind';
import { assemblePlan, type LoopPlan, type LoopRequest } from '../domain/plan';
import {
  answerRecordSchema,
  checkRecord,
  checkSession,
  timelineRecordSchema,
} from '../domain/records';
import { newSeed } from '../domain/rng';
import { sameData } from '../domain/same-data';
import {
  createSession,
  isAnswerLocked,
  reduce,
  type Session,
  type SessionEvent,
  timedOut,
} from '../domain/session';
import { elapsedMs } from '../domain/timer';
import type { ReadBackup } from './backup-io';
import * as dbm from './db';
import { recoverJournal } from './recovery';
import { createSaver, type Journal, type Saver, type SaveStatus } from './saver';
import type { Ownership, TabGuard } from './tabs';

type WithoutNow<E> = E extends { now: number } ? Omit<E, 'now'> : E;
export type AppEvent = WithoutNow<SessionEvent>;

export interface AppDeps {
  /** The catalog the app starts with; templates may hold only their common fields. */
  catalog: Catalog;
  /** Full templates of a kind (statements, tests…), loaded when first needed. */
  loadTemplates?: (kind: string) => Promise<TemplateBase[]>;
  kinds: {
    spec: AnyKindSpec;
    warm?: () => void;
    finish?: () => Promise<{ default: KindFinish }>;
  }[];
  openDb: () => Promise<dbm.Db>;
  journal?: Journal;
  guard?: TabGuard;
  now?: () => number;
  newId?: () => string;
  requestPersist?: () => void;
  saverTiming?: { debounceMs?: number; maxWaitMs?: number; retryMs?: number[] };
  /** Where preferences live (localStorage in the app), for backups. */
  settingsStorage?: Storage;
}

export interface Current {
  session: Session;
  answers: Record<number, dbm.AnswerRecord>;
  /** Each round's timeline pieces, in order of seq. */
  timeline: Record<number, unknown[]>;
}

export interface AppState {
  catalog: Catalog;
  /** The catalog with full templates for these kinds; the same promise for the same kinds. */
  fullCatalog(kinds: Iterable<string>): Promise<Catalog>;
  /** null until the database opened; a message when it cannot be opened at all. */
  dbState: 'opening' | 'ready' | { error: string };
  current: Current | null;
  /** Counts every read of the session from storage (open, take-over, following the owning
   * tab): views that own their text (an editor) start again from the stored answer. */
  loads: number;
  currentState: 'idle' | 'loading' | 'ready' | 'missing' | 'damaged';
  /** Stored records that failed their schema: skipped, reported, downloadable as they are. */
  damaged: DamagedRecord[];
  ownership: Ownership;
  save: SaveStatus;
  sessions: Session[] | null;
  /** The last rejected action, shown to the person. */
  notice: string | null;

  init(): Promise<void>;
  refreshSessions(): Promise<Session[]>;
  /** Reads a session without opening it for work (the review, history). */
  readSession(id: string): Promise<Current | null>;
  /** Creates a session (in its planning phase, or started at once with start: true). */
  newSession(request: LoopRequest, opts?: { start?: boolean }): Promise<string>;
  openSession(id: string): Promise<void>;
  closeSession(): void;
  /** save: 'now' (default) for phase changes, 'soon' for typing (a note), debounced. */
  dispatch(
    event: AppEvent,
    opts?: { save?: 'now' | 'soon' },
  ): { ok: true } | { ok: false; error: string };
  setPlan(plan: LoopPlan): { ok: true } | { ok: false; error: string };
  /** journal: false for large answers (a board scene): straight to IndexedDB, not localStorage. */
  setAnswer(index: number, value: unknown, opts?: { journal?: boolean }): boolean;
  /** Stores one piece of a running round's timeline (saved like an answer). */
  putTimeline(index: number, seq: number, data: unknown, opts?: { journal?: boolean }): boolean;
  /** Runs the kind's finish step for an ended round, once (see KindFinish). */
  finishRound(index: number): Promise<void>;
  /** A recorded piece of the running round, straight to IndexedDB (see MediaAccess). */
  putMedia(index: number, piece: dbm.MediaPiece): boolean;
  /** The recorded pieces of a session's round (any session: scoring, review, history). */
  listMedia(sessionId: string, index: number): Promise<dbm.MediaPiece[]>;
  deleteClip(sessionId: string, index: number, clip: string): Promise<void>;
  /** Everything stored, as a backup file (a zip when recordings are included). */
  exportBackup(opts: { media: boolean }): Promise<{ blob: Blob; name: string }>;
  /** Reads and checks a backup and says what importing it would do; writes nothing. */
  previewImport(file: Blob): Promise<ImportPreview>;
  /** Writes a previewed import in one transaction, with the person's choices on conflicts. */
  applyImport(preview: ImportPreview & { ok: true }, conflicts: Conflict[]): Promise<void>;
  /** My projects (settings), kept across sessions. */
  listProjects(): Promise<dbm.ProjectRecord[]>;
  saveProject(project: dbm.ProjectRecord): Promise<void>;
  deleteProject(id: string): Promise<void>;
  checkTimeout(): void;
  takeOver(): Promise<void>;
  deleteSession(id: string): Promise<(() => Promise<void>) | null>;
  flush(): Promise<boolean>;
  clearNotice(): void;
}

export type AppStore = StoreApi<AppState>;

export type ImportPreview =
  | { ok: false; errors: string[] }
  | { ok: true; read: ReadBackup; plan: MergePlan };

export interface DamagedRecord {
  store: 'sessions' | 'answers' | 'timeline' | 'projects';
  key: string;
  error: string;
  raw: unknown;
}

export function specOf(deps: Pick<AppDeps, 'kinds'>, kind: string): AnyKindSpec | undefined {
  return deps.kinds.find((k) => k.spec.kind === kind)?.spec;
}

/** Template ids used by sessions, most recent session first. */
export function recentTemplateIds(sessions: Session[], limit = 12): string[] {
  const started = sessions
    .filter((s) => s.startedAt !== null)
    .sort((a, b) => b.createdAt - a.createdAt);
  return started.slice(0, limit).flatMap((s) => s.plan.rounds.map((r) => r.templateId));
}

export function createAppStore(deps: AppDeps): AppStore {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  let db: dbm.Db | null = null;
  // Settles when init() has opened the database or failed to. Home shows before then, so what a
  // person can do there (list sessions, start one) waits for it instead of finding no database.
  let storageSettled!: () => void;
  const storageTried = new Promise<void>((resolve) => {
    storageSettled = resolve;
  });
  let saver: Saver | null = null;
  let persistAsked = false;
  const finishing = new Set<string>();
  const kindTemplates = new Map<string, Promise<TemplateBase[]>>();
  const fullCatalogs = new Map<string, Promise<Catalog>>();
  const loadKind = (kind: string) => {
    let p = kindTemplates.get(kind);
    if (!p) {
      p = deps.loadTemplates
        ? deps.loadTemplates(kind)
        : Promise.resolve(deps.catalog.templates[kind] ?? []);
      kindTemplates.set(kind, p);
      // A chunk that failed to load (offline before it was cached) may load on a later try.
      p.catch(() => kindTemplates.delete(kind));
    }
    return p;
  };

  const dimensionsOf = (s: Session) => (i: number) => {
    const planned = s.plan.rounds[i];
    const spec = planned ? specOf(deps, planned.kind) : undefined;
    if (!planned || !spec) return [];
    const template = findTemplate(deps.catalog, planned.kind, planned.templateId);
    return rubricFor(deps.catalog, spec.rubricId, template)?.dimensions.map((d) => d.id) ?? [];
  };

  const store = createStore<AppState>()((set, get) => {
    const persist = (write: dbm.Write, immediate = false, journal = true) => {
      if (!saver) return;
      if (!persistAsked) {
        persistAsked = true;
        deps.requestPersist?.();
      }
      saver.put(write, { immediate, journal });
    };

    // The answer a round starts from is stored when it starts: what a kind drew from the
    // session seed (probes from a bank) is then fixed, whatever the bank becomes later.
    const startAnswer = async (index: number) => {
      const cur = get().current;
      const planned = cur?.session.plan.rounds[index];
      const spec = planned && specOf(deps, planned.kind);
      if (!cur || !planned || !spec) return;
      const catalog = await get().fullCatalog([planned.kind]);
      const template = findTemplate(catalog, planned.kind, planned.templateId);
      const live = get().current;
      if (!template || live?.session.id !== cur.session.id || live.answers[index]) return;
      get().setAnswer(index, spec.emptyAnswer(template, { seed: cur.session.seed, index }));
    };

    // A tab that does not own the session follows the owner's edits as they are saved.
    let following: ReturnType<typeof setTimeout> | null = null;
    const follow = () => {
      if (following) return;
      following = setTimeout(async () => {
        following = null;
        const cur = get().current;
        if (!cur || get().ownership === 'owner') return;
        const fresh = await loadCurrent(cur.session.id);
        if (
          fresh &&
          fresh !== 'damaged' &&
          get().current?.session.id === cur.session.id &&
          get().ownership !== 'owner'
        )
          set({ current: fresh, loads: get().loads + 1 });
      }, 150);
    };
    const guardHooks = {
      flush: () => get().flush(),
      onLost: () => set({ ownership: 'lost' }),
      onSaved: follow,
    };

    /** Sessions as last read and checked, by id: the stored record and the checked value. */
    let checkedSessions = new Map<string, { raw: unknown; value: Session }>();

    const report = (found: DamagedRecord[]) => {
      if (found.length === 0) return;
      const known = new Set(get().damaged.map((d) => `${d.store}/${d.key}`));
      const fresh = found.filter((d) => !known.has(`${d.store}/${d.key}`));
      if (fresh.length) set({ damaged: [...get().damaged, ...fresh] });
    };

    /** Every record read from IndexedDB is checked; a damaged one is reported and skipped. */
    const loadCurrent = async (id: string): Promise<Current | null | 'damaged'> => {
      if (!db) return null;
      const raw = await dbm.getSession(db, id);
      if (!raw) return null;
      const checked = checkSession(raw, 'session');
      if (!checked.ok) {
        report([{ store: 'sessions', key: id, error: checked.error, raw }]);
        return 'damaged';
      }
      const session = checked.value as Session;
      const found: DamagedRecord[] = [];
      const answers: Record<number, dbm.AnswerRecord> = {};
      for (const a of await dbm.getAnswers(db, id)) {
        const c = checkRecord(answerRecordSchema, a, `answers[${a?.index}]`);
        if (c.ok) answers[a.index] = a;
        else found.push({ store: 'answers', key: `${id}/${a?.index}`, error: c.error, raw: a });
      }
      const timeline: Record<number, unknown[]> = {};
      const pieces = (await dbm.getTimeline(db, id))
        .filter((t) => {
          const c = checkRecord(timelineRecordSchema, t, `timeline[${t?.index}][${t?.seq}]`);
          if (!c.ok)
            found.push({
              store: 'timeline',
              key: `${id}/${t?.index}/${t?.seq}`,
              error: c.error,
              raw: t,
            });
          return c.ok;
        })
        .sort((a, b) => a.index - b.index || a.seq - b.seq);
      report(found);
      for (const t of pieces) {
        timeline[t.index] ??= [];
        timeline[t.index]![t.seq] = t.data;
      }
      // Writes not yet in IndexedDB (a full disk) are newer than what it holds: read them over it,
      // so nothing shown, and no later save, is built on the stale stored text.
      let current = session;
      for (const w of saver?.pendingWrites() ?? []) {
        if (w.store === 'sessions' && w.value.id === id) current = w.value;
        else if (w.store === 'answers' && w.value.sessionId === id)
          answers[w.value.index] = w.value;
        else if (w.store === 'timeline' && w.value.sessionId === id) {
          timeline[w.value.index] ??= [];
          timeline[w.value.index]![w.value.seq] = w.value.data;
        }
      }
      return { session: current, answers, timeline };
    };

    return {
      catalog: deps.catalog,
      fullCatalog(kinds) {
        const list = [...new Set(kinds)].sort();
        const key = list.join(',');
        let p = fullCatalogs.get(key);
        if (!p) {
          p = Promise.all(list.map(loadKind)).then((loaded) => ({
            ...deps.catalog,
            templates: {
              ...deps.catalog.templates,
              ...Object.fromEntries(list.map((k, i) => [k, loaded[i]!])),
            },
          }));
          fullCatalogs.set(key, p);
          p.catch(() => fullCatalogs.delete(key));
        }
        return p;
      },
      dbState: 'opening',
      current: null,
      loads: 0,
      currentState: 'idle',
      damaged: [],
      ownership: 'owner',
      save: { state: 'saved' },
      sessions: null,
      notice: null,

      async init() {
        try {
          try {
            db = await deps.openDb();
          } catch (e) {
            set({ dbState: { error: (e as Error)?.message || 'IndexedDB is not available' } });
            return;
          }
          const opened = db;
          saver = createSaver({
            writeBatch: (writes) => dbm.writeBatch(opened, writes),
            onStatus: (save) => {
              set({ save });
              const cur = get().current;
              if (save.state === 'saved' && cur && get().ownership === 'owner')
                deps.guard?.announceSaved?.(cur.session.id);
            },
            journal: deps.journal,
            now,
            ...deps.saverTiming,
          });
          if (deps.journal) {
            try {
              const { unsaved } = await recoverJournal(opened, deps.journal);
              // Still not writable (the disk is full): keep them pending, shown and retried.
              saver.adopt(unsaved);
            } catch {
              // The journal is a backup; a failure to read it must not stop the app.
            }
          }
          set({ dbState: 'ready' });
          // For the bench: when stored data became readable on this page.
          globalThis.performance?.mark?.('mockloop:storage-open');
        } finally {
          storageSettled();
        }
      },

      async refreshSessions() {
        await storageTried;
        if (!db) return [];
        const sessions: Session[] = [];
        const found: DamagedRecord[] = [];
        const seen = new Map<string, { raw: unknown; value: Session }>();
        for (const raw of await dbm.listSessions(db)) {
          // The same stored data as last time: the same checked session, object and all, so
          // nothing derived from it (History's summaries and rows) is worked out again.
          const id = (raw as { id?: unknown })?.id;
          const before = typeof id === 'string' ? checkedSessions.get(id) : undefined;
          if (before && sameData(before.raw, raw)) {
            sessions.push(before.value);
            seen.set(before.value.id, before);
            continue;
          }
          const c = checkSession(raw, 'session');
          if (c.ok) {
            const value = c.value as Session;
            sessions.push(value);
            if (typeof id === 'string') seen.set(id, { raw, value });
          } else
            found.push({
              store: 'sessions',
              key: String((raw as { id?: unknown })?.id ?? '?'),
              error: c.error,
              raw,
            });
        }
        report(found);
        checkedSessions = seen;
        set({ sessions });
        return sessions;
      },

      async readSession(id) {
        await get().flush();
        const live = get().current;
        if (live?.session.id === id) return live;
        const loaded = await loadCurrent(id);
        return loaded === 'damaged' ? null : loaded;
      },

      async newSession(request, opts) {
        await storageTried;
        if (!db) throw new Error('storage is not ready');
        const sessions = await get().refreshSessions();
        // Keep at most one unstarted draft: an abandoned plan is not history.
        for (const s of sessions) {
          if (s.phase.name === 'planning' && s.mode === 'loop') await dbm.deleteSession(db, s.id);
        }
        const seed = newSeed();
        const kinds = deps.kinds.map((k) => ({ kind: k.spec.kind, title: k.spec.title }));
        const plan = assemblePlan(deps.catalog, request, seed, recentTemplateIds(sessions), kinds);
        const full = await get().fullCatalog(plan.rounds.map((r) => r.kind));
        const t = now();
        const session = createSession({
          id: newId(),
          mode: request.type === 'practice' ? 'practice' : 'loop',
          seed,
          plan,
          now: t,
          emptyScoring: (i) => {
            const r = plan.rounds[i]!;
            const spec = specOf(deps, r.kind)!;
            return spec.emptyScoring(full.templates[r.kind]!.find((x) => x.id === r.templateId));
          },
        });
        let toWrite = session;
        const writes: dbm.Write[] = [];
        if (opts?.start) {
          const started = reduce(
            session,
            { type: 'start', now: now() },
            { dimensionsOf: dimensionsOf(session) },
          );
          if (started.ok) {
            toWrite = started.session;
            const r = plan.rounds[0]!;
            const template = full.templates[r.kind]!.find((x) => x.id === r.templateId);
            writes.push({
              store: 'answers',
              value: {
                sessionId: toWrite.id,
                index: 0,
                kind: r.kind,
                value: specOf(deps, r.kind)!.emptyAnswer(template, { seed, index: 0 }),
                updatedAt: toWrite.updatedAt,
              },
            });
          }
        }
        await dbm.writeBatch(db, [{ store: 'sessions', value: toWrite }, ...writes]);
        return toWrite.id;
      },

      async openSession(id) {
        if (get().current?.session.id === id && get().currentState === 'ready') return;
        set({ currentState: 'loading', current: null });
        await get().flush();
        const loaded = await loadCurrent(id);
        if (!loaded || loaded === 'damaged') {
          deps.guard?.release();
          set({ currentState: loaded === 'damaged' ? 'damaged' : 'missing' });
          return;
        }
        const ownership = deps.guard ? await deps.guard.claim(id, guardHooks) : 'owner';
        set({ current: loaded, currentState: 'ready', ownership, loads: get().loads + 1 });
        get().checkTimeout();
        // A round that ended while a finish step was running (the page closed) finishes now.
        loaded.session.rounds.forEach((r, i) => {
          if (r.endReason !== null && (!r.finish || r.finish.state === 'running'))
            void get().finishRound(i);
        });
        const kinds = new Set(loaded.session.plan.rounds.map((r) => r.kind));
        if (loaded.session.phase.name !== 'done') {
          for (const k of deps.kinds) if (kinds.has(k.spec.kind)) k.warm?.();
        }
      },

      closeSession() {
        void get().flush();
        deps.guard?.release();
        set({ current: null, currentState: 'idle', ownership: 'owner' });
      },

      dispatch(event, opts) {
        const cur = get().current;
        if (!cur) return { ok: false, error: 'no session is open' };
        if (get().ownership !== 'owner')
          return { ok: false, error: 'this session is open in another tab' };
        const result = reduce(cur.session, { ...event, now: now() } as SessionEvent, {
          dimensionsOf: dimensionsOf(cur.session),
        });
        if (!result.ok) {
          set({ notice: result.error });
          return result;
        }
        set({ current: { ...cur, session: result.session }, notice: null });
        persist({ store: 'sessions', value: result.session }, opts?.save !== 'soon');
        if (event.type === 'finish' && cur.session.phase.name === 'round') {
          void get().finishRound(cur.session.phase.index);
        }
        if (event.type === 'start' || event.type === 'start-next') {
          const kinds = new Set(result.session.plan.rounds.map((r) => r.kind));
          for (const k of deps.kinds) if (kinds.has(k.spec.kind)) k.warm?.();
          if (result.session.phase.name === 'round') void startAnswer(result.session.phase.index);
        }
        return { ok: true };
      },

      setPlan(plan) {
        return get().dispatch({ type: 'set-plan', plan });
      },

      setAnswer(index, value, opts) {
        const cur = get().current;
        if (!cur || get().ownership !== 'owner') return false;
        if (isAnswerLocked(cur.session, index)) return false;
        const kind = cur.session.plan.rounds[index]!.kind;
        const record: dbm.AnswerRecord = {
          sessionId: cur.session.id,
          index,
          kind,
          value,
          updatedAt: now(),
        };
        set({ current: { ...cur, answers: { ...cur.answers, [index]: record } } });
        persist({ store: 'answers', value: record }, false, opts?.journal !== false);
        return true;
      },

      async finishRound(index) {
        const cur = get().current;
        if (!cur || get().ownership !== 'owner') return;
        const { session } = cur;
        const round = session.rounds[index];
        const planned = session.plan.rounds[index];
        const entry = planned && deps.kinds.find((k) => k.spec.kind === planned.kind);
        if (!round || !planned || round.endReason === null || !entry?.finish) return;
        const key = `${session.id}:${index}`;
        if (finishing.has(key) || round.finish?.state === 'done') return;
        finishing.add(key);
        const stillMine = () =>
          get().current?.session.id === session.id && get().ownership === 'owner';
        const mark = (state: 'running' | 'done' | 'failed', summary?: string) =>
          stillMine() &&
          get().dispatch(
            summary === undefined
              ? { type: 'finish-state', index, state }
              : { type: 'finish-state', index, state, summary },
          );
        try {
          mark('running');
          const [mod, catalog] = await Promise.all([
            entry.finish(),
            get().fullCatalog([planned.kind]),
          ]);
          const template = findTemplate(catalog, planned.kind, planned.templateId);
          if (!template) throw new Error('the template is not in this version');
          const latest = get().current;
          const answer =
            latest?.answers[index]?.value ??
            entry.spec.emptyAnswer(template, { seed: session.seed, index });
          const ended = latest?.session.rounds[index]?.timer;
          const result = await mod.default({
            template,
            answer,
            endReason: round.endReason,
            usedMs: ended ? elapsedMs(ended, ended.endedAt ?? now()) : 0,
            timeline: latest?.timeline[index] ?? [],
            recorded: async () =>
              (await get().listMedia(session.id, index)).map(({ clip, at }) => ({ clip, at })),
          });
          if (!stillMine()) return;
          if (result?.timeline?.length) {
            // Pieces after the lock (putTimeline refuses them): straight to IndexedDB.
            const live = get().current!;
            const list = [...(live.timeline[index] ?? [])];
            for (const p of result.timeline) {
              list[p.seq] = p.data;
              persist(
                {
                  store: 'timeline',
                  value: {
                    sessionId: session.id,
                    index,
                    seq: p.seq,
                    data: p.data,
                    updatedAt: now(),
                  },
                },
                true,
                false,
              );
            }
            set({ current: { ...live, timeline: { ...live.timeline, [index]: list } } });
          }
          if (result && result.answer !== undefined) {
            // The one write after the lock: the kind's finished answer.
            const live = get().current!;
            const record: dbm.AnswerRecord = {
              sessionId: session.id,
              index,
              kind: planned.kind,
              value: result.answer,
              updatedAt: now(),
            };
            set({ current: { ...live, answers: { ...live.answers, [index]: record } } });
            persist({ store: 'answers', value: record }, true);
          }
          mark('done', result?.summary);
        } catch (e) {
          mark('failed', `The last step of this round failed: ${(e as Error)?.message ?? e}`);
        } finally {
          finishing.delete(key);
        }
      },

      putMedia(index, piece) {
        const cur = get().current;
        if (!cur || get().ownership !== 'owner') return false;
        persist(
          {
            store: 'media',
            value: { sessionId: cur.session.id, index, ...piece, updatedAt: now() },
          },
          true,
          false,
        );
        return true;
      },

      async listMedia(sessionId, index) {
        if (!db) return [];
        await get().flush();
        const pieces = (await dbm.getMedia(db, sessionId)).filter((m) => m.index === index);
        return pieces
          .sort((a, b) => a.clip.localeCompare(b.clip) || a.seq - b.seq)
          .map(({ clip, seq, blob, mimeType, at }) => ({ clip, seq, blob, mimeType, at }));
      },

      async deleteClip(sessionId, index, clip) {
        if (!db) return;
        await get().flush();
        await dbm.deleteClip(db, sessionId, index, clip);
      },

      async exportBackup(opts) {
        if (!db) throw new Error('storage is not ready');
        await get().flush();
        // The zip library and the backup code load only when a backup is made or read.
        const { backupFile, dumpAll, readSettings } = await import('./backup-io');
        const dump = await dumpAll(db, {
          media: opts.media,
          settings: readSettings(deps.settingsStorage),
          now: now(),
        });
        return backupFile(dump);
      },

      async previewImport(file) {
        if (!db) return { ok: false, errors: ['storage is not ready'] };
        const { readBackupFile } = await import('./backup-io');
        const read = await readBackupFile(file);
        if (!read.ok) return read;
        await get().flush();
        const [sessions, projects] = await Promise.all([
          db.getAll('sessions'),
          db.getAll('projects'),
        ]);
        const { planMerge } = await import('../domain/backup');
        const plan = planMerge(read.value.doc, {
          sessions: new Map(sessions.map((s) => [s.id, s])),
          projects: new Map(projects.map((p) => [p.id, p])),
        });
        return { ok: true, read: read.value, plan };
      },

      async applyImport(preview, conflicts) {
        if (!db) throw new Error('storage is not ready');
        if (get().current) get().closeSession();
        await get().flush();
        // The backup's schemas and merge come with the backup code, not in the entry bundle.
        const [{ recordsToWrite }, { writeImport }] = await Promise.all([
          import('../domain/backup'),
          import('./backup-io'),
        ]);
        const records = recordsToWrite(preview.read.doc, { ...preview.plan, conflicts });
        await writeImport(db, records, preview.read.files);
        for (const [k, v] of Object.entries(preview.read.doc.settings)) {
          try {
            deps.settingsStorage?.setItem(k, v);
          } catch {
            // A preference that cannot be kept is not worth failing an import for.
          }
        }
        await get().refreshSessions();
      },

      async listProjects() {
        return db ? dbm.listProjects(db) : [];
      },

      async saveProject(project) {
        if (!db) throw new Error('storage is not ready');
        await dbm.putProject(db, project);
      },

      async deleteProject(id) {
        if (db) await dbm.deleteProject(db, id);
      },

      putTimeline(index, seq, data, opts) {
        const cur = get().current;
        if (!cur || get().ownership !== 'owner' || isAnswerLocked(cur.session, index)) return false;
        const list = [...(cur.timeline[index] ?? [])];
        list[seq] = data;
        set({ current: { ...cur, timeline: { ...cur.timeline, [index]: list } } });
        persist(
          {
            store: 'timeline',
            value: { sessionId: cur.session.id, index, seq, data, updatedAt: now() },
          },
          false,
          opts?.journal !== false,
        );
        return true;
      },

      checkTimeout() {
        const cur = get().current;
        if (cur && get().ownership === 'owner' && timedOut(cur.session, now())) {
          get().dispatch({ type: 'finish', reason: 'timeout' });
        }
      },

      async takeOver() {
        const cur = get().current;
        if (!cur || !deps.guard) return;
        const ownership = await deps.guard.takeOver(cur.session.id, guardHooks);
        // Read again: the other tab saved its last edits before letting go.
        const fresh = await loadCurrent(cur.session.id);
        set({
          ownership,
          current: fresh && fresh !== 'damaged' ? fresh : cur,
          loads: get().loads + 1,
        });
        get().checkTimeout();
      },

      async deleteSession(id) {
        if (!db) return null;
        const opened = db;
        if (get().current?.session.id === id) get().closeSession();
        await get().flush();
        const removed = await dbm.deleteSession(opened, id);
        await get().refreshSessions();
        if (!removed) return null;
        return async () => {
          await dbm.restoreSession(opened, removed);
          await get().refreshSessions();
        };
      },

      flush() {
        return saver ? saver.flush() : Promise.resolve(true);
      },

      clearNotice() {
        set({ notice: null });
      },
    };
  });
  return store;
}
