// From self-scores to verdicts, with a formula simple enough to print on the review page.
import type { Level, Rubric, Track, VerdictId, VerdictPolicy } from './content';

export const VERDICT_ORDER: VerdictId[] = [
  'strong-no-hire',
  'lean-no-hire',
  'lean-hire',
  'strong-hire',
];

export function verdictForMean(mean: number, policy: VerdictPolicy): VerdictId {
  const t = policy.thresholds;
  if (mean < t.strongNoHireBelow) return 'strong-no-hire';
  if (mean < t.leanNoHireBelow) return 'lean-no-hire';
  if (mean < t.leanHireBelow) return 'lean-hire';
  return 'strong-hire';
}

export function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN;
}

export interface RoundVerdict {
  mean: number;
  verdict: VerdictId;
  /** Dimensions at or below the policy's flag level. */
  flagged: string[];
}

/** null when the round was not (fully) scored. */
export function roundVerdict(
  scores: Record<string, Level>,
  rubric: Rubric,
  policy: VerdictPolicy,
): RoundVerdict | null {
  const values = rubric.dimensions.map((d) => scores[d.id]);
  if (values.some((v) => v === undefined)) return null;
  const m = mean(values as number[]);
  return {
    mean: m,
    verdict: verdictForMean(m, policy),
    flagged: rubric.dimensions
      .filter((d) => (scores[d.id] as number) <= policy.flagDimensionAtOrBelow)
      .map((d) => d.id),
  };
}

export interface LoopVerdict {
  weightedMean: number;
  /** The verdict of the weighted mean alone. */
  byMean: VerdictId;
  /** After the cap for a strong-no-hire round. */
  verdict: VerdictId;
  capped: boolean;
}

export function loopVerdict(
  rounds: { weight: number; verdict: RoundVerdict }[],
  policy: VerdictPolicy,
): LoopVerdict | null {
  if (rounds.length === 0) return null;
  const totalWeight = rounds.reduce((s, r) => s + r.weight, 0);
  const weightedMean = rounds.reduce((s, r) => s + r.weight * r.verdict.mean, 0) / totalWeight;
  const byMean = verdictForMean(weightedMean, policy);
  const anyStrongNo = rounds.some((r) => r.verdict.verdict === 'strong-no-hire');
  const cap = policy.strongNoHireRoundCapsLoopAt;
  const capped = anyStrongNo && VERDICT_ORDER.indexOf(byMean) > VERDICT_ORDER.indexOf(cap);
  return { weightedMean, byMean, verdict: capped ? cap : byMean, capped };
}

export interface DimensionSummary {
  /** "kind.dimension" */
  ref: string;
  kind: string;
  dimension: string;
  name: string;
  mean: number;
  count: number;
}

/** Mean self-score per rubric dimension across rounds, weakest first. */
export function dimensionSummaries<R extends { kind: string; scores: Record<string, Level> }>(
  rounds: R[],
  /** The rubric a round was scored on (a kind may have several: one per round type). */
  rubricOf: (round: R) => Rubric | undefined,
): DimensionSummary[] {
  const acc = new Map<
    string,
    { kind: string; dimension: string; name: string; values: number[] }
  >();
  for (const r of rounds) {
    const rubric = rubricOf(r);
    if (!rubric) continue;
    for (const d of rubric.dimensions) {
      const v = r.scores[d.id];
      if (v === undefined) continue;
      const ref = `${r.kind}.${d.id}`;
      const entry = acc.get(ref) ?? { kind: r.kind, dimension: d.id, name: d.name, values: [] };
      entry.values.push(v);
      acc.set(ref, entry);
    }
  }
  return [...acc.entries()]
    .map(([ref, e]) => ({
      ref,
      kind: e.kind,
      dimension: e.dimension,
      name: e.name,
      mean: mean(e.values),
      count: e.values.length,
    }))
    .sort((a, b) => a.mean - b.mean || a.ref.localeCompare(b.ref));
}

/** How many dimensions the review lists as weakest (more when several tie with the last). */
export const WEAKEST_COUNT = 3;

const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/**
 * The weakest dimensions, as the review states them: the lowest WEAKEST_COUNT means among
 * those below the strong-hire threshold, and every dimension tied with the last of them.
 * `summaries` comes weakest first (dimensionSummaries sorts it).
 */
export function weakest(summaries: DimensionSummary[], policy: VerdictPolicy): DimensionSummary[] {
  const below = summaries.filter((s) => s.mean < policy.thresholds.leanHireBelow);
  if (below.length <= WEAKEST_COUNT) return below;
  const cut = below[WEAKEST_COUNT - 1]!.mean;
  return below.filter((s) => s.mean < cut || same(s.mean, cut));
}

/**
 * The track's top failure mode shows when one of its dimensions is among the weakest.
 * Returns the matching dimensions, or [] when it does not show.
 */
export function failureModeHits(
  track: Track,
  summaries: DimensionSummary[],
  policy: VerdictPolicy,
): DimensionSummary[] {
  return weakest(summaries, policy).filter((s) => track.failureMode.dimensions.includes(s.ref));
}
