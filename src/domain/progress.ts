// Review over weeks: what to practise next, scores per dimension over time, sessions per week.
// Pure functions of the catalog and stored sessions, so each is tested without a screen.
import type { Catalog, TrackId } from './content';
import type { DimensionSummary } from './verdict';

export interface PracticeSuggestion {
  kind: string;
  templateId: string;
  title: string;
  /** The weakest dimension it aims at, e.g. "coding.efficiency". */
  ref: string;
  reason: string;
}

/** A dimension to practise, and why, in the order they matter. */
export interface PracticeTarget {
  ref: string;
  kind: string;
  reason: string;
}

/** Targets from a session: dimensions its signals contradict first, then the weakest scores. */
export function practiceTargets(
  flagged: { ref: string; kind: string; name: string; self: number }[],
  weakest: DimensionSummary[],
): PracticeTarget[] {
  const out: PracticeTarget[] = flagged.map((f) => ({
    ref: f.ref,
    kind: f.kind,
    reason: `the signals disagree with your ${f.self} for ${f.name}`,
  }));
  for (const d of weakest)
    if (!out.some((t) => t.ref === d.ref))
      out.push({ ref: d.ref, kind: d.kind, reason: `${d.name} averaged ${d.mean.toFixed(2)}` });
  return out.filter((t, i) => out.findIndex((x) => x.ref === t.ref) === i);
}

/**
 * Two or three practice rounds aimed at the targets: for each, a template of the dimension's
 * kind not used recently (preferring the tags the session drew that kind with), one per kind
 * until every weak kind has one, never the same template twice.
 */
export function practiseNext(input: {
  targets: PracticeTarget[];
  catalog: Catalog;
  /** Template ids used by recent sessions, most recent first. */
  recent: string[];
  /** Kinds that exist (a dimension of a retired kind is skipped). */
  kinds: string[];
  /** Tags each kind was drawn with in the session, e.g. {coding: ['ml']}. */
  tagsOf?: Record<string, string[]>;
  max?: number;
}): PracticeSuggestion[] {
  const max = input.max ?? 3;
  const out: PracticeSuggestion[] = [];
  const chosen = new Set<string>();
  const candidates = input.targets.filter((d) => input.kinds.includes(d.kind));
  // Spread over kinds first: the weakest dimension of each kind, then the rest.
  const firstOfKind = candidates.filter(
    (d, i) => candidates.findIndex((x) => x.kind === d.kind) === i,
  );
  const order = [...firstOfKind, ...candidates.filter((d) => !firstOfKind.includes(d))];
  for (const d of order) {
    if (out.length >= max) break;
    const all = [...(input.catalog.templates[d.kind] ?? [])].sort((a, b) =>
      a.id.localeCompare(b.id),
    );
    const tags = input.tagsOf?.[d.kind] ?? [];
    const tagged = all.filter((t) => tags.every((tag) => t.tags.includes(tag)));
    const pool = (tagged.length ? tagged : all).filter((t) => !chosen.has(t.id));
    if (pool.length === 0) continue;
    const fresh = pool.filter((t) => !input.recent.includes(t.id));
    // Everything used lately: the one used longest ago.
    const pick =
      fresh[0] ??
      [...pool].sort((a, b) => input.recent.indexOf(b.id) - input.recent.indexOf(a.id))[0]!;
    chosen.add(pick.id);
    out.push({
      kind: d.kind,
      templateId: pick.id,
      title: pick.title,
      ref: d.ref,
      reason: d.reason,
    });
  }
  return out;
}

/** One session's place in the history charts. */
export interface SessionPoint {
  id: string;
  at: number;
  mode: 'loop' | 'practice';
  trackId: TrackId | null;
  kinds: string[];
  /** Mean self-score per dimension ref ("coding.correctness") in this session. */
  dimensions: Record<string, number>;
  /** The loop's weighted mean, when scored. */
  mean: number | null;
}

export interface Trend {
  ref: string;
  name: string;
  points: { at: number; mean: number; sessionId: string }[];
}

/** Scores per dimension over time, one line per dimension, oldest point first. */
export function trends(points: SessionPoint[], nameOf: (ref: string) => string): Trend[] {
  const byRef = new Map<string, Trend>();
  for (const p of [...points].sort((a, b) => a.at - b.at)) {
    for (const [ref, mean] of Object.entries(p.dimensions)) {
      let t = byRef.get(ref);
      if (!t) {
        t = { ref, name: nameOf(ref), points: [] };
        byRef.set(ref, t);
      }
      t.points.push({ at: p.at, mean, sessionId: p.id });
    }
  }
  return [...byRef.values()].sort((a, b) => a.ref.localeCompare(b.ref));
}

