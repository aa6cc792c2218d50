// ML coding: a problem statement, starter code, a reference solution and tests kept as data
// (their rules: ./content.ts). No React here: check:rounds loads this module under Node.

import type { RoundKindSpec, Signal } from '../../domain/kind';
import { formatClock } from '../../domain/timer';
import { z } from '../../domain/zod';
import type { CodingTemplate } from './content';

export type { CodingTemplate, CodingTest, ScaleTest } from './content';

/** One Run or Submit, stamped with the round clock (ms since the round started). */
export const runRecordSchema = z.strictObject({
  at: z.number().check(z.gte(0)),
  mode: z.enum(['run', 'submit']),
  passed: z.int().check(z.gte(0)),
  total: z.int().check(z.gte(0)),
  /** Submit only: how the hidden and scale tests went. */
  hiddenPassed: z.optional(z.int().check(z.gte(0))),
  hiddenTotal: z.optional(z.int().check(z.gte(0))),
  scalePassed: z.optional(z.int().check(z.gte(0))),
  scaleTotal: z.optional(z.int().check(z.gte(0))),
  /** "stopped" when the limit cut it short, "error" when the code did not compile. */
  outcome: z.enum(['ok', 'error', 'stopped']),
  /** The Submit the app ran itself on the locked code when the round ended. */
  final: z.optional(z.boolean()),
});
export type RunRecord = z.infer<typeof runRecordSchema>;

export const codingAnswerSchema = z.strictObject({
  code: z.string(),
  hintsShown: z._default(z.int().check(z.gte(0)), 0),
  /** Round-clock time of each hint reveal. */
  hintTimes: z._default(z.array(z.number()), []),
  runs: z._default(z.array(runRecordSchema), []),
});
export type CodingAnswer = z.infer<typeof codingAnswerSchema>;

export const codingScoringSchema = z.strictObject({});
export type CodingScoring = z.infer<typeof codingScoringSchema>;

export function firstAllPassing(runs: RunRecord[]): RunRecord | undefined {
  return runs.find(
    (r) => r.mode === 'submit' && r.outcome === 'ok' && r.total > 0 && r.passed === r.total,
  );
}

/** "1 run", "2 runs": counts in sentences the person reads. */
export function countOf(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "3 runs, 1 submit": the same words in the signals and the review. */
export function runsAndSubmits(runs: RunRecord[]): string {
  const n = (mode: RunRecord['mode']) => runs.filter((r) => r.mode === mode).length;
  return `${countOf(n('run'), 'run')}, ${countOf(n('submit'), 'submit')}`;
}

export const codingSpec: RoundKindSpec<CodingTemplate, CodingAnswer, CodingScoring> = {
  kind: 'coding',
  title: 'ML coding',
  blurb: 'Implement an ML primitive or algorithm in Python, run against real tests in the browser.',
  rubricId: 'coding',
  answerSchema: codingAnswerSchema,
  scoringSchema: codingScoringSchema,
  emptyAnswer: (t) => ({ code: t.starter, hintsShown: 0, hintTimes: [], runs: [] }),
  signalIds: ['visible-tests', 'hidden-tests', 'scale-tests', 'hints', 'runs', 'first-pass'],
  emptyScoring: () => ({}),
  isAnswerEmpty: (a) => a.runs.length === 0 && a.code.trim() === '',
  signals({ template, answer }) {
    const submits = answer.runs.filter((r) => r.mode === 'submit' && r.outcome !== 'error');
    const last = submits.at(-1);
    const visibleTotal = template.tests.filter((t) => t.visible).length;
    const hiddenTotal = template.tests.length - visibleTotal;
    const visiblePassed = last
      ? last.passed - (last.hiddenPassed ?? 0) - (last.scalePassed ?? 0)
      : 0;
    const first = firstAllPassing(answer.runs);
    const signals: Signal[] = [
      {
        id: 'visible-tests',
        label: 'Visible tests passed (last Submit)',
        display: last ? `${visiblePassed} of ${visibleTotal}` : 'never submitted',
        ratio: last ? visiblePassed / visibleTotal : 0,
        value: last ? visiblePassed : 0,
        outOf: visibleTotal,
        selfReported: false,
        dimensions: ['correctness'],
      },
      {
        id: 'hidden-tests',
        label: 'Hidden tests passed (last Submit)',
        display: last ? `${last.hiddenPassed ?? 0} of ${hiddenTotal}` : 'never submitted',
        ratio: last && hiddenTotal ? (last.hiddenPassed ?? 0) / hiddenTotal : 0,
        value: last ? (last.hiddenPassed ?? 0) : 0,
        outOf: hiddenTotal,
        selfReported: false,
        dimensions: ['correctness', 'problem-solving'],
      },
    ];
    if (template.scale.length > 0) {
      signals.push({
        id: 'scale-tests',
        label: 'Scale tests passed (last Submit)',
        display: last ? `${last.scalePassed ?? 0} of ${template.scale.length}` : 'never submitted',
        ratio: last ? (last.scalePassed ?? 0) / template.scale.length : 0,
        value: last ? (last.scalePassed ?? 0) : 0,
        outOf: template.scale.length,
        selfReported: false,
        dimensions: ['efficiency'],
      });
    }
    signals.push(
      {
        id: 'hints',
        label: 'Hints used',
        display: `${answer.hintsShown} of ${template.hints.length}`,
        ratio: null,
        value: answer.hintsShown,
        outOf: template.hints.length,
        selfReported: false,
        dimensions: [],
      },
      {
        id: 'runs',
        label: 'Runs and Submits',
        display: runsAndSubmits(answer.runs),
        ratio: null,
        selfReported: false,
        dimensions: [],
      },
      {
        id: 'first-pass',
        label: 'First all-passing Submit',
        // The replay's clock, so the marker of this Submit shows the same time.
        display: first ? `at ${formatClock(first.at)}` : 'none',
        ratio: null,
        selfReported: false,
        dimensions: [],
      },
    );
    return signals;
  },
};
