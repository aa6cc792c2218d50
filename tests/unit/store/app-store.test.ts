import { memoryStorage } from '../../helpers/memory-storage';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fundamentalsSpec } from '../../../src/kinds/fundamentals/spec';
import { createAppStore } from '../../../src/store/app-store';
import { getAnswers, getMedia, getSession, openDb, writeBatch } from '../../../src/store/db';
import { localJournal } from '../../../src/store/saver';
import { makeCatalog } from '../../helpers/factories';

const MIN = 60_000;
let dbCount = 0;

type Finish = NonNullable<Parameters<typeof createAppStore>[0]['kinds'][number]['finish']>;

function setup(
  opts: { name?: string; storage?: Storage; clock?: { t: number }; finish?: Finish } = {},
) {
  const name = opts.name ?? `app-${dbCount++}`;
  const clock = opts.clock ?? { t: 1_000_000 };
  const storage = opts.storage ?? memoryStorage();
  let ids = 0;
  const store = createAppStore({
    catalog: makeCatalog(),
    kinds: [{ spec: fundamentalsSpec, finish: opts.finish }],
    openDb: () => openDb(name),
    journal: localJournal(storage, 'journal'),
    now: () => clock.t,
    newId: () => `sess-${++ids}-${name}`,
    saverTiming: { debounceMs: 10, maxWaitMs: 20, retryMs: [20] },
  });
  return { store, name, clock, storage };
}

afterEach(() => vi.restoreAllMocks());

