import { describe, expect, it } from 'vitest';
import { sameData } from '../../../src/domain/same-data';

describe('sameData: is a stored record read again the one already checked?', () => {
  const record = {
    id: 's1',
    phase: { name: 'done' },
    rounds: [{ scores: { depth: 3 }, note: '', timer: null }],
    startedAt: 5,
  };

  it('the same data in new objects is the same', () => {
    expect(sameData(record, structuredClone(record))).toBe(true);
    expect(sameData([1, 'a', null, true], [1, 'a', null, true])).toBe(true);
    expect(sameData(Number.NaN, Number.NaN)).toBe(true);
  });

  it('any difference, however deep, is not', () => {
    const changed = structuredClone(record);
    changed.rounds[0]!.scores.depth = 4;
    expect(sameData(record, changed)).toBe(false);
    expect(sameData(record, { ...record, extra: undefined })).toBe(false);
    expect(sameData({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameData([1, 2], [1, 2, 3])).toBe(false);
    expect(sameData([1], { 0: 1 })).toBe(false);
    expect(sameData({ n: 1 }, { n: '1' })).toBe(false);
    expect(sameData(null, {})).toBe(false);
    expect(sameData(0, -0)).toBe(false);
  });

  it('a Blob or a Date is only the same as itself', () => {
    const blob = new Blob(['x']);
    expect(sameData(blob, blob)).toBe(true);
    expect(sameData(new Blob(['x']), new Blob(['x']))).toBe(false);
    expect(sameData(new Date(1), new Date(1))).toBe(false);
  });
});
