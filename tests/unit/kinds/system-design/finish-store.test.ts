// The contract a finish step relies on for the board: it sees the round's timeline and may add
// pieces to it once after the lock, without rewriting the answer.
import { memoryStorage } from '../../../helpers/memory-storage';
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { KindFinish } from '../../../../src/domain/kind';
import { fundamentalsSpec } from '../../../../src/kinds/fundamentals/spec';
import { createAppStore } from '../../../../src/store/app-store';
import { getAnswers, getTimeline, openDb } from '../../../../src/store/db';
import { localJournal } from '../../../../src/store/saver';
import { makeCatalog } from '../../../helpers/factories';

let n = 0;

describe("a kind's finish step and the round timeline", () => {
  it('receives the timeline pieces and adds its own after the lock; the answer stays as stored', async () => {
    const seen: unknown[][] = [];
    const finish: KindFinish = async ({ timeline }) => {
      seen.push(timeline);
      return { summary: 'last frame added', timeline: [{ seq: timeline.length, data: 'last' }] };
    };
    const name = `finish-timeline-${n++}`;
    const storage = memoryStorage();
    const store = createAppStore({
      catalog: makeCatalog(),
      kinds: [{ spec: fundamentalsSpec, finish: async () => ({ default: finish }) }],
      openDb: () => openDb(name),
      journal: localJournal(storage, 'journal'),
      saverTiming: { debounceMs: 10, maxWaitMs: 20, retryMs: [20] },
    });
    await store.getState().init();
    const id = await store.getState().newSession({ type: 'track', trackId: 'mle' });
    await store.getState().openSession(id);
    store.getState().dispatch({ type: 'start' });
    store.getState().setAnswer(0, { answers: { q1: 'mine' } });
    store.getState().putTimeline(0, 0, 'first', { journal: false });
    store.getState().putTimeline(0, 1, 'second', { journal: false });
    store.getState().dispatch({ type: 'finish', reason: 'done' });
    await vi.waitFor(() =>
      expect(store.getState().current!.session.rounds[0]!.finish?.state).toBe('done'),
    );
    expect(seen).toEqual([['first', 'second']]);
    // The view can no longer write it (the round is locked); the finish step did.
    expect(store.getState().putTimeline(0, 3, 'late')).toBe(false);
    expect(store.getState().current!.timeline[0]).toEqual(['first', 'second', 'last']);
    await store.getState().flush();
    const db = await openDb(name);
    const pieces = (await getTimeline(db, id)).sort((a, b) => a.seq - b.seq).map((p) => p.data);
    expect(pieces).toEqual(['first', 'second', 'last']);
    expect((await getAnswers(db, id))[0]?.value).toEqual({ answers: { q1: 'mine' } });
    db.close();
    // Large pieces never go to the synchronous journal.
    expect(storage.getItem('journal') ?? '').not.toContain('last');
  });
});
