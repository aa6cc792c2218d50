// ML coding: a problem statement, starter code, a reference solution and tests kept as data.
// No React here: the content loader and check:rounds load this module under Node.

import { flagRepeats, idSchema, templateBaseShape } from '../../domain/content';
import type { RoundKindSpec, Signal } from '../../domain/kind';
import { encodeValue } from '../../domain/pyvalue';
import { formatClock } from '../../domain/timer';
import { z } from '../../domain/zod';

const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

export const toleranceSchema = z.strictObject({
  rel: z._default(z.number().check(z.gte(0)), 1e-6),
  abs: z._default(z.number().check(z.gte(0)), 1e-9),
});

/**
 * A value as written in YAML. inf and NaN (YAML's .inf / .nan) and whole floats (1000.0, read by
 * the loader as a PyFloat) travel to Python as {"$float": "inf"} or {"$float": "1000.0"}; see
 * encodeValue.
 */
const valueSchema = z.pipe(z.unknown(), z.transform(encodeValue));

export const codingTestSchema = z
  .strictObject({
    name: idSchema,
    /** Shown in the statement and run by Run; hidden tests run only on Submit. */
    visible: z._default(z.boolean(), false),
    /** Positional arguments of the entry function. */
    args: z.optional(z.array(valueSchema)),
    expected: z.optional(valueSchema),
    /** The call raises this exception (or a subclass of it). */
    raises: z.optional(z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/))),
    /** For a class: [["ClassName", [ctor args]], ["method", [args]], ...]; expected lists each result. */
    calls: z.optional(z.array(z.tuple([z.string(), z.array(valueSchema)])).check(z.minLength(1))),
    /** Name of a function in checker.py called as check(entry, *args); returns a problem or None. */
    property: z.optional(z.string()),
    /** Seed for Python's random module before the test (the harness fixes one by default). */
    seed: z.optional(z.int()),
    tolerance: z.optional(toleranceSchema),
    /** Why this case exists (edge case, numerical stability...), shown with the result. */
    note: z.optional(z.string()),
  })
  .check(
    z.superRefine((t, ctx) => {
      const shapes = [t.calls ? 'calls' : null, t.property ? 'property' : null].filter(Boolean);
      if (shapes.length > 1)
        ctx.addIssue({ code: 'custom', message: 'use one of calls or property' });
      if (t.property) {
        if (t.expected !== undefined || t.raises) {
          ctx.addIssue({ code: 'custom', message: 'a property test has no expected or raises' });
        }
      } else if (t.expected === undefined && !t.raises) {
        ctx.addIssue({ code: 'custom', message: 'give expected (or raises)' });
      }
      if (t.calls && t.args) ctx.addIssue({ code: 'custom', message: 'a calls test has no args' });
    }),
  );
export type CodingTest = z.infer<typeof codingTestSchema>;

export const scaleTestSchema = z.strictObject({
  name: idSchema,
  /** A Python expression (random and math in scope, random seeded) giving the argument list. */
  setup: text,
  /** Shown to the person instead of the huge input, e.g. "100,000 random floats". */
  describe: text,
  /** The person's code may take at most factor x the reference's time on the same machine. */
  factor: z._default(z.number().check(z.gte(1)), 10),
  /** ... but never less than this many milliseconds, so timer noise cannot fail a good answer. */
  floorMs: z._default(z.number().check(z.gte(1)), 100),
  seed: z.optional(z.int()),
});
export type ScaleTest = z.infer<typeof scaleTestSchema>;

export const codingTopics = [
  'linear-algebra',
  'probability-statistics',
  'classical-ml',
  'deep-learning',
  'optimization',
  'nlp-attention',
  'algorithms',
] as const;

export const codingTemplateSchema = z
  .strictObject({
    ...templateBaseShape,
    topic: z.enum(codingTopics),
    /** The function (or class, for calls tests) the tests call. */
    entry: z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a Python name')),
    /** Shown above the editor, e.g. "def softmax(x: list[float]) -> list[float]". */
    signature: text,
    hints: z
      .array(text)
      .check(z.minLength(2, 'give 2 or 3 hints'), z.maxLength(3, 'give 2 or 3 hints')),
    tolerance: z._default(toleranceSchema, { rel: 1e-6, abs: 1e-9 }),
    tests: z.array(codingTestSchema),
    scale: z._default(z.array(scaleTestSchema), []),
    /** Markdown with math (statement.md). */
    statement: text,
    starter: text,
    solution: text,
    /** Python with property-check functions (checker.py), when a test uses property. */
    checker: z.optional(z.string()),
  })
  .check(
    z.superRefine((t, ctx) => {
      const visible = t.tests.filter((x) => x.visible).length;
      const hidden = t.tests.length - visible;
      if (visible < 3) {
        ctx.addIssue({
          code: 'custom',
          path: ['tests'],
          message: `needs at least 3 visible tests, has ${visible}`,
        });
      }
      if (hidden < 5) {
        ctx.addIssue({
          code: 'custom',
          path: ['tests'],
          message: `needs at least 5 hidden tests, has ${hidden}`,
        });
      }
      flagRepeats(ctx, [
        { path: 'tests', names: t.tests.map((x) => x.name) },
        { path: 'scale', names: t.scale.map((x) => x.name) },
      ]);
      t.tests.forEach((x, i) => {
        if (x.property && !t.checker) {
          ctx.addIssue({
            code: 'custom',
            path: ['tests', i, 'property'],
            message: 'needs a checker.py beside the template',
          });
        }
      });
    }),
  );
export type CodingTemplate = z.infer<typeof codingTemplateSchema>;

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
  // 1000.0 in a test stays a float on its way to Python (see PyFloat).
  pythonValueKeys: ['args', 'expected', 'calls'],
  layout: {
    type: 'folder',
    dir: 'coding',
    files: {
      'statement.md': 'statement',
      'starter.py': 'starter',
      'solution.py': 'solution',
      'checker.py': 'checker',
    },
  },
  templateSchema: codingTemplateSchema,
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
  lint(t) {
    const problems: string[] = [];
    if (t.starter.trim() === t.solution.trim())
      problems.push('starter: is the same as the solution');
    if (!new RegExp(`(def|class)\\s+${t.entry}\\b`).test(t.starter)) {
      problems.push(`starter: does not define ${t.entry}`);
    }
    if (t.checker === undefined && t.tests.some((x) => x.property)) {
      problems.push('checker.py: missing, but a test uses property');
    }
    return problems;
  },
  extra: (templates) => ({
    problems: templates.length,
    tests: templates.reduce((n, t) => n + t.tests.length + t.scale.length, 0),
  }),
};
