// A session is one loop (or one practice round) from plan to review. Its phase moves only
// through this reducer; anything else is rejected with a reason, so a stray click, a second
// tab or a stale event cannot put a stored session in a state the screens do not expect.
import type { Level, TrackId } from './content';
import type { LoopPlan } from './plan';
import * as timer from './timer';

export type Phase =
  | { name: 'planning' }
  | { name: 'round'; index: number }
  | { name: 'scoring'; index: number }
  /** Between rounds: index is the round that comes next. */
  | { name: 'between'; index: number }
  | { name: 'done' };

export type EndReason = 'done' | 'timeout';

export interface RoundRecord {
  timer: timer.TimerFacts | null;
  endReason: EndReason | null;
  /** Rubric dimension id -> level. */
  scores: Record<string, Level>;
  note: string;
  /** The kind's own scoring data (e.g. a key-point checklist). */
  scoring: unknown;
  scoredAt: number | null;
  /** The kind's finish step (see KindFinish): absent until it runs. */
  finish?: FinishState;
}

export interface FinishState {
  state: 'running' | 'done' | 'failed';
  at: number;
  /** What the step did, in a sentence shown at scoring ("Final Submit: 7 of 10 passed"). */
  summary?: string;
}

export interface Session {
  id: string;
  /** Record layout version; see store/migrations. */
  v: number;
  mode: 'loop' | 'practice';
  trackId: TrackId | null;
  seed: number;
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  plan: LoopPlan;
  phase: Phase;
  rounds: RoundRecord[];
}

export const SESSION_VERSION = 1;

export type SessionEvent =
  | { type: 'set-plan'; plan: LoopPlan }
  | { type: 'start'; now: number }
  | { type: 'pause'; now: number }
  | { type: 'resume'; now: number }
  | { type: 'extend'; ms: number; now: number }
  | { type: 'set-untimed'; untimed: boolean; now: number }
  | { type: 'finish'; reason: 'done' | 'timeout'; now: number }
  | {
      type: 'score';
      index: number;
      scores: Record<string, Level>;
      note: string;
      scoring: unknown;
      now: number;
    }
  | {
      type: 'finish-state';
      index: number;
      state: FinishState['state'];
      summary?: string;
      now: number;
    }
  | { type: 'next'; now: number }
  | { type: 'start-next'; now: number }
  | { type: 'end-loop'; now: number };

export interface ReduceContext {
  /** Rubric dimension ids of round i, all of which must be scored to move on. */
  dimensionsOf(index: number): string[];
}

export type ReduceResult = { ok: true; session: Session } | { ok: false; error: string };

export function createSession(input: {
  id: string;
  mode: 'loop' | 'practice';
  seed: number;
  plan: LoopPlan;
  now: number;
  emptyScoring: (index: number) => unknown;
}): Session {
  return {
    id: input.id,
    v: SESSION_VERSION,
    mode: input.mode,
    trackId: input.plan.trackId,
    seed: input.seed,
    createdAt: input.now,
    updatedAt: input.now,
    startedAt: null,
    finishedAt: null,
    plan: input.plan,
    phase: { name: 'planning' },
    rounds: input.plan.rounds.map((_, i) => emptyRound(input.emptyScoring(i))),
  };
}

function emptyRound(scoring: unknown): RoundRecord {
  return { timer: null, endReason: null, scores: {}, note: '', scoring, scoredAt: null };
}

const reject = (error: string): ReduceResult => ({ ok: false, error });

