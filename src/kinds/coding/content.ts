// What a coding problem under rounds/coding/<id>/ must be: its template.yaml and side files
// (statement.md, starter.py, solution.py, checker.py) and the rules across them. Loaded by the
// content loader and check:rounds under Node only; the app receives the problems checked.

import { flagRepeats, idSchema, templateBaseShape } from '../../domain/content';
import type { KindContent } from '../../domain/kind';
import { encodeValue } from '../../domain/pyvalue';
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

const codingContent: KindContent<CodingTemplate> = {
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

export default codingContent;
