// The stage clock and the follow-up schedule are pure functions of the template and the round
// clock: these tests need no timer.
import { describe, expect, it } from 'vitest';
import {
  dueFollowups,
  followupSchedule,
  nextFollowup,
} from '../../../../src/kinds/system-design/followups';
import {
  expectedStage,
  mostOverPlan,
  planAdherence,
  STAGE_IDS,
  type StageId,
  stageDrift,
  stagePlan,
  timeInStages,
} from '../../../../src/kinds/system-design/stages';

const MIN = 60_000;
const minutes: Record<StageId, number> = {
  framing: 5,
  data: 5,
  features: 10,
  modeling: 10,
  serving: 10,
  deployment: 2,
  monitoring: 3,
};

describe('the stage plan', () => {
  it('lays the template minutes end to end for the round as written', () => {
    const plan = stagePlan(minutes, 45 * MIN);
    expect(plan.map((p) => [p.stage, p.startMs / MIN, p.endMs / MIN])).toEqual([
      ['framing', 0, 5],
      ['data', 5, 10],
      ['features', 10, 20],
      ['modeling', 20, 30],
      ['serving', 30, 40],
      ['deployment', 40, 42],
      ['monitoring', 42, 45],
    ]);
  });

  it('scales every budget to the round’s actual length, an extension included', () => {
    const plan = stagePlan(minutes, 60 * MIN);
    expect(plan.at(-1)!.endMs).toBe(60 * MIN);
    // 5 of 45 minutes of a 60-minute round is 6:40; modeling's 10 of 45 is 13:20.
    expect(plan[0]!.endMs).toBe(400_000);
    const modeling = plan.find((p) => p.stage === 'modeling')!;
    expect(modeling.endMs - modeling.startMs).toBe(800_000);
    const shorter = stagePlan(minutes, 30 * MIN);
    expect(expectedStage(shorter, 12 * MIN).stage).toBe('features');
    expect(expectedStage(shorter, 14 * MIN).stage).toBe('modeling');
  });

  it('untimed, keeps the template’s own minutes against the time elapsed', () => {
    expect(stagePlan(minutes, null)).toEqual(stagePlan(minutes, 45 * MIN));
  });

  it('says where the plan expects the person at a moment, and past the end, that it is past', () => {
    const plan = stagePlan(minutes, 45 * MIN);
    expect(expectedStage(plan, 0)).toMatchObject({ stage: 'framing', index: 0, past: false });
    expect(expectedStage(plan, 5 * MIN - 1)).toMatchObject({ stage: 'framing' });
    expect(expectedStage(plan, 5 * MIN)).toMatchObject({ stage: 'data' });
    expect(expectedStage(plan, 25 * MIN)).toMatchObject({ stage: 'modeling', endMs: 30 * MIN });
    expect(expectedStage(plan, 50 * MIN)).toMatchObject({ stage: 'monitoring', past: true });
  });

  it('measures drift in stages between "now on" and the plan', () => {
    const plan = stagePlan(minutes, 45 * MIN);
    expect(stageDrift(plan, 'data', 25 * MIN)).toBe(-2);
    expect(stageDrift(plan, 'serving', 25 * MIN)).toBe(1);
    expect(stageDrift(plan, 'modeling', 25 * MIN)).toBe(0);
  });
});

describe('time spent per stage', () => {
  it('adds up the "now on" log, starting on framing, to the end of the round', () => {
    const spent = timeInStages(
      [
        { stage: 'data', at: 4 * MIN },
        { stage: 'modeling', at: 10 * MIN },
        { stage: 'data', at: 20 * MIN },
        { stage: 'serving', at: 22 * MIN },
      ],
      30 * MIN,
    );
    expect(spent).toMatchObject({
      framing: 4 * MIN,
      data: 8 * MIN,
      modeling: 10 * MIN,
      serving: 8 * MIN,
      features: 0,
    });
    expect(STAGE_IDS.reduce((s, id) => s + spent[id], 0)).toBe(30 * MIN);
  });

  it('scores 1 for a round split exactly as planned and less the more time sits elsewhere', () => {
    const plan = stagePlan(minutes, 45 * MIN);
    const asPlanned = timeInStages(
      plan.slice(1).map((p) => ({ stage: p.stage, at: p.startMs })),
      45 * MIN,
    );
    expect(planAdherence(plan, asPlanned)).toBeCloseTo(1);
    const allModeling = timeInStages([{ stage: 'modeling', at: 0 }], 45 * MIN);
    expect(planAdherence(plan, allModeling)).toBeCloseTo(10 / 45);
    expect(mostOverPlan(plan, allModeling)).toEqual({ stage: 'modeling', overMs: 35 * MIN });
  });
});

describe('the follow-up schedule', () => {
  const followups = [
    { id: 'a', at: 10 },
    { id: 'b', at: 20 },
    { id: 'c', at: 40 },
  ];

  it('puts each follow-up at its minute, scaled to the round’s actual length', () => {
    expect(followupSchedule(followups, 45, 45 * MIN).map((f) => f.atMs)).toEqual([
      10 * MIN,
      20 * MIN,
      40 * MIN,
    ]);
    expect(followupSchedule(followups, 45, 90 * MIN).map((f) => f.atMs)).toEqual([
      20 * MIN,
      40 * MIN,
      80 * MIN,
    ]);
    expect(followupSchedule(followups, 45, null).map((f) => f.atMs)).toEqual([
      10 * MIN,
      20 * MIN,
      40 * MIN,
    ]);
  });

  it('shows what is due at a moment, keeps what was shown, and names the next', () => {
    const s = followupSchedule(followups, 45, 45 * MIN);
    expect(dueFollowups(s, 10 * MIN - 1)).toEqual([]);
    expect(dueFollowups(s, 10 * MIN)).toEqual(['a']);
    expect(dueFollowups(s, 25 * MIN)).toEqual(['a', 'b']);
    expect(nextFollowup(s, 25 * MIN)).toEqual({ id: 'c', atMs: 40 * MIN });
    // An extension moves b later, but b was already on screen: it stays.
    const extended = followupSchedule(followups, 45, 60 * MIN);
    expect(dueFollowups(extended, 21 * MIN, ['a', 'b'])).toEqual(['a', 'b']);
    expect(nextFollowup(extended, 21 * MIN, ['a', 'b'])).toEqual({ id: 'c', atMs: 3_200_000 });
    expect(nextFollowup(s, 41 * MIN)).toBeNull();
  });
});
