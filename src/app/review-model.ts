// Everything the review shows, computed from a stored session: per-round verdicts, the loop
// verdict with its formula, weakest dimensions, the track's failure mode, generous self-scores.
import type { CalibrationFlag } from '../domain/calibration';
import { type Catalog, findTrack, type Track } from '../domain/content';
import type { Session } from '../domain/session';
import {
  type DimensionSummary,
  dimensionSummaries,
  failureModeHits,
  type LoopVerdict,
  loopVerdict,
  type RoundVerdict,
  roundVerdict,
  weakest,
} from '../domain/verdict';
import { type RoundFacts, roundFacts } from './round-facts';

export interface ReviewRound {
  index: number;
  title: string;
  kind: string;
  weight: number;
  signature: boolean;
  played: boolean;
  facts: RoundFacts | null;
  verdict: RoundVerdict | null;
  flags: CalibrationFlag[];
}

export interface ReviewModel {
  track: Track | undefined;
  rounds: ReviewRound[];
  loop: LoopVerdict | null;
  summaries: DimensionSummary[];
  weakest: DimensionSummary[];
  failureMode: DimensionSummary[];
}

export function reviewModel(
  catalog: Catalog,
  session: Session,
  answers: Record<number, { value: unknown }>,
): ReviewModel {
  const rounds: ReviewRound[] = session.plan.rounds.map((planned, index) => {
    const record = session.rounds[index]!;
    const facts = roundFacts(catalog, session, answers, index);
    const verdict = facts ? roundVerdict(record.scores, facts.rubric, catalog.verdict) : null;
    return {
      index,
      title: planned.title,
      kind: planned.kind,
      weight: planned.weight,
      signature: planned.signature,
      played: record.endReason !== null,
      facts,
      verdict,
      flags: facts?.flags ?? [],
    };
  });
  const scored = rounds.flatMap((r) =>
    r.verdict ? [{ weight: r.weight, verdict: r.verdict }] : [],
  );
  const summaries = dimensionSummaries(
    rounds
      .filter((r) => r.verdict && r.facts)
      .map((r) => ({
        kind: r.kind,
        scores: session.rounds[r.index]!.scores,
        rubric: r.facts!.rubric,
      })),
    (r) => r.rubric,
  );
  const track = session.trackId ? findTrack(catalog, session.trackId) : undefined;
  return {
    track,
    rounds,
    loop: loopVerdict(scored, catalog.verdict),
    summaries,
    weakest: weakest(summaries, catalog.verdict),
    failureMode: track ? failureModeHits(track, summaries, catalog.verdict) : [],
  };
}

export function fmt(n: number): string {
  return Number.isFinite(n) ? n.toFixed(2) : '–';
}

/** The loop formula with this session's numbers in it. */
export function formulaText(model: ReviewModel): string {
  const scored = model.rounds.filter((r) => r.verdict);
  if (scored.length === 0 || !model.loop) return '';
  const terms = scored.map((r) => `${r.weight} × ${fmt(r.verdict!.mean)}`).join(' + ');
  const weights = scored.map((r) => r.weight).join(' + ');
  return `(${terms}) / (${weights}) = ${fmt(model.loop.weightedMean)}`;
}
