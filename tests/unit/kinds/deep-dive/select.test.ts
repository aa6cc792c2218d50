import { describe, expect, it } from 'vitest';
import { drawProbes, drawSeed } from '../../../../src/kinds/deep-dive/select';

const bank = (themes: number, per: number) =>
  Array.from({ length: themes * per }, (_, i) => ({
    id: `p${String(i).padStart(2, '0')}`,
    theme: `t${i % themes}`,
  }));

describe('drawing probes from the bank', () => {
  it('gives the same probes in the same order for the same seed, whatever the bank order', () => {
    const b = bank(12, 3);
    const a = drawProbes(b, 8, 42);
    expect(drawProbes([...b].reverse(), 8, 42)).toEqual(a);
    expect(a).toHaveLength(8);
  });

  it('draws differently for other seeds', () => {
    const b = bank(12, 3);
    const seen = new Set(
      Array.from({ length: 20 }, (_, s) =>
        drawProbes(b, 8, s)
          .map((p) => p.id)
          .join(),
      ),
    );
    expect(seen.size).toBeGreaterThan(15);
  });

  it('never takes two from one theme while another theme remains', () => {
    for (let seed = 0; seed < 200; seed++) {
      const drawn = drawProbes(bank(8, 3), 8, seed);
      expect(new Set(drawn.map((p) => p.theme)).size).toBe(8);
    }
  });

  it('repeats a theme only once every theme was drawn, and never repeats a probe', () => {
    for (let seed = 0; seed < 50; seed++) {
      const drawn = drawProbes(bank(3, 3), 7, seed);
      expect(new Set(drawn.slice(0, 3).map((p) => p.theme)).size).toBe(3);
      expect(new Set(drawn.slice(3, 6).map((p) => p.theme)).size).toBe(3);
      expect(new Set(drawn.map((p) => p.id)).size).toBe(7);
    }
  });

  it('any first n of the drawn list covers n distinct themes (a shorter round asks fewer)', () => {
    const drawn = drawProbes(bank(10, 2), 8, 7);
    for (let n = 1; n <= 8; n++)
      expect(new Set(drawn.slice(0, n).map((p) => p.theme)).size).toBe(n);
  });

  it('stops at the bank size', () => {
    expect(drawProbes(bank(2, 2), 8, 1)).toHaveLength(4);
  });

  it('mixes the round index and the template into the seed', () => {
    expect(drawSeed(5, 0, 'project-defense')).toBe(drawSeed(5, 0, 'project-defense'));
    expect(drawSeed(5, 1, 'project-defense')).not.toBe(drawSeed(5, 0, 'project-defense'));
    expect(drawSeed(5, 0, 'production-story')).not.toBe(drawSeed(5, 0, 'project-defense'));
  });
});