describe('the app store', () => {
  it('creates a loop in its planning phase, then runs it with answers saved record by record', async () => {
    const { store, name, clock } = setup();
    await store.getState().init();
    const id = await store.getState().newSession({ type: 'track', trackId: 'mle' });
    await store.getState().openSession(id);
    expect(store.getState().current?.session.phase).toEqual({ name: 'planning' });
    expect(store.getState().dispatch({ type: 'start' })).toEqual({ ok: true });
    expect(store.getState().setAnswer(0, { answers: { q1: 'Bias is…' } })).toBe(true);
    clock.t += 1000;
    await store.getState().flush();

    const db = await openDb(name);
    expect((await getSession(db, id))?.phase).toEqual({ name: 'round', index: 0 });
    expect(await getAnswers(db, id)).toEqual([
      expect.objectContaining({ sessionId: id, index: 0, value: { answers: { q1: 'Bias is…' } } }),
    ]);
    db.close();
  });

  it('after a reload mid-round, returns to the same round with the text and the right remaining time', async () => {
    const first = setup();
    await first.store.getState().init();
    const id = await first.store.getState().newSession({ type: 'track', trackId: 'mle' });
    await first.store.getState().openSession(id);
    first.store.getState().dispatch({ type: 'start' });
    first.store.getState().setAnswer(0, { answers: { q1: 'draft' } });
    await first.store.getState().flush();

    const clock = { t: first.clock.t + 12 * MIN };
    const second = setup({ name: first.name, clock });
    await second.store.getState().init();
    await second.store.getState().openSession(id);
    const cur = second.store.getState().current!;
    expect(cur.session.phase).toEqual({ name: 'round', index: 0 });
    expect(cur.answers[0]?.value).toEqual({ answers: { q1: 'draft' } });
    const { remainingMs } = await import('../../../src/domain/timer');
    expect(remainingMs(cur.session.rounds[0]!.timer!, clock.t)).toBe(18 * MIN);
  });

  it('when time ran out while the page was closed, opens at scoring with the answer locked', async () => {
    const first = setup();
    await first.store.getState().init();
    const id = await first.store.getState().newSession({ type: 'track', trackId: 'mle' });
    await first.store.getState().openSession(id);
    first.store.getState().dispatch({ type: 'start' });
    await first.store.getState().flush();

    const second = setup({ name: first.name, clock: { t: first.clock.t + 3 * 60 * MIN } });
    await second.store.getState().init();
    await second.store.getState().openSession(id);
    const s = second.store.getState().current!.session;
    expect(s.phase).toEqual({ name: 'scoring', index: 0 });
    expect(s.rounds[0]!.endReason).toBe('timeout');
    expect(s.rounds[0]!.timer!.endedAt).toBe(first.clock.t + 30 * MIN);
    expect(second.store.getState().setAnswer(0, { answers: { q1: 'too late' } })).toBe(false);
  });

  it('recovers edits from the journal after a crash before the write landed', async () => {
    const storage = memoryStorage();
    const first = setup({ storage });
    await first.store.getState().init();
    const id = await first.store.getState().newSession({ type: 'track', trackId: 'mle' });
    await first.store.getState().openSession(id);
    first.store.getState().dispatch({ type: 'start' });
    await first.store.getState().flush();
    first.clock.t += 500;
    first.store.getState().setAnswer(0, { answers: { q1: 'last words before the crash' } });
    // The tab dies here: no flush.

    const second = setup({ name: first.name, storage, clock: { t: first.clock.t + 1000 } });
    await second.store.getState().init();
    await second.store.getState().openSession(id);
    expect(second.store.getState().current!.answers[0]?.value).toEqual({
      answers: { q1: 'last words before the crash' },
    });
  });

  it('a failed write shows an error, keeps the work in memory and lands once storage works again', async () => {
    const { store, name } = setup();
    await store.getState().init();
    const id = await store.getState().newSession({ type: 'track', trackId: 'mle' });
    await store.getState().openSession(id);
    store.getState().dispatch({ type: 'start' });
    await store.getState().flush();
    const realPut = IDBObjectStore.prototype.put;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    store.getState().setAnswer(0, { answers: { q1: 'keep me' } });
    await vi.waitFor(() => expect(store.getState().save.state).toBe('error'));
    expect(store.getState().current!.answers[0]?.value).toEqual({ answers: { q1: 'keep me' } });
    spy.mockImplementation(realPut);
    await vi.waitFor(() => expect(store.getState().save.state).toBe('saved'));
    const db = await openDb(name);
    expect((await getAnswers(db, id))[0]?.value).toEqual({ answers: { q1: 'keep me' } });
    db.close();
  });

  it('the disk filling mid-recording keeps every piece already saved, says so, and lands the rest later', async () => {
    const { store, name, clock } = setup();
    await store.getState().init();
    const id = await store.getState().newSession({ type: 'track', trackId: 'mle' });
    await store.getState().openSession(id);
    store.getState().dispatch({ type: 'start' });
    const piece = (seq: number) => ({
      clip: 'clip-1',
      seq,
      blob: new Blob([`audio ${seq}`], { type: 'audio/webm' }),
      mimeType: 'audio/webm',
      at: clock.t + seq * 1000,
    });
    const stored = async () => {
      const db = await openDb(name);
      const seqs = (await getMedia(db, id)).map((m) => m.seq).sort();
      db.close();
      return seqs;
    };
    expect(store.getState().putMedia(0, piece(0))).toBe(true);
    expect(store.getState().putMedia(0, piece(1))).toBe(true);
    await store.getState().flush();
    expect(await stored()).toEqual([0, 1]);

    const realPut = IDBObjectStore.prototype.put;
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    store.getState().putMedia(0, piece(2));
    store.getState().putMedia(0, piece(3));
    await vi.waitFor(() => expect(store.getState().save.state).toBe('error'));
    expect(await stored()).toEqual([0, 1]);
    full.mockImplementation(realPut);
    await vi.waitFor(() => expect(store.getState().save.state).toBe('saved'));
    expect(await stored()).toEqual([0, 1, 2, 3]);
  });

  it('after a reload on a full disk, the journal wins over the stale stored answer until it lands', async () => {
    const storage = memoryStorage();
    const first = setup({ storage });
    await first.store.getState().init();
    const id = await first.store.getState().newSession({ type: 'track', trackId: 'mle' });
    await first.store.getState().openSession(id);
    first.store.getState().dispatch({ type: 'start' });
    first.store.getState().setAnswer(0, { answers: { q1: 'stored before the disk filled' } });
    await first.store.getState().flush();
    const realPut = IDBObjectStore.prototype.put;
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    first.clock.t += 1000;
    first.store
      .getState()
      .setAnswer(0, { answers: { q1: 'stored before the disk filled, and more' } });
    await vi.waitFor(() => expect(first.store.getState().save.state).toBe('error'));

    // Reload with the disk still full.
    const second = setup({ name: first.name, storage, clock: { t: first.clock.t + 1000 } });
    await second.store.getState().init();
    await second.store.getState().openSession(id);
    expect(second.store.getState().current!.answers[0]?.value).toEqual({
      answers: { q1: 'stored before the disk filled, and more' },
    });
    await vi.waitFor(() => expect(second.store.getState().save.state).toBe('error'));
    second.clock.t += 1000;
    second.store
      .getState()
      .setAnswer(0, { answers: { q1: 'stored before the disk filled, and more, and the end' } });

    full.mockImplementation(realPut);
    await vi.waitFor(() => expect(second.store.getState().save.state).toBe('saved'));
    const db = await openDb(first.name);
    expect((await getAnswers(db, id))[0]?.value).toEqual({
      answers: { q1: 'stored before the disk filled, and more, and the end' },
    });
    db.close();
  });

  it('a stale write never overwrites a record stored with a later change', async () => {
    const { name } = setup();
    const db = await openDb(name);
    const rec = (text: string, updatedAt: number) => ({
      store: 'answers' as const,
      value: { sessionId: 's', index: 0, kind: 'fundamentals', value: { text }, updatedAt },
    });
    await writeBatch(db, [rec('newer', 20)]);
    await writeBatch(db, [rec('older', 10)]);
    expect((await getAnswers(db, 's'))[0]?.value).toEqual({ text: 'newer' });
    await writeBatch(db, [rec('newest', 30)]);
    expect((await getAnswers(db, 's'))[0]?.value).toEqual({ text: 'newest' });
    db.close();
  });

  describe("a kind's finish step", () => {
    const grading: Finish = async () => ({
      default: async ({ answer, endReason }) => ({
        answer: { ...(answer as object), graded: endReason },
        summary: `graded after ${endReason}`,
      }),
    });

    it('runs once when the round ends and writes the answer once after the lock', async () => {
      const { store, name } = setup({ finish: grading });
      await store.getState().init();
      const id = await store.getState().newSession({ type: 'track', trackId: 'mle' });
      await store.getState().openSession(id);
      store.getState().dispatch({ type: 'start' });
      store.getState().setAnswer(0, { answers: { q1: 'mine' } });
      store.getState().dispatch({ type: 'finish', reason: 'done' });
      await vi.waitFor(() =>
        expect(store.getState().current!.session.rounds[0]!.finish?.state).toBe('done'),
      );
      expect(store.getState().current!.session.rounds[0]!.finish?.summary).toBe(
        'graded after done',
      );
      expect(store.getState().setAnswer(0, { answers: { q1: 'after the lock' } })).toBe(false);
      await store.getState().flush();
      const db = await openDb(name);
      expect((await getAnswers(db, id))[0]?.value).toEqual({
        answers: { q1: 'mine' },
        graded: 'done',
      });
      expect((await getSession(db, id))?.rounds[0]?.finish?.state).toBe('done');
      db.close();
    });

    it('runs when the timeout is found on reopening a closed session, with no view mounted', async () => {
      const first = setup();
      await first.store.getState().init();
      const id = await first.store.getState().newSession({ type: 'track', trackId: 'mle' });
      await first.store.getState().openSession(id);
      first.store.getState().dispatch({ type: 'start' });
      first.store.getState().setAnswer(0, { answers: { q1: 'written before closing' } });
      await first.store.getState().flush();

      const later = { t: first.clock.t + 2 * 60 * MIN };
      const second = setup({ name: first.name, clock: later, finish: grading });
      await second.store.getState().init();
      await second.store.getState().openSession(id);
      await vi.waitFor(() =>
        expect(second.store.getState().current!.session.rounds[0]!.finish?.state).toBe('done'),
      );
      expect(second.store.getState().current!.answers[0]?.value).toEqual({
        answers: { q1: 'written before closing' },
        graded: 'timeout',
      });
    });

    it('a finish step cut short by a closed page runs again on reopening, and a failure says so', async () => {
      let calls = 0;
      const failing: Finish = async () => ({
        default: async () => {
          calls++;
          throw new Error('Python could not start');
        },
      });
      const hanging: Finish = () => new Promise(() => {});
      const first = setup({ finish: hanging });
      await first.store.getState().init();
      const id = await first.store.getState().newSession({ type: 'track', trackId: 'mle' });
      await first.store.getState().openSession(id);
      first.store.getState().dispatch({ type: 'start' });
      first.store.getState().dispatch({ type: 'finish', reason: 'done' });
      await first.store.getState().flush();
      expect(first.store.getState().current!.session.rounds[0]!.finish?.state).toBe('running');

      const second = setup({ name: first.name, finish: failing });
      await second.store.getState().init();
      await second.store.getState().openSession(id);
      await vi.waitFor(() =>
        expect(second.store.getState().current!.session.rounds[0]!.finish?.state).toBe('failed'),
      );
      expect(second.store.getState().current!.session.rounds[0]!.finish?.summary).toMatch(
        /Python could not start/,
      );
      expect(calls).toBe(1);
    });
  });

  it('the answer a round starts from is drawn from the session seed and stored when it starts', async () => {
    const drawing = {
      ...fundamentalsSpec,
      emptyAnswer: (_t: unknown, ctx?: { seed: number; index: number }) => ({
        answers: {},
        drawn: `seed ${ctx?.seed} round ${ctx?.index}`,
      }),
    };
    const name = `draw-${dbCount++}`;
    const store = createAppStore({
      catalog: makeCatalog(),
      kinds: [{ spec: drawing }],
      openDb: () => openDb(name),
      saverTiming: { debounceMs: 10, maxWaitMs: 20, retryMs: [20] },
    });
    await store.getState().init();
    const id = await store.getState().newSession({ type: 'track', trackId: 'mle' });
    await store.getState().openSession(id);
    const seed = store.getState().current!.session.seed;
    store.getState().dispatch({ type: 'start' });
    await vi.waitFor(() =>
      expect(store.getState().current!.answers[0]?.value).toEqual({
        answers: {},
        drawn: `seed ${seed} round 0`,
      }),
    );
    await store.getState().flush();
    const db = await openDb(name);
    expect((await getAnswers(db, id))[0]?.value).toMatchObject({ drawn: `seed ${seed} round 0` });
    db.close();
  });

  it('recorded pieces go straight to IndexedDB, are listed in order, and go with their session', async () => {
    const { store, name, storage } = setup();
    await store.getState().init();
    const id = await store.getState().newSession({ type: 'track', trackId: 'mle' });
    await store.getState().openSession(id);
    store.getState().dispatch({ type: 'start' });
    store.getState().setAnswer(0, { answers: { q1: 'journaled' } });
    const piece = (clip: string, seq: number) => ({
      clip,
      seq,
      blob: new Blob([`${clip}-${seq}`]),
      mimeType: 'audio/webm',
      at: 1000 + seq,
    });
    expect(store.getState().putMedia(0, piece('b', 0))).toBe(true);
    store.getState().putMedia(0, piece('a', 1));
    store.getState().putMedia(0, piece('a', 0));
    // Nothing of a recording goes into the synchronous journal; the answer typed beside it does.
    expect(storage.getItem('journal')).toContain('journaled');
    expect(storage.getItem('journal')).not.toContain('audio/webm');
    const listed = await store.getState().listMedia(id, 0);
    expect(listed.map((p) => `${p.clip}${p.seq}`)).toEqual(['a0', 'a1', 'b0']);
    await store.getState().deleteClip(id, 0, 'a');
    expect((await store.getState().listMedia(id, 0)).map((p) => p.clip)).toEqual(['b']);
    await store.getState().deleteSession(id);
    const db = await openDb(name);
    expect(await db.getAll('media')).toEqual([]);
    db.close();
  });

  it('a damaged stored record is reported and skipped, never handed to a screen', async () => {
    const { store, name } = setup();
    await store.getState().init();
    const good = await store
      .getState()
      .newSession({ type: 'practice', kind: 'fundamentals' }, { start: true });
    const db = await openDb(name);
    const broken = { ...(await getSession(db, good))!, id: 'broken', phase: { name: 'dancing' } };
    await db.put('sessions', broken as never);
    await db.put('answers', { sessionId: good, index: 0, kind: 'fundamentals' } as never);
    db.close();
    const listed = await store.getState().refreshSessions();
    expect(listed.map((s) => s.id)).toEqual([good]);
    expect(store.getState().damaged).toEqual([
      expect.objectContaining({ store: 'sessions', key: 'broken', raw: broken }),
    ]);
    await store.getState().openSession('broken');
    expect(store.getState().currentState).toBe('damaged');
    await store.getState().openSession(good);
    expect(store.getState().currentState).toBe('ready');
    expect(store.getState().current!.answers[0]).toBeUndefined();
    expect(store.getState().damaged.map((d) => `${d.store}: ${d.error}`)).toContain(
      'answers: answers[0].value: is missing (expected an answer); answers[0].updatedAt: is missing (expected number)',
    );
  });

  it('a session read again unchanged is the same checked session; a changed or damaged one is checked again', async () => {
    const { store, name } = setup();
    await store.getState().init();
    const a = await store
      .getState()
      .newSession({ type: 'practice', kind: 'fundamentals' }, { start: true });
    const b = await store
      .getState()
      .newSession({ type: 'practice', kind: 'fundamentals' }, { start: true });
    const first = await store.getState().refreshSessions();
    const second = await store.getState().refreshSessions();
    const byId = (list: typeof first, id: string) => list.find((s) => s.id === id)!;
    expect(byId(second, a)).toBe(byId(first, a));
    expect(byId(second, b)).toBe(byId(first, b));

    // Changed in storage behind the store's back (another tab, say): read as it now is.
    const db = await openDb(name);
    const stored = (await getSession(db, a))!;
    await db.put('sessions', { ...stored, rounds: [{ ...stored.rounds[0]!, note: 'edited' }] });
    const third = await store.getState().refreshSessions();
    expect(byId(third, a)).not.toBe(byId(first, a));
    expect(byId(third, a).rounds[0]!.note).toBe('edited');
    expect(byId(third, b)).toBe(byId(first, b));

    // Damaged after it was read fine: reported and left out, not served from what was checked.
    await db.put('sessions', { ...stored, phase: { name: 'dancing' } } as never);
    db.close();
    const fourth = await store.getState().refreshSessions();
    expect(fourth.map((s) => s.id)).toEqual([b]);
    expect(store.getState().damaged).toEqual([
      expect.objectContaining({ store: 'sessions', key: a }),
    ]);
  });

  it('asks the browser to keep its storage, once, at the first save', async () => {
    const requestPersist = vi.fn();
    const store = createAppStore({
      catalog: makeCatalog(),
      kinds: [{ spec: fundamentalsSpec }],
      openDb: () => openDb(`persist-${dbCount++}`),
      requestPersist,
    });
    await store.getState().init();
    const id = await store.getState().newSession({ type: 'track', trackId: 'mle' });
    await store.getState().openSession(id);
    expect(requestPersist).not.toHaveBeenCalled();
    store.getState().dispatch({ type: 'start' });
    store.getState().setAnswer(0, { answers: { q1: 'a' } });
    await store.getState().flush();
    expect(requestPersist).toHaveBeenCalledTimes(1);
  });

  it('keeps at most one unstarted plan, and deletion can be undone', async () => {
    const { store } = setup();
    await store.getState().init();
    const a = await store.getState().newSession({ type: 'track', trackId: 'mle' });
    const b = await store.getState().newSession({ type: 'track', trackId: 'rs' });
    const ids = (await store.getState().refreshSessions()).map((s) => s.id);
    expect(ids).toEqual([b]);
    expect(ids).not.toContain(a);
    const undo = await store.getState().deleteSession(b);
    expect(await store.getState().refreshSessions()).toEqual([]);
    await undo!();
    expect((await store.getState().refreshSessions()).map((s) => s.id)).toEqual([b]);
  });

  it('a practice session starts at once and avoids recently used templates next time', async () => {
    const { store } = setup();
    await store.getState().init();
    const used = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const id = await store
        .getState()
        .newSession({ type: 'practice', kind: 'fundamentals' }, { start: true });
      await store.getState().openSession(id);
      const s = store.getState().current!.session;
      expect(s.phase).toEqual({ name: 'round', index: 0 });
      used.add(s.plan.rounds[0]!.templateId);
    }
    expect(used.size).toBe(4);
  });
});
