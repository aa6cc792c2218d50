// The coding rubric's calibration rules against the coding round's real signals: a generous
// self-score beside failing tests is named in plain words; an honest one raises nothing.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentKinds } from '../../../src/content/kinds';
import { loadRounds } from '../../../src/content/loader';
import { calibrate } from '../../../src/domain/calibration';
import { findTemplate } from '../../../src/domain/content';
import { type CodingAnswer, type CodingTemplate, codingSpec } from '../../../src/kinds/coding/spec';
import { kindSpecs } from '../../../src/kinds/registry';

const catalog = loadRounds(
  resolve(import.meta.dirname, '../../../rounds'),
  await contentKinds(kindSpecs),
).catalog!;
const rubric = catalog.rubrics.find((r) => r.id === 'coding')!;
const t = findTemplate(catalog, 'coding', 'stable-softmax') as unknown as CodingTemplate;
const name = (id: string) => rubric.dimensions.find((d) => d.id === id)!.name;

function answerWith(hiddenPassed: number, scalePassed: number, hintsShown = 0): CodingAnswer {
  const visible = t.tests.filter((x) => x.visible).length;
  return {
    code: t.solution,
    hintsShown,
    hintTimes: Array.from({ length: hintsShown }, (_, i) => i * 1000),
    runs: [
      {
        at: 60_000,
        mode: 'submit',
        outcome: 'ok',
        passed: visible + hiddenPassed + scalePassed,
        total: t.tests.length + t.scale.length,
        hiddenPassed,
        scalePassed,
      },
    ],
  };
}

const flags = (scores: Record<string, number>, a: CodingAnswer) =>
  calibrate(
    rubric.calibration ?? [],
    scores,
    codingSpec.signals({ template: t, answer: a, scoring: {} }),
    name,
  ).map((f) => f.sentence);

describe('the coding rubric’s calibration', () => {
  const hidden = t.tests.filter((x) => !x.visible).length;

  it('a 4 on correctness with hidden tests failing is named, with the count', () => {
    expect(flags({ correctness: 4 }, answerWith(hidden - 2, t.scale.length))).toEqual([
      `you rated correctness and testing 4, but 2 of the ${hidden} hidden tests failed on your last Submit`,
    ]);
  });

  it('efficiency rated 3 with a scale test failing is named; all passing raises nothing', () => {
    expect(t.scale.length).toBeGreaterThan(0);
    expect(flags({ efficiency: 3 }, answerWith(hidden, t.scale.length - 1))).toEqual([
      `you rated efficiency 3, but a scale test failed or ran out of time (${t.scale.length - 1} of ${t.scale.length} passed)`,
    ]);
    expect(
      flags(
        { correctness: 4, efficiency: 4, 'problem-solving': 4 },
        answerWith(hidden, t.scale.length),
      ),
    ).toEqual([]);
  });

  it('never submitted: a generous correctness is flagged; a low self-score already agrees', () => {
    const none: CodingAnswer = { code: t.starter, hintsShown: 0, hintTimes: [], runs: [] };
    expect(flags({ correctness: 3 }, none).length).toBeGreaterThan(0);
    expect(flags({ correctness: 2, efficiency: 2, 'problem-solving': 2 }, none)).toEqual([]);
  });
});
