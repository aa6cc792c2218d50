import { describe, expect, it } from 'vitest';
import {
  checkSession,
  migrateRecord,
  type RecordMigration,
  SESSION_RECORD_VERSION,
} from '../../../src/domain/records';
import { createSession, reduce, type Session } from '../../../src/domain/session';
import { onePlan } from '../../helpers/factories';

const ctx = { dimensionsOf: () => ['accuracy'] };

/** A session taken through every phase the app stores: planning, round, scoring, done. */
function playedSession(): Session[] {
  const s0 = createSession({
    id: 's1',
    mode: 'loop',
    seed: 7,
    plan: onePlan(),
    now: 1000,
    emptyScoring: () => ({ covered: {} }),
  });
  const steps: Session[] = [s0];
  const apply = (e: Parameters<typeof reduce>[1]) => {
    const r = reduce(steps.at(-1)!, e, ctx);
    if (!r.ok) throw new Error(r.error);
    steps.push(r.session);
  };
  apply({ type: 'start', now: 2000 });
  apply({ type: 'pause', now: 3000 });
  apply({ type: 'resume', now: 4000 });
  apply({ type: 'finish', reason: 'done', now: 5000 });
  apply({ type: 'finish-state', index: 0, state: 'done', summary: 'graded', now: 5100 });
  apply({ type: 'score', index: 0, scores: { accuracy: 3 }, note: 'n', scoring: {}, now: 6000 });
  apply({ type: 'next', now: 7000 });
  apply({ type: 'start-next', now: 8000 });
  apply({ type: 'finish', reason: 'done', now: 9000 });
  apply({ type: 'score', index: 1, scores: { accuracy: 2 }, note: '', scoring: {}, now: 9100 });
  apply({ type: 'next', now: 9200 });
  return steps;
}

describe('stored session records', () => {
  it('every shape the session reducer produces passes the record check unchanged', () => {
    for (const s of playedSession()) {
      const c = checkSession(s);
      expect(c.ok, c.ok ? '' : c.error).toBe(true);
      if (c.ok) expect(c.value).toEqual(s);
    }
  });

  it('a damaged record is rejected with where and what is wrong', () => {
    const s = structuredClone(playedSession().at(-1)!) as unknown as {
      rounds: { scores: Record<string, unknown> }[];
    };
    s.rounds[1]!.scores.accuracy = 7;
    expect(checkSession(s, 'sessions[3]')).toEqual({
      ok: false,
      error: 'sessions[3].rounds[1].scores.accuracy: expected a number from 1 to 4',
    });
    const extra = { ...playedSession()[0]!, admin: true };
    expect(checkSession(extra)).toEqual({ ok: false, error: 'session.admin: unknown field' });
    const short = { ...playedSession()[0]!, rounds: [] };
    expect(checkSession(short)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/session.rounds: has 0 rounds, the plan 2/),
    });
  });

  it('a score is one of the levels 1 to 4, nothing near it', () => {
    const withScore = (v: unknown) => {
      const s = structuredClone(playedSession().at(-1)!) as unknown as {
        rounds: { scores: Record<string, unknown> }[];
      };
      s.rounds[1]!.scores.accuracy = v;
      return checkSession(s).ok;
    };
    for (const v of [1, 2, 3, 4]) expect(withScore(v), String(v)).toBe(true);
    for (const v of [0, 5, 2.5, '3', null, Number.NaN, [3]])
      expect(withScore(v), String(v)).toBe(false);
  });

  it('a record newer than this version is refused, an older one migrated step by step', () => {
    expect(migrateRecord({ v: SESSION_RECORD_VERSION + 1 }, SESSION_RECORD_VERSION, [])).toEqual({
      ok: false,
      error: `v: version ${SESSION_RECORD_VERSION + 1} is newer than this mockloop knows (${SESSION_RECORD_VERSION}); update mockloop`,
    });
    const steps: RecordMigration[] = [
      {
        from: 1,
        to: 2,
        name: 'rename note to notes',
        up: ({ note, ...r }) => ({ ...r, notes: note, v: 2 }),
      },
      {
        from: 2,
        to: 3,
        name: 'notes become a list',
        up: (r) => ({ ...r, notes: [r.notes], v: 3 }),
      },
    ];
    expect(migrateRecord({ v: 1, note: 'hi' }, 3, steps)).toEqual({
      ok: true,
      value: { v: 3, notes: ['hi'] },
    });
    expect(migrateRecord({ v: 1 }, 3, steps.slice(1))).toEqual({
      ok: false,
      error: 'v: no migration from version 1',
    });
    expect(migrateRecord('text', 1, [])).toEqual({
      ok: false,
      error: 'expected a record (an object)',
    });
  });
});
