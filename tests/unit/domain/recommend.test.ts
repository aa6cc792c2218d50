import { describe, expect, it } from 'vitest';
import { QUIZ, recommendTrack } from '../../../src/domain/recommend';

describe('which track', () => {
  it('recommends RS for a published researcher who wants new methods, with reasons', () => {
    const r = recommendTrack({
      publications: 'first-author',
      shipped: 'none',
      derivations: 'high',
      goal: 'research',
      coding: 'method',
      design: 'deep-dive',
    });
    expect(r.track).toBe('rs');
    expect(r.close).toBe(false);
    expect(r.reasons.length).toBeGreaterThanOrEqual(3);
    expect(r.reasons.join(' ')).toMatch(/First-author papers/);
  });

  it('recommends MLE for someone who owned production models and wants product impact', () => {
    const r = recommendTrack({
      publications: 'none',
      shipped: 'owned',
      derivations: 'low',
      goal: 'product',
      coding: 'production',
      design: 'system-design',
    });
    expect(r.track).toBe('mle');
    expect(r.reasons.join(' ')).toMatch(/production/);
    expect(r.reasons.every((x) => !/RS loop asks you/.test(x))).toBe(true);
  });

  it('says when the result is close, and ties go to MLE', () => {
    const r = recommendTrack({ derivations: 'medium', goal: 'both' });
    expect(r.scores).toEqual({ mle: 2, rs: 2 });
    expect(r.track).toBe('mle');
    expect(r.close).toBe(true);
  });

  it('ignores unknown answers and counts what was answered', () => {
    const r = recommendTrack({ publications: 'bogus', nothing: 'x' });
    expect(r.answered).toBe(0);
    expect(recommendTrack({ publications: 'none' }).answered).toBe(1);
  });

  it('every question has options with distinct ids', () => {
    for (const q of QUIZ) expect(new Set(q.options.map((o) => o.id)).size).toBe(q.options.length);
  });
});
