import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Write } from '../../../src/store/db';
import {
  createSaver,
  type JournalEntry,
  localJournal,
  type SaveStatus,
} from '../../../src/store/saver';
import { memoryStorage } from '../../helpers/memory-storage';

const answer = (text: string, updatedAt = 1): Write => ({
  store: 'answers',
  value: { sessionId: 's', index: 0, kind: 'fundamentals', value: { text }, updatedAt },
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the saver', () => {
  it('writes within a second of the last change, coalescing keystrokes into one write', async () => {
    const writes: Write[][] = [];
    const saver = createSaver({
      writeBatch: async (w) => void writes.push(w),
      onStatus: () => {},
      now: Date.now,
    });
    saver.put(answer('a'));
    await vi.advanceTimersByTimeAsync(100);
    saver.put(answer('ab'));
    await vi.advanceTimersByTimeAsync(100);
    saver.put(answer('abc'));
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(400);
    expect(writes).toHaveLength(1);
    expect((writes[0]![0]!.value as { value: { text: string } }).value.text).toBe('abc');
  });

  it('never waits more than a second while typing goes on', async () => {
    const writes: number[] = [];
    const saver = createSaver({
      writeBatch: async () => void writes.push(Date.now()),
      onStatus: () => {},
      now: Date.now,
    });
    const start = Date.now();
    for (let i = 0; i < 20; i++) {
      saver.put(answer(`x${i}`));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(writes.length).toBeGreaterThanOrEqual(1);
    expect(writes[0]! - start).toBeLessThanOrEqual(1000);
  });

  it('writes immediately when asked (phase changes)', async () => {
    const writes: Write[][] = [];
    const saver = createSaver({ writeBatch: async (w) => void writes.push(w), onStatus: () => {} });
    saver.put(answer('a'), { immediate: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toHaveLength(1);
  });

  describe('when a write fails (disk full)', () => {
    it('reports the error at once, keeps the work and retries until it lands', async () => {
      const statuses: SaveStatus[] = [];
      let fail = true;
      const landed: Write[][] = [];
      const saver = createSaver({
        writeBatch: async (w) => {
          if (fail) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
          landed.push(w);
        },
        onStatus: (s) => statuses.push(s),
        retryMs: [500],
      });
      saver.put(answer('important'));
      await vi.advanceTimersByTimeAsync(400);
      expect(statuses.at(-1)).toMatchObject({
        state: 'error',
        message: expect.stringMatching(/disk is full/),
      });
      expect(saver.pending()).toBe(1);
      saver.put(answer('important, edited'));
      await vi.advanceTimersByTimeAsync(600);
      expect(statuses.at(-1)?.state).toBe('error');
      fail = false;
      await vi.advanceTimersByTimeAsync(600);
      expect(statuses.at(-1)).toEqual({ state: 'saved' });
      expect(saver.pending()).toBe(0);
      expect((landed.at(-1)![0]!.value as { value: { text: string } }).value.text).toBe(
        'important, edited',
      );
    });
  });

  it('keeps unsaved edits in the journal until they are written', async () => {
    const storage = memoryStorage();
    const journal = localJournal(storage, 'j');
    let release: () => void = () => {};
    const saver = createSaver({
      writeBatch: () => new Promise<void>((r) => (release = r)),
      onStatus: () => {},
      journal,
    });
    saver.put(answer('typed before a crash'));
    const entries = Object.values(journal.read()) as JournalEntry[];
    expect(entries).toHaveLength(1);
    expect(entries[0]!.write.value).toMatchObject({ value: { text: 'typed before a crash' } });
    await vi.advanceTimersByTimeAsync(400);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(journal.read()).toEqual({});
    expect(storage.getItem('j')).toBeNull();
  });

  it("the journal keeps another tab's entries when this tab writes its own", () => {
    const storage = memoryStorage();
    const a = localJournal(storage, 'j');
    const b = localJournal(storage, 'j');
    a.write({ 'a:x:0': { write: answer('from a'), at: 1 } });
    b.write({ 'a:y:0': { write: answer('from b'), at: 2 } });
    a.write({});
    expect(Object.keys(b.read())).toEqual(['a:y:0']);
  });
});
