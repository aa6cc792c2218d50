import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  type Change,
  codeAt,
  lastMoment,
  type ReplayChunk,
  ReplayRecorder,
  readChunks,
  SNAPSHOT_EVERY_MS,
} from '../../../src/kinds/coding/replay';

function record() {
  const stored: ReplayChunk[] = [];
  const rec = new ReplayRecorder(0, (seq, chunk) => {
    stored[seq] = chunk;
  });
  return { rec, stored };
}

/** Types text at the end of a document, one editor event per character. */
function typeAt(rec: ReplayRecorder, doc: { text: string }, t: number, s: string) {
  for (const ch of s) {
    const change: Change = [doc.text.length, 0, ch];
    doc.text += ch;
    rec.edit(t, [change], doc.text);
  }
}

describe('the coding replay', () => {
  it('applies an editor event with several changes against the document before it', () => {
    // Two cursors: replace "a" at 0 and insert "!" at 3 in "abc".
    expect(
      applyChanges('abc', [
        [0, 1, 'A'],
        [3, 0, '!'],
      ]),
    ).toBe('Abc!');
  });

  it('replays the code as it stood at any moment', () => {
    const { rec, stored } = record();
    const doc = { text: 'def f():\n' };
    rec.snapshot(0, doc.text);
    typeAt(rec, doc, 1000, '    return 1');
    typeAt(rec, doc, 2000, '\n# done');
    expect(codeAt(stored, 500, 'STARTER')).toBe('def f():\n');
    expect(codeAt(stored, 1500, 'STARTER')).toBe('def f():\n    return 1');
    expect(codeAt(stored, 9000, 'STARTER')).toBe(doc.text);
    expect(lastMoment(stored)).toBe(2000);
  });

  it('starts a new chunk with a full snapshot every few seconds of editing', () => {
    const { rec, stored } = record();
    const doc = { text: '' };
    rec.snapshot(0, '');
    typeAt(rec, doc, 100, 'a');
    typeAt(rec, doc, SNAPSHOT_EVERY_MS + 100, 'b');
    expect(stored).toHaveLength(2);
    expect(stored[1]!.snapshot).toBe('ab');
  });

  it('when an event was missed, starts again from the editor text instead of drifting', () => {
    const { rec, stored } = record();
    rec.snapshot(0, 'abc');
    // The editor says the text is "xyz" after a change that does not explain it.
    rec.edit(10, [[0, 0, 'q']], 'xyz');
    expect(stored).toHaveLength(2);
    expect(codeAt(stored, 10, '')).toBe('xyz');
  });

  it('a reload continues numbering after the chunks already stored, and damaged chunks are skipped', () => {
    const stored: unknown[] = [{ v: 1, at: 0, snapshot: 'one', edits: [] }, { junk: true }];
    const rec = new ReplayRecorder(stored.length, (seq, chunk) => {
      stored[seq] = chunk;
    });
    rec.snapshot(5000, 'two');
    expect(stored).toHaveLength(3);
    const chunks = readChunks(stored);
    expect(chunks.map((c) => c.snapshot)).toEqual(['one', 'two']);
    expect(codeAt(chunks, 4000, '')).toBe('one');
    expect(codeAt(chunks, 6000, '')).toBe('two');
  });
});
