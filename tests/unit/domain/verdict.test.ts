import { describe, expect, it } from 'vitest';
import type { Level } from '../../../src/domain/content';
import {
  type DimensionSummary,
  dimensionSummaries,
  failureModeHits,
  loopVerdict,
  roundVerdict,
  verdictForMean,
  weakest,
} from '../../../src/domain/verdict';
import { makeRubric, makeTrack, policy } from '../../helpers/factories';

const rubric = makeRubric();
const scores = (a: number, d: number, c: number, e: number) =>
  ({ accuracy: a, depth: d, clarity: c, examples: e }) as Record<string, Level>;

describe('verdicts', () => {
  it('map a mean to the four levels at the policy thresholds', () => {
    expect(verdictForMean(1.74, policy)).toBe('strong-no-hire');
    expect(verdictForMean(1.75, policy)).toBe('lean-no-hire');
    expect(verdictForMean(2.49, policy)).toBe('lean-no-hire');
    expect(verdictForMean(2.5, policy)).toBe('lean-hire');
    expect(verdictForMean(3.25, policy)).toBe('strong-hire');
  });

  it('a round is the mean of its dimensions; a dimension at 1 is flagged', () => {
    const v = roundVerdict(scores(4, 3, 3, 1), rubric, policy)!;
    expect(v.mean).toBe(2.75);
    expect(v.verdict).toBe('lean-hire');
    expect(v.flagged).toEqual(['examples']);
  });

  it('a round that is not fully scored has no verdict', () => {
    expect(roundVerdict({ accuracy: 3 }, rubric, policy)).toBeNull();
  });

  it('the loop is the weight-weighted mean of its rounds', () => {
    const a = roundVerdict(scores(2, 2, 2, 2), rubric, policy)!;
    const b = roundVerdict(scores(4, 4, 4, 4), rubric, policy)!;
    const v = loopVerdict(
      [
        { weight: 1, verdict: a },
        { weight: 3, verdict: b },
      ],
      policy,
    )!;
    expect(v.weightedMean).toBe(3.5);
    expect(v.verdict).toBe('strong-hire');
    expect(v.capped).toBe(false);
  });

  it('a strong-no-hire round caps the loop at lean no hire', () => {
    const bad = roundVerdict(scores(1, 1, 2, 1), rubric, policy)!;
    const great = roundVerdict(scores(4, 4, 4, 4), rubric, policy)!;
    expect(bad.verdict).toBe('strong-no-hire');
    const v = loopVerdict(
      [
        { weight: 1, verdict: bad },
        { weight: 5, verdict: great },
      ],
      policy,
    )!;
    expect(v.byMean).toBe('strong-hire');
    expect(v.verdict).toBe('lean-no-hire');
    expect(v.capped).toBe(true);
  });

  it('finds the weakest dimensions across rounds and calls out the track failure mode', () => {
    const sums = dimensionSummaries(
      [
        { kind: 'fundamentals', scores: scores(3, 3, 4, 2) },
        { kind: 'fundamentals', scores: scores(3, 4, 4, 2) },
      ],
      () => rubric,
    );
    expect(sums[0]).toMatchObject({ ref: 'fundamentals.examples', mean: 2, count: 2 });
    expect(failureModeHits(makeTrack(), sums, policy).map((s) => s.ref)).toEqual([
      'fundamentals.examples',
    ]);
    const notWeakest = dimensionSummaries(
      [{ kind: 'fundamentals', scores: scores(1, 3, 3, 4) }],
      () => rubric,
    );
    expect(failureModeHits(makeTrack(), notWeakest, policy)).toEqual([]);
  });

  it('lists the three weakest dimensions and every one tied with the third', () => {
    const sum = (ref: string, m: number): DimensionSummary => ({
      ref,
      kind: ref.split('.')[0]!,
      dimension: ref.split('.')[1]!,
      name: ref,
      mean: m,
      count: 2,
    });
    const sums = [
      sum('coding.testing', 2),
      sum('coding.correctness', 2.25),
      sum('coding.code-quality', 2.5),
      sum('coding.problem-solving', 2.5),
      sum('coding.communication', 3),
    ];
    expect(weakest(sums, policy).map((s) => s.ref)).toEqual([
      'coding.testing',
      'coding.correctness',
      'coding.code-quality',
      'coding.problem-solving',
    ]);
    // Strong-hire-level dimensions are never "weakest", however few there are.
    expect(weakest([sum('coding.testing', 3.5), sum('coding.correctness', 4)], policy)).toEqual([]);
  });

  it('calls out the failure mode when one of its dimensions is among the weakest, not only the lowest', () => {
    const sums = dimensionSummaries(
      [
        { kind: 'fundamentals', scores: scores(2, 3, 3, 3) },
        { kind: 'fundamentals', scores: scores(2, 3, 2, 2) },
      ],
      () => rubric,
    );
    // accuracy 2 is the lowest; examples 2.5 is among the three weakest.
    expect(failureModeHits(makeTrack(), sums, policy).map((s) => s.ref)).toEqual([
      'fundamentals.examples',
    ]);
  });
});
