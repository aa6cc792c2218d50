import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  plannedStepAt,
  roundPlan,
  roundSteps,
  type StoryPlan,
  stepTimes,
} from '../../../../src/kinds/deep-dive/clock';
import { type DeepDiveAnswer, deepDiveSpec } from '../../../../src/kinds/deep-dive/spec';
import { makeCritique, makeStory } from './fixtures';

const MIN = 60_000;

describe('the phase clock', () => {
  it('at the template’s own minutes: the presentation, the probes and the wrap-up it names', () => {
    expect(roundPlan(makeStory('defense'), 45)).toEqual({
      type: 'story',
      minutes: 45,
      presentMs: 12 * MIN,
      probeCount: 7,
      probeMs: 3 * MIN,
      wrapUpMs: 3 * MIN,
    });
    expect(roundPlan(makeStory('production'), 30)).toMatchObject({
      presentMs: 8 * MIN,
      probeCount: 5,
      probeMs: 3 * MIN,
    });
  });

  it('scales every phase and the probe count with the round’s actual minutes', () => {
    const short = roundPlan(makeStory('defense'), 30) as StoryPlan;
    expect(short.presentMs).toBe(8 * MIN);
    expect(short.probeCount).toBe(5);
    const long = roundPlan(makeStory('defense'), 60) as StoryPlan;
    expect(long.presentMs).toBe(16 * MIN);
    expect(long.probeCount).toBe(8); // capped at probing.max
    expect(long.probeMs).toBeGreaterThan(3 * MIN);
  });

  it('never plans more than the round’s minutes, from 5 to 120, for every round type', () => {
    for (const t of [makeStory('defense'), makeStory('production'), makeCritique()]) {
      for (let m = 5; m <= 120; m++) {
        const plan = roundPlan(t, m);
        const sum =
          plan.type === 'story'
            ? plan.presentMs + plan.probeCount * plan.probeMs + plan.wrapUpMs
            : plan.promptMs.reduce((a, b) => a + b, 0) + (plan.readingMs ?? 0);
        expect(sum, `${t.id} at ${m} min`).toBeLessThanOrEqual(m * MIN);
        if (plan.type === 'story') expect(plan.probeCount).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('a paper critique reads the card in the time its prompts leave, then asks every prompt', () => {
    const t = makeCritique(); // prompts add up to 35 of 45 minutes
    const plan = roundPlan(t, 45);
    expect(plan).toMatchObject({ readingMs: 10 * MIN });
    const steps = roundSteps(t, deepDiveSpec.emptyAnswer(t), plan);
    expect(steps.map((s) => s.kind)).toEqual(['reading', ...t.prompts.map(() => 'prompt')]);
    expect(steps[1]!.budgetMs).toBe(5 * MIN);
  });

  it('steps: the presentation, the first probes drawn, then the wrap-up', () => {
    const t = makeStory('defense');
    const a = deepDiveSpec.emptyAnswer(t, { seed: 3, index: 0 });
    const steps = roundSteps(t, a, roundPlan(t, 30));
    expect(steps.map((s) => s.kind)).toEqual([
      'presentation',
      ...Array(5).fill('probe'),
      'wrap-up',
    ]);
    expect(steps.slice(1, 6).map((s) => s.id)).toEqual(a.drawn.slice(0, 5).map((p) => p.id));
  });

  it('time on a step runs from when it was asked; running over is recorded, not capped', () => {
    const t = makeStory('defense');
    const a: DeepDiveAnswer = {
      ...deepDiveSpec.emptyAnswer(t, { seed: 1, index: 0 }),
      step: 2,
    };
    const steps = roundSteps(t, a, roundPlan(t, 45));
    a.responses = {
      presentation: {
        text: '',
        followup: '',
        startedAt: 60_000,
        endedAt: 60_000 + 14 * MIN,
        gaveNumbers: false,
      },
      [steps[1]!.id]: {
        text: 'x',
        followup: '',
        startedAt: 15 * MIN,
        endedAt: 17 * MIN,
        gaveNumbers: false,
      },
      [steps[2]!.id]: {
        text: '',
        followup: '',
        startedAt: 17 * MIN,
        endedAt: null,
        gaveNumbers: false,
      },
    };
    const times = stepTimes(a, steps, 21 * MIN);
    expect(times[0]).toEqual({ spentMs: 14 * MIN, overMs: 2 * MIN, state: 'done' });
    expect(times[1]).toEqual({ spentMs: 2 * MIN, overMs: 0, state: 'done' });
    expect(times[2]).toEqual({ spentMs: 4 * MIN, overMs: MIN, state: 'current' });
    expect(times[3]).toEqual({ spentMs: 0, overMs: 0, state: 'ahead' });
  });

  it('says which step the plan is on at a time on the round clock', () => {
    const t = makeStory('defense');
    const steps = roundSteps(t, deepDiveSpec.emptyAnswer(t), roundPlan(t, 45));
    expect(plannedStepAt(steps, 0)).toBe(0);
    expect(plannedStepAt(steps, 12 * MIN)).toBe(1);
    expect(plannedStepAt(steps, 16 * MIN)).toBe(2);
    expect(plannedStepAt(steps, 44 * MIN)).toBe(steps.length - 1);
  });

  it('formats durations', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(185_900)).toBe('3:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });
});
