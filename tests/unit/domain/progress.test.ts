import { describe, expect, it } from 'vitest';
import {
  filterPoints,
  practiceTargets,
  practiseNext,
  type SessionPoint,
  sessionsPerWeek,
  timeTicks,
  trendLines,
  trends,
  weekStart,
} from '../../../src/domain/progress';
import type { DimensionSummary } from '../../../src/domain/verdict';
import { makeCatalog, makeTemplate } from '../../helpers/factories';

const dim = (ref: string, mean: number) => ({
  ref,
  kind: ref.split('.')[0]!,
  reason: `${ref.split('.')[1]!} averaged ${mean.toFixed(2)}`,
});
const summary = (ref: string, mean: number): DimensionSummary => ({
  ref,
  kind: ref.split('.')[0]!,
  dimension: ref.split('.')[1]!,
  name: ref.split('.')[1]!,
  mean,
  count: 1,
});
const catalog = makeCatalog({
  templates: {
    fundamentals: ['alpha', 'bravo', 'charlie'].map((id) =>
      makeTemplate({ id, tags: id === 'charlie' ? ['theory'] : [] }),
    ),
    coding: ['softmax', 'heap'].map((id) => ({
      ...makeTemplate({ id, tags: id === 'heap' ? ['algorithms'] : ['ml'] }),
    })),
  },
});
const kinds = ['fundamentals', 'coding'];

describe('practise next', () => {
  it('aims first at dimensions the signals contradict, then at the weakest scores', () => {
    const t = practiceTargets(
      [{ ref: 'fundamentals.depth', kind: 'fundamentals', name: 'Depth', self: 4 }],
      [summary('fundamentals.depth', 4), summary('coding.correctness', 2)],
    );
    expect(t).toEqual([
      {
        ref: 'fundamentals.depth',
        kind: 'fundamentals',
        reason: 'the signals disagree with your 4 for Depth',
      },
      { ref: 'coding.correctness', kind: 'coding', reason: 'correctness averaged 2.00' },
    ]);
  });

  it('aims at the weakest dimensions, one kind each first, with templates not seen recently', () => {
    const next = practiseNext({
      targets: [
        dim('fundamentals.depth', 1.5),
        dim('fundamentals.accuracy', 2),
        dim('coding.correctness', 2),
      ],
      catalog,
      recent: ['alpha'],
      kinds,
    });
    expect(next.map((n) => [n.kind, n.templateId, n.ref])).toEqual([
      ['fundamentals', 'bravo', 'fundamentals.depth'],
      ['coding', 'heap', 'coding.correctness'],
      ['fundamentals', 'charlie', 'fundamentals.accuracy'],
    ]);
    expect(next[0]!.reason).toBe('depth averaged 1.50');
  });

  it('prefers the tags the session drew the kind with, and when all were used lately takes the oldest', () => {
    const next = practiseNext({
      targets: [dim('coding.correctness', 2)],
      catalog,
      recent: ['softmax', 'heap'],
      kinds,
      tagsOf: { coding: ['ml'] },
    });
    expect(next.map((n) => n.templateId)).toEqual(['softmax']);
    const oldest = practiseNext({
      targets: [dim('fundamentals.depth', 2)],
      catalog,
      recent: ['bravo', 'alpha', 'charlie'],
      kinds,
    });
    expect(oldest.map((n) => n.templateId)).toEqual(['charlie']);
  });

  it('skips kinds that no longer exist and stops at the maximum', () => {
    expect(
      practiseNext({ targets: [dim('retired-kind.x', 1)], catalog, recent: [], kinds }),
    ).toEqual([]);
    const many = ['a', 'b', 'c', 'd'].map((x) => dim(`fundamentals.${x}`, 2));
    expect(practiseNext({ targets: many, catalog, recent: [], kinds, max: 2 })).toHaveLength(2);
  });
});

const DAY = 86_400_000;
const MON = Date.UTC(2026, 10, 23); // a Monday
const point = (
  id: string,
  at: number,
  dims: Record<string, number>,
  more: Partial<SessionPoint> = {},
) => ({
  id,
  at,
  trackId: 'mle' as const,
  kinds: ['fundamentals'],
  dimensions: dims,
  mean: null,
  mode: 'loop' as 'loop' | 'practice',
  ...more,
});