/**
 * The trend lines a history chart draws: one per dimension of `kind` when the person narrowed
 * history to one kind; otherwise one per kind, the mean of its dimensions in each session (a
 * line for every dimension of every kind is some 30 lines: unreadable, and slow to draw).
 */
export function trendLines(
  points: SessionPoint[],
  kind: string | undefined,
  names: { dimension(ref: string): string; kind(kind: string): string },
): Trend[] {
  if (kind) {
    const own = points.map((p) => ({
      ...p,
      dimensions: Object.fromEntries(
        Object.entries(p.dimensions).filter(([ref]) => ref.startsWith(`${kind}.`)),
      ),
    }));
    return trends(own, names.dimension);
  }
  const perKind = points.map((p) => {
    const sums = new Map<string, { total: number; n: number }>();
    for (const [ref, mean] of Object.entries(p.dimensions)) {
      const k = ref.slice(0, ref.indexOf('.'));
      const s = sums.get(k) ?? { total: 0, n: 0 };
      s.total += mean;
      s.n += 1;
      sums.set(k, s);
    }
    return {
      ...p,
      dimensions: Object.fromEntries([...sums].map(([k, s]) => [k, s.total / s.n])),
    };
  });
  return trends(perKind, names.kind);
}

const DAY = 86_400_000;

/** Monday 00:00 UTC of the week holding `at`. */
export function weekStart(at: number): number {
  const day = Math.floor(at / DAY);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday = 0.
  const weekday = (day + 3) % 7;
  return (day - weekday) * DAY;
}

/** Sessions per week, every week from the first to the last shown (empty weeks as 0). */
export function sessionsPerWeek(points: { at: number }[]): { week: number; count: number }[] {
  if (points.length === 0) return [];
  const counts = new Map<number, number>();
  for (const p of points) counts.set(weekStart(p.at), (counts.get(weekStart(p.at)) ?? 0) + 1);
  const weeks = [...counts.keys()].sort((a, b) => a - b);
  const out: { week: number; count: number }[] = [];
  for (let w = weeks[0]!; w <= weeks.at(-1)!; w += 7 * DAY)
    out.push({ week: w, count: counts.get(w) ?? 0 });
  return out;
}

export interface HistoryFilter {
  track?: TrackId | 'custom' | 'practice';
  kind?: string;
  from?: number;
  /** Exclusive. */
  to?: number;
}

export function filterPoints<P extends SessionPoint>(points: P[], f: HistoryFilter): P[] {
  return points.filter((p) => {
    if (f.track === 'practice' && p.mode !== 'practice') return false;
    if (f.track === 'custom' && (p.mode === 'practice' || p.trackId !== null)) return false;
    if (f.track && f.track !== 'practice' && f.track !== 'custom' && p.trackId !== f.track)
      return false;
    if (f.kind && !p.kinds.includes(f.kind)) return false;
    if (f.from !== undefined && p.at < f.from) return false;
    if (f.to !== undefined && p.at >= f.to) return false;
    return true;
  });
}

/** Steps a time axis may take between ticks, shortest first. */
const TICK_STEPS = [1, 2, 7, 14, 28, 91, 182, 364].map((days) => days * DAY);

/**
 * Where a time axis from `min` to `max` puts its ticks: at most `most` of them, on whole UTC days
 * (on Mondays from a week's step up), the step the shortest that keeps to `most`. The chart is
 * given these few instead of one candidate per session, each of which it would measure as text.
 */
export function timeTicks(min: number, max: number, most = 8): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return [];
  const origin = (step: number) => (step >= 7 * DAY ? weekStart(0) : 0);
  const first = (step: number) => origin(step) + Math.ceil((min - origin(step)) / step) * step;
  const count = (step: number) =>
    first(step) > max ? 0 : Math.floor((max - first(step)) / step) + 1;
  const longest = TICK_STEPS.at(-1)!;
  const step =
    TICK_STEPS.find((s) => count(s) <= most) ??
    Math.ceil((max - min) / Math.max(1, most - 1) / longest) * longest;
  const out: number[] = [];
  for (let t = first(step); t <= max; t += step) out.push(t);
  // A span too short to hold a whole day (one session, or a few on one day): its start.
  return out.length ? out : [min];
}
