// What history needs of each stored session, computed from the start-up catalog alone (rubrics
// and template titles), so 200 sessions summarise without loading any kind's content.
import { type Catalog, findTemplate, findTrack, rubricFor } from '../domain/content';
import type { SessionPoint } from '../domain/progress';
import type { Session } from '../domain/session';
import { elapsedMs, totalBudgetMs } from '../domain/timer';
import {
  dimensionSummaries,
  type LoopVerdict,
  loopVerdict,
  type RoundVerdict,
  roundVerdict,
} from '../domain/verdict';
import { kindSpecs } from '../kinds/registry';

export interface SessionSummary {
  session: Session;
  point: SessionPoint;
  label: string;
  done: boolean;
  loop: LoopVerdict | null;
  rounds: {
    title: string;
    template: string;
    kind: string;
    verdict: RoundVerdict | null;
    usedMin: number | null;
    allottedMin: number | null;
  }[];
  /** Dimension ref → its display name, for this session's rubrics. */
  names: Record<string, string>;
}

export function summarise(catalog: Catalog, session: Session): SessionSummary {
  const rounds = session.plan.rounds.map((p, i) => {
    const record = session.rounds[i]!;
    const spec = kindSpecs.find((k) => k.kind === p.kind);
    const template = findTemplate(catalog, p.kind, p.templateId);
    const rubric = spec ? rubricFor(catalog, spec.rubricId, template) : undefined;
    const t = record.timer;
    const budget = t ? totalBudgetMs(t) : p.minutes * 60_000;
    return {
      title: p.title,
      template: template?.title ?? p.templateId,
      kind: p.kind,
      rubric,
      scores: record.scores,
      verdict:
        rubric && record.endReason ? roundVerdict(record.scores, rubric, catalog.verdict) : null,
      usedMin: t && t.endedAt !== null ? elapsedMs(t, t.endedAt) / 60_000 : null,
      allottedMin: budget === null ? null : budget / 60_000,
      weight: p.weight,
    };
  });
  const scored = rounds.flatMap((r) =>
    r.verdict ? [{ weight: r.weight, verdict: r.verdict }] : [],
  );
  const loop = loopVerdict(scored, catalog.verdict);
  const sums = dimensionSummaries(
    rounds.filter((r) => r.verdict),
    (r) => r.rubric,
  );
  const track = session.trackId ? findTrack(catalog, session.trackId) : undefined;
  const label =
    session.mode === 'practice'
      ? `Practice · ${rounds[0]?.template ?? ''}`
      : `${track?.name ?? 'Custom'} loop · ${rounds.length} rounds`;
  return {
    session,
    label,
    done: session.phase.name === 'done',
    loop,
    rounds: rounds.map(({ title, template, kind, verdict, usedMin, allottedMin }) => ({
      title,
      template,
      kind,
      verdict,
      usedMin,
      allottedMin,
    })),
    names: Object.fromEntries(sums.map((d) => [d.ref, `${d.name} (${d.kind})`])),
    point: {
      id: session.id,
      at: session.startedAt ?? session.createdAt,
      mode: session.mode,
      trackId: session.trackId,
      kinds: [...new Set(session.plan.rounds.map((r) => r.kind))],
      dimensions: Object.fromEntries(sums.map((d) => [d.ref, d.mean])),
      mean: loop?.weightedMean ?? null,
    },
  };
}

const summaries = new WeakMap<Catalog, WeakMap<Session, SessionSummary>>();

/**
 * summarise, remembered per catalog and session object: the store hands back the same object for
 * a session whose stored record did not change, so opening History again (or its refresh after
 * opening) works out, and re-renders, only the sessions that changed.
 */
export function summariseCached(catalog: Catalog, session: Session): SessionSummary {
  let byCatalog = summaries.get(catalog);
  if (!byCatalog) {
    byCatalog = new WeakMap();
    summaries.set(catalog, byCatalog);
  }
  let s = byCatalog.get(session);
  if (!s) {
    s = summarise(catalog, session);
    byCatalog.set(session, s);
  }
  return s;
}