export function reduce(s: Session, e: SessionEvent, ctx: ReduceContext): ReduceResult {
  const p = s.phase;
  const ok = (next: Partial<Session>, now: number): ReduceResult => ({
    ok: true,
    session: { ...s, ...next, updatedAt: now },
  });
  const withRound = (i: number, change: (r: RoundRecord) => RoundRecord) =>
    s.rounds.map((r, j) => (j === i ? change(r) : r));
  const practiceOnly = s.mode === 'practice' ? null : 'only in practice mode';

  switch (e.type) {
    case 'set-plan': {
      if (p.name !== 'planning') return reject('the plan is fixed once the loop has started');
      if (e.plan.rounds.length !== s.rounds.length) return reject('the plan must keep its rounds');
      return ok({ plan: e.plan }, s.updatedAt);
    }
    case 'start': {
      if (p.name !== 'planning') return reject('the loop has already started');
      const r0 = s.plan.rounds[0]!;
      return ok(
        {
          phase: { name: 'round', index: 0 },
          startedAt: e.now,
          rounds: withRound(0, (r) => ({
            ...r,
            timer: timer.startTimer(r0.minutes * 60_000, e.now),
          })),
        },
        e.now,
      );
    }
    case 'pause':
    case 'resume': {
      if (p.name !== 'round') return reject(`cannot ${e.type}: no round is running`);
      const t = s.rounds[p.index]!.timer!;
      if (e.type === 'pause' && timer.isPaused(t)) return reject('already paused');
      if (e.type === 'resume' && !timer.isPaused(t)) return reject('not paused');
      if (e.type === 'pause' && timer.expiredAt(t, e.now) !== null)
        return reject('time is already up');
      const next = e.type === 'pause' ? timer.pause(t, e.now) : timer.resume(t, e.now);
      return ok({ rounds: withRound(p.index, (r) => ({ ...r, timer: next })) }, e.now);
    }
    case 'extend': {
      if (practiceOnly) return reject(`+time is ${practiceOnly}`);
      if (p.name !== 'round') return reject('cannot add time: no round is running');
      if (e.ms <= 0) return reject('added time must be positive');
      const t = s.rounds[p.index]!.timer!;
      if (t.budgetMs === null) return reject('the round is untimed');
      return ok(
        { rounds: withRound(p.index, (r) => ({ ...r, timer: timer.extend(t, e.ms, e.now) })) },
        e.now,
      );
    }
    case 'set-untimed': {
      if (practiceOnly) return reject(`untimed rounds are ${practiceOnly}`);
      if (p.name !== 'round') return reject('no round is running');
      const t = s.rounds[p.index]!.timer!;
      const minutes = s.plan.rounds[p.index]!.minutes;
      const next: timer.TimerFacts = {
        ...t,
        budgetMs: e.untimed ? null : minutes * 60_000,
        extensions: [],
      };
      return ok({ rounds: withRound(p.index, (r) => ({ ...r, timer: next })) }, e.now);
    }
    case 'finish': {
      if (p.name !== 'round') return reject('no round is running');
      const t = s.rounds[p.index]!.timer!;
      let at = e.now;
      if (e.reason === 'timeout') {
        const expired = timer.expiredAt(t, e.now);
        if (expired === null) return reject('time is not up yet');
        // End at the deadline, not at the moment we noticed (the page may have been closed).
        at = expired;
      }
      return ok(
        {
          phase: { name: 'scoring', index: p.index },
          rounds: withRound(p.index, (r) => ({
            ...r,
            timer: timer.end(t, at),
            endReason: e.reason,
          })),
        },
        e.now,
      );
    }
    case 'score': {
      if (p.name === 'done') return reject('the loop is finished: scores are final');
      const r = s.rounds[e.index];
      if (!r) return reject(`no round ${e.index + 1}`);
      if (r.endReason === null) return reject('a round can be scored only after it ends');
      const allowed = new Set(ctx.dimensionsOf(e.index));
      const unknown = Object.keys(e.scores).filter((d) => !allowed.has(d));
      if (unknown.length) return reject(`not in the rubric: ${unknown.join(', ')}`);
      return ok(
        {
          rounds: withRound(e.index, (x) => ({
            ...x,
            scores: e.scores,
            note: e.note,
            scoring: e.scoring,
            scoredAt: e.now,
          })),
        },
        e.now,
      );
    }
    case 'finish-state': {
      const r = s.rounds[e.index];
      if (!r) return reject(`no round ${e.index + 1}`);
      if (r.endReason === null) return reject('a round finishes only after it ends');
      const finish: FinishState = { state: e.state, at: e.now };
      if (e.summary !== undefined) finish.summary = e.summary;
      return ok({ rounds: withRound(e.index, (x) => ({ ...x, finish })) }, e.now);
    }
    case 'next': {
      if (p.name !== 'scoring') return reject('nothing to move on from');
      const missing = ctx
        .dimensionsOf(p.index)
        .filter((d) => s.rounds[p.index]!.scores[d] === undefined);
      if (missing.length)
        return reject(`score every dimension first (missing: ${missing.join(', ')})`);
      const last = p.index === s.rounds.length - 1;
      return last
        ? ok({ phase: { name: 'done' }, finishedAt: e.now }, e.now)
        : ok({ phase: { name: 'between', index: p.index + 1 } }, e.now);
    }
    case 'start-next': {
      if (p.name !== 'between') return reject('no round is waiting to start');
      const minutes = s.plan.rounds[p.index]!.minutes;
      return ok(
        {
          phase: { name: 'round', index: p.index },
          rounds: withRound(p.index, (r) => ({
            ...r,
            timer: timer.startTimer(minutes * 60_000, e.now),
          })),
        },
        e.now,
      );
    }
    case 'end-loop': {
      // Ending early keeps what was done; unplayed rounds stay unplayed and are shown as such.
      if (p.name === 'planning' || p.name === 'done') return reject('no loop is running');
      if (p.name === 'round') return reject('finish or time out the current round first');
      if (p.name === 'scoring') {
        const missing = ctx
          .dimensionsOf(p.index)
          .filter((d) => s.rounds[p.index]!.scores[d] === undefined);
        if (missing.length) return reject('score this round first');
      }
      return ok({ phase: { name: 'done' }, finishedAt: e.now }, e.now);
    }
  }
}

/** Has time run out on the running round (so the app should end it)? */
export function timedOut(s: Session, now: number): boolean {
  if (s.phase.name !== 'round') return false;
  const t = s.rounds[s.phase.index]!.timer;
  return t !== null && timer.expiredAt(t, now) !== null;
}

export function isAnswerLocked(s: Session, index: number): boolean {
  return !(s.phase.name === 'round' && s.phase.index === index);
}
