// What the scoring screen says about a coding round: counts in good English, and the time of
// the first all-passing Submit exactly as the replay marks it.
import { describe, expect, it } from 'vitest';
import { formatClock } from '../../../src/domain/timer';
import { type CodingTemplate, codingSpec, type RunRecord } from '../../../src/kinds/coding/spec';

const template = {
  tests: [
    { name: 'a', visible: true },
    { name: 'b', visible: false },
  ],
  scale: [],
  hints: ['h1', 'h2'],
} as unknown as CodingTemplate;

const run = (at: number, mode: RunRecord['mode'], passed = 2): RunRecord => ({
  at,
  mode,
  passed,
  total: 2,
  hiddenPassed: mode === 'submit' ? passed - 1 : undefined,
  outcome: 'ok',
});

const signal = (runs: RunRecord[], id: string) =>
  codingSpec
    .signals({
      template,
      answer: { code: 'x', hintsShown: 0, hintTimes: [], runs },
      scoring: {},
    })
    .find((s) => s.id === id)!.display;

describe('coding signals', () => {
  it('counts one run and one submit in the singular', () => {
    expect(signal([run(1000, 'run'), run(2000, 'submit')], 'runs')).toBe('1 run, 1 submit');
    expect(signal([run(1000, 'run'), run(1500, 'run')], 'runs')).toBe('2 runs, 0 submits');
  });

  it('gives the first all-passing Submit the time its replay marker shows', () => {
    // 52.4 s into the round: the replay's clock (and the round's) shows 0:53.
    const at = 52_400;
    expect(signal([run(10_000, 'submit', 1), run(at, 'submit')], 'first-pass')).toBe(
      `at ${formatClock(at)}`,
    );
    expect(formatClock(at)).toBe('0:53');
  });
});
