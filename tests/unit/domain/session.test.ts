import { describe, expect, it } from 'vitest';
import {
  createSession,
  isAnswerLocked,
  reduce,
  type Session,
  type SessionEvent,
  timedOut,
} from '../../../src/domain/session';
import { onePlan } from '../../helpers/factories';

const MIN = 60_000;
const DIMS = ['accuracy', 'depth'];
const ctx = { dimensionsOf: () => DIMS };

function make(mode: 'loop' | 'practice' = 'loop'): Session {
  return createSession({
    id: 's1',
    mode,
    seed: 1,
    plan: onePlan(30),
    now: 0,
    emptyScoring: () => ({ covered: {} }),
  });
}

function run(s: Session, ...events: SessionEvent[]): Session {
  for (const e of events) {
    const r = reduce(s, e, ctx);
    if (!r.ok) throw new Error(`${e.type}: ${r.error}`);
    s = r.session;
  }
  return s;
}

function rejects(s: Session, e: SessionEvent): string {
  const r = reduce(s, e, ctx);
  if (r.ok) throw new Error(`${e.type} was accepted`);
  return r.error;
}

const full = { accuracy: 3, depth: 2 } as const;

describe('a loop session', () => {
  it('moves planning → round → scoring → break → round → scoring → done', () => {
    let s = make();
    expect(s.phase).toEqual({ name: 'planning' });
    s = run(s, { type: 'start', now: 1000 });
    expect(s.phase).toEqual({ name: 'round', index: 0 });
    expect(s.rounds[0]!.timer).toMatchObject({ budgetMs: 30 * MIN, startedAt: 1000 });
    s = run(s, { type: 'finish', reason: 'done', now: 10 * MIN });
    expect(s.phase).toEqual({ name: 'scoring', index: 0 });
    s = run(
      s,
      { type: 'score', index: 0, scores: full, note: 'slow start', scoring: {}, now: 11 * MIN },
      { type: 'next', now: 12 * MIN },
    );
    expect(s.phase).toEqual({ name: 'between', index: 1 });
    s = run(s, { type: 'start-next', now: 15 * MIN });
    expect(s.rounds[1]!.timer?.startedAt).toBe(15 * MIN);
    s = run(
      s,
      { type: 'finish', reason: 'done', now: 20 * MIN },
      { type: 'score', index: 1, scores: full, note: '', scoring: {}, now: 21 * MIN },
      { type: 'next', now: 22 * MIN },
    );
    expect(s.phase).toEqual({ name: 'done' });
    expect(s.finishedAt).toBe(22 * MIN);
  });

  describe('when a transition is illegal', () => {
    it('rejects finishing before starting, and starting twice', () => {
      expect(rejects(make(), { type: 'finish', reason: 'done', now: 1 })).toMatch(
        /no round is running/,
      );
      const s = run(make(), { type: 'start', now: 0 });
      expect(rejects(s, { type: 'start', now: 1 })).toMatch(/already started/);
    });

    it('rejects moving on before every dimension is scored', () => {
      const s = run(make(), { type: 'start', now: 0 }, { type: 'finish', reason: 'done', now: 1 });
      expect(rejects(s, { type: 'next', now: 2 })).toMatch(/missing: accuracy, depth/);
      const half = run(s, {
        type: 'score',
        index: 0,
        scores: { accuracy: 3 },
        note: '',
        scoring: {},
        now: 3,
      });
      expect(rejects(half, { type: 'next', now: 4 })).toMatch(/missing: depth/);
    });

    it('rejects scores for a dimension the rubric does not have, or a round not yet played', () => {
      const s = run(make(), { type: 'start', now: 0 }, { type: 'finish', reason: 'done', now: 1 });
      expect(
        rejects(s, {
          type: 'score',
          index: 0,
          scores: { style: 4 },
          note: '',
          scoring: {},
          now: 2,
        }),
      ).toMatch(/not in the rubric: style/);
      expect(
        rejects(s, { type: 'score', index: 1, scores: full, note: '', scoring: {}, now: 2 }),
      ).toMatch(/only after it ends/);
    });

    it('rejects a timeout before time is up', () => {
      const s = run(make(), { type: 'start', now: 0 });
      expect(rejects(s, { type: 'finish', reason: 'timeout', now: 29 * MIN })).toMatch(
        /not up yet/,
      );
    });

    it('rejects +5 min and untimed in a loop (practice only)', () => {
      const s = run(make(), { type: 'start', now: 0 });
      expect(rejects(s, { type: 'extend', ms: 5 * MIN, now: 1 })).toMatch(/practice/);
      expect(rejects(s, { type: 'set-untimed', untimed: true, now: 1 })).toMatch(/practice/);
    });

    it('rejects changing the plan after the start, and any score once done', () => {
      const started = run(make(), { type: 'start', now: 0 });
      expect(rejects(started, { type: 'set-plan', plan: onePlan(45) })).toMatch(/fixed/);
      const done = run(
        started,
        { type: 'finish', reason: 'done', now: 1 },
        { type: 'score', index: 0, scores: full, note: '', scoring: {}, now: 2 },
        { type: 'end-loop', now: 3 },
      );
      expect(done.phase.name).toBe('done');
      expect(
        rejects(done, { type: 'score', index: 0, scores: full, note: '', scoring: {}, now: 4 }),
      ).toMatch(/final/);
    });
  });

  it('when time runs out, the round ends at the deadline and the answer locks', () => {
    const s = run(make(), { type: 'start', now: 0 });
    expect(timedOut(s, 29 * MIN)).toBe(false);
    expect(timedOut(s, 45 * MIN)).toBe(true);
    const ended = run(s, { type: 'finish', reason: 'timeout', now: 45 * MIN });
    expect(ended.rounds[0]!.timer!.endedAt).toBe(30 * MIN);
    expect(ended.rounds[0]!.endReason).toBe('timeout');
    expect(isAnswerLocked(ended, 0)).toBe(true);
    expect(isAnswerLocked(s, 0)).toBe(false);
  });

  it('records pauses in a loop, so the review can show them', () => {
    const s = run(
      make(),
      { type: 'start', now: 0 },
      { type: 'pause', now: 5 * MIN },
      { type: 'resume', now: 8 * MIN },
    );
    expect(s.rounds[0]!.timer!.pauses).toEqual([{ from: 5 * MIN, to: 8 * MIN }]);
    expect(rejects(s, { type: 'resume', now: 9 * MIN })).toMatch(/not paused/);
  });

  it('scores of an earlier round can be revised until the loop is finished', () => {
    const s = run(
      make(),
      { type: 'start', now: 0 },
      { type: 'finish', reason: 'done', now: 1 },
      { type: 'score', index: 0, scores: full, note: '', scoring: {}, now: 2 },
      { type: 'next', now: 3 },
      {
        type: 'score',
        index: 0,
        scores: { accuracy: 1, depth: 1 },
        note: 'harsher',
        scoring: {},
        now: 4,
      },
    );
    expect(s.rounds[0]!.scores).toEqual({ accuracy: 1, depth: 1 });
    expect(s.phase).toEqual({ name: 'between', index: 1 });
  });

  it('ending the loop early from a break leaves later rounds unplayed', () => {
    const s = run(
      make(),
      { type: 'start', now: 0 },
      { type: 'finish', reason: 'done', now: 1 },
      { type: 'score', index: 0, scores: full, note: '', scoring: {}, now: 2 },
      { type: 'next', now: 3 },
      { type: 'end-loop', now: 4 },
    );
    expect(s.phase.name).toBe('done');
    expect(s.rounds[1]!.endReason).toBeNull();
  });
});

describe('a practice session', () => {
  it('allows +5 min and untimed, and back to timed', () => {
    let s = run(
      make('practice'),
      { type: 'start', now: 0 },
      { type: 'extend', ms: 5 * MIN, now: 1 },
      { type: 'extend', ms: 5 * MIN, now: 2 },
    );
    expect(s.rounds[0]!.timer!.extensions).toHaveLength(2);
    s = run(s, { type: 'set-untimed', untimed: true, now: 3 });
    expect(s.rounds[0]!.timer!.budgetMs).toBeNull();
    expect(timedOut(s, 999 * MIN)).toBe(false);
    s = run(s, { type: 'set-untimed', untimed: false, now: 4 });
    expect(s.rounds[0]!.timer!.budgetMs).toBe(30 * MIN);
  });
});
