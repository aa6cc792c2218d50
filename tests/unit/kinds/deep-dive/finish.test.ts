import { describe, expect, it } from 'vitest';
import type { Signal } from '../../../../src/domain/kind';
import deepDiveContent from '../../../../src/kinds/deep-dive/content';
import finish from '../../../../src/kinds/deep-dive/finish';
import { deepDiveSpec, stepsOf } from '../../../../src/kinds/deep-dive/spec';
import { makeBank, makeStory } from './fixtures';

const spoken = (signals: Signal[]) => signals.find((s) => s.id === 'spoken')?.display;

describe('the finish step of a deep-dive round', () => {
  const t = deepDiveContent.withBanks!(makeStory('defense'), { probes: makeBank() });
  const base = () => {
    const a = deepDiveSpec.emptyAnswer(t, { seed: 5, index: 0 });
    const [, q1, q2] = stepsOf(t, a);
    return { a, q1: q1!.id, q2: q2!.id };
  };
  const run = (answer: unknown, pieces: { clip: string; at: number }[]) =>
    finish({
      template: t,
      answer,
      endReason: 'timeout',
      usedMs: 45 * 60_000,
      timeline: [],
      recorded: async () => pieces,
    });

  it('a recording still running at time-up ends at its last saved piece, so its seconds count', async () => {
    const { a, q1, q2 } = base();
    a.clips = [
      { id: 'done', step: q1, part: 'main', startedAt: 0, endedAt: 30_000 },
      { id: 'live', step: q2, part: 'main', startedAt: 100_000, endedAt: null },
    ];
    const before = deepDiveSpec.signals({ template: t, answer: a, scoring: { covered: {} } });
    expect(spoken(before)).toBe('2 steps, 0:30 recorded');

    const pieces = [
      { clip: 'live', at: 101_000 },
      { clip: 'live', at: 142_000 },
      { clip: 'live', at: 120_000 },
    ];
    const result = await run(a, pieces);
    expect(result!.summary).toMatch(/still running when the round ended; it ends at its last/);
    const after = result!.answer as typeof a;
    expect(after.clips.find((c) => c.id === 'live')?.endedAt).toBe(142_000);
    expect(after.clips.find((c) => c.id === 'done')?.endedAt).toBe(30_000);
    const signals = deepDiveSpec.signals({ template: t, answer: after, scoring: { covered: {} } });
    expect(spoken(signals)).toBe('2 steps, 1:12 recorded');
  });

  it('a recording with nothing saved is removed; a round with no open recording is left alone', async () => {
    const { a, q1 } = base();
    a.clips = [{ id: 'empty', step: q1, part: 'main', startedAt: 5, endedAt: null }];
    const result = await run(a, []);
    expect((result!.answer as typeof a).clips).toEqual([]);
    expect(result!.summary).toMatch(/nothing saved/);

    a.clips = [{ id: 'done', step: q1, part: 'main', startedAt: 0, endedAt: 1000 }];
    expect(await run(a, [{ clip: 'done', at: 1000 }])).toBeNull();
  });
});
