import { memoryStorage } from '../../helpers/memory-storage';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fundamentalsSpec } from '../../../src/kinds/fundamentals/spec';
import { createAppStore } from '../../../src/store/app-store';
import { getAnswers, getSession, openDb } from '../../../src/store/db';
import { localJournal } from '../../../src/store/saver';
import { makeCatalog } from '../../helpers/factories';

const MIN = 60_000;
let dbCount = 0;

function setup(opts: { name?: string; storage?: Storage; clock?: { t: number } } = {}) {
  const name = opts.name ?? `app-${dbCount++}`;
  const clock = opts.clock ?? { t: 1_000_000 };
  const storage = opts.storage ?? memoryStorage();
  let ids = 0;
  const store = createAppStore({
    catalog: makeCatalog(),
    kinds: [{ spec: fundamentalsSpec }],
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