describe('history over weeks', () => {
  it('all kinds: one line per kind (the mean of its dimensions); one kind: a line per dimension', () => {
    const points = [
      point('a', MON, { 'coding.x': 1, 'coding.y': 3, 'fundamentals.depth': 2 }),
      point('b', MON + DAY, { 'coding.x': 4 }),
    ];
    const names = { dimension: (r: string) => `dim ${r}`, kind: (k: string) => `kind ${k}` };
    expect(trendLines(points, undefined, names)).toEqual([
      {
        ref: 'coding',
        name: 'kind coding',
        points: [
          { at: MON, mean: 2, sessionId: 'a' },
          { at: MON + DAY, mean: 4, sessionId: 'b' },
        ],
      },
      {
        ref: 'fundamentals',
        name: 'kind fundamentals',
        points: [{ at: MON, mean: 2, sessionId: 'a' }],
      },
    ]);
    expect(trendLines(points, 'coding', names).map((t) => [t.name, t.points.length])).toEqual([
      ['dim coding.x', 2],
      ['dim coding.y', 1],
    ]);
  });

  it('draws one line per dimension, oldest point first', () => {
    const t = trends(
      [
        point('b', MON + DAY, { 'fundamentals.depth': 3 }),
        point('a', MON, { 'fundamentals.depth': 2, 'coding.x': 1 }),
      ],
      (ref) => ref.toUpperCase(),
    );
    expect(t).toEqual([
      { ref: 'coding.x', name: 'CODING.X', points: [{ at: MON, mean: 1, sessionId: 'a' }] },
      {
        ref: 'fundamentals.depth',
        name: 'FUNDAMENTALS.DEPTH',
        points: [
          { at: MON, mean: 2, sessionId: 'a' },
          { at: MON + DAY, mean: 3, sessionId: 'b' },
        ],
      },
    ]);
  });

  it('counts sessions per week from Monday, empty weeks included', () => {
    expect(weekStart(MON + 6 * DAY + 3600_000)).toBe(MON);
    expect(weekStart(MON - 1)).toBe(MON - 7 * DAY);
    expect(
      sessionsPerWeek([{ at: MON + DAY }, { at: MON + 2 * DAY }, { at: MON + 15 * DAY }]),
    ).toEqual([
      { week: MON, count: 2 },
      { week: MON + 7 * DAY, count: 0 },
      { week: MON + 14 * DAY, count: 1 },
    ]);
  });

  it('filters by track, kind and date range', () => {
    const pts = [
      point('m', MON, {}),
      point('r', MON + DAY, {}, { trackId: 'rs', kinds: ['coding'] }),
      point('p', MON + 2 * DAY, {}, { trackId: null, mode: 'practice' }),
      point('c', MON + 3 * DAY, {}, { trackId: null }),
    ];
    expect(filterPoints(pts, { track: 'rs' }).map((p) => p.id)).toEqual(['r']);
    expect(filterPoints(pts, { track: 'practice' }).map((p) => p.id)).toEqual(['p']);
    expect(filterPoints(pts, { track: 'custom' }).map((p) => p.id)).toEqual(['c']);
    expect(filterPoints(pts, { kind: 'coding' }).map((p) => p.id)).toEqual(['r']);
    expect(filterPoints(pts, { from: MON + DAY, to: MON + 3 * DAY }).map((p) => p.id)).toEqual([
      'r',
      'p',
    ]);
  });

  it('puts a time axis’s ticks on whole days, then on Mondays, never more than asked', () => {
    // Five days: every day.
    expect(timeTicks(MON + 3600_000, MON + 4 * DAY + 3600_000)).toEqual(
      [1, 2, 3, 4].map((d) => MON + d * DAY),
    );
    // Twenty weeks (as the bench's 200 sessions): every fortnight would be 10, so every 4 weeks.
    const ticks = timeTicks(MON - 140 * DAY + 5, MON + 5);
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks.every((t) => weekStart(t) === t)).toBe(true);
    expect(new Set(ticks.slice(1).map((t, i) => t - ticks[i]!))).toEqual(new Set([28 * DAY]));
    expect(ticks[0]).toBeGreaterThanOrEqual(MON - 140 * DAY + 5);
    expect(ticks.at(-1)).toBeLessThanOrEqual(MON + 5);
    // Ten years: still at most 8.
    expect(timeTicks(MON - 3650 * DAY, MON).length).toBeLessThanOrEqual(8);
    // One session, or several within a day: one tick where they are.
    expect(timeTicks(MON + 5, MON + 5)).toEqual([MON + 5]);
    expect(timeTicks(MON + 5, MON + 3600_000)).toEqual([MON + 5]);
    expect(timeTicks(Number.NaN, MON)).toEqual([]);
  });
});
