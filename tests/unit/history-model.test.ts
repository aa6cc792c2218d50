import { describe, expect, it } from 'vitest';
import { summarise, summariseCached } from '../../src/app/history-model';
import { assemblePlan } from '../../src/domain/plan';
import { createSession, type Session } from '../../src/domain/session';
import { fundamentalsSpec } from '../../src/kinds/fundamentals/spec';
import { makeCatalog } from '../helpers/factories';

const catalog = makeCatalog();
const kinds = [{ kind: 'fundamentals', title: fundamentalsSpec.title }];

function finished(id: string, score: 1 | 2 | 3 | 4): Session {
  const plan = assemblePlan(catalog, { type: 'practice', kind: 'fundamentals' }, 1, [], kinds);
  const s = createSession({
    id,
    mode: 'practice',
    seed: 1,
    plan,
    now: 1_000,
    emptyScoring: () => ({ covered: {} }),
  });
  return {
    ...s,
    startedAt: 1_000,
    finishedAt: 2_000,
    phase: { name: 'done' },
    rounds: s.rounds.map((r) => ({
      ...r,
      endReason: 'done' as const,
      scores: Object.fromEntries(catalog.rubrics[0]!.dimensions.map((d) => [d.id, score])),
    })),
  };
}

describe('history summaries, remembered per session', () => {
  it('the same session object gives the same summary; what it says is summarise’s', () => {
    const s = finished('a', 3);
    const once = summariseCached(catalog, s);
    expect(summariseCached(catalog, s)).toBe(once);
    expect(once).toEqual(summarise(catalog, s));
  });

  it('a changed session (a new object) or another catalog is summarised afresh', () => {
    const s = finished('a', 3);
    const before = summariseCached(catalog, s);
    const rescored = finished('a', 1);
    const after = summariseCached(catalog, rescored);
    expect(after).not.toBe(before);
    expect(after).toEqual(summarise(catalog, rescored));
    expect(after.point.mean).not.toEqual(before.point.mean);
    const other = makeCatalog();
    expect(summariseCached(other, s)).not.toBe(before);
  });
});
