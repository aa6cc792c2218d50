// Derivations: a result derived step by step in LaTeX, each step checked numerically against the
// one before, and a final answer the app verifies. No React and no LaTeX parser here: the content
// loader and check:rounds load this module under Node, and the app keeps it in the entry bundle.

import { flagRepeats, templateBaseShape } from '../../domain/content';
import type { RoundKindSpec, Signal } from '../../domain/kind';
import { z } from '../../domain/zod';

const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
/** One line of LaTeX (a step, an answer, a definition). */
const latex = text.check(z.refine((s) => !s.includes('\n'), 'must be one line of LaTeX'));

export const domains = ['real', 'positive', 'nonnegative', 'unit', 'integer', 'simplex'] as const;
export type Domain = (typeof domains)[number];

/** A size written as a number or as the name of one of the template's sizes. */
const sizeRef = z.union([
  z.int().check(z.gte(1), z.lte(8)),
  z.string().check(z.regex(/^[A-Za-z]\w*$/)),
]);

export const symbolSchema = z
  .strictObject({
    /** As written in LaTeX: x, \mu, \sigma_1, \hat{p}. */
    name: latex,
    /** How values are drawn: simplex = a vector of positive entries summing to 1. */
    domain: z._default(z.enum(domains), 'real'),
    /** Sampling interval; defaults depend on the domain. */
    range: z.optional(z.tuple([z.number(), z.number()])),
    /** A function: its parameter names; `definition` is its body. */
    function: z.optional(
      z.array(z.string().check(z.regex(/^\\?[A-Za-z]+$/, 'a parameter is one name'))),
    ),
    /** A vector (one size) or matrix (two sizes): x_i, W_{ij} are its entries. */
    size: z.optional(z.union([sizeRef, z.tuple([sizeRef, sizeRef])])),
    /**
     * For an indexed definition, the index letters its definition uses; by default those of the
     * name (p_i with size n: index i).
     */
    index: z.optional(z.string().check(z.regex(/^[a-z]{1,2}$/))),
    /** A function's body, or a defined quantity (L = …) evaluated from the other symbols. */
    definition: z.optional(latex),
  })
  .check(
    z.superRefine((s, ctx) => {
      if (s.function && !s.definition)
        ctx.addIssue({ code: 'custom', path: ['definition'], message: 'a function needs one' });
      if (s.function && s.size)
        ctx.addIssue({ code: 'custom', path: ['size'], message: 'a function has no size' });
      if (s.index && !(s.size && s.definition))
        ctx.addIssue({
          code: 'custom',
          path: ['index'],
          message: 'only an indexed symbol with a definition has an index letter',
        });
      if (s.range && !(s.range[0] < s.range[1]))
        ctx.addIssue({
          code: 'custom',
          path: ['range'],
          message: 'must be [low, high], low < high',
        });
      if (s.domain === 'simplex' && !s.size)
        ctx.addIssue({ code: 'custom', path: ['domain'], message: 'simplex is for vectors' });
    }),
  );
export type SymbolDecl = z.infer<typeof symbolSchema>;

export const referenceStepSchema = z.strictObject({
  step: latex,
  why: z.optional(z.string().check(z.trim())),
  /** false for prose or a line the checker cannot evaluate (an expectation, a matrix). */
  check: z.optional(z.literal(false)),
});
export type ReferenceStep = z.infer<typeof referenceStepSchema>;

export const finalSchema = z
  .strictObject({
    /** What the answer is an expression for, shown before the answer field: \sigma'(x). */
    lhs: latex,
    answer: latex,
    /** numeric: compared at random points; self: the person compares with the reference. */
    check: z.enum(['numeric', 'self']),
    /** numeric only: an equal form that looks different (check:rounds proves it equal). */
    equivalent: z.optional(latex),
    /** numeric only: a plausible mistake (check:rounds proves it differs). */
    wrong: z.optional(latex),
    /** For a vector or matrix result: what the numeric check specialises to, in words. */
    specialisation: z.optional(z.string().check(z.trim())),
  })
  .check(
    z.superRefine((f, ctx) => {
      if (f.check === 'numeric') {
        for (const k of ['equivalent', 'wrong'] as const)
          if (!f[k])
            ctx.addIssue({
              code: 'custom',
              path: [k],
              message: 'a numeric final answer needs one',
            });
      }
    }),
  );

export const derivationTemplateSchema = z
  .strictObject({
    ...templateBaseShape,
    /** Markdown with $…$ math: what to derive, the setting, the notation. */
    statement: text,
    symbols: z._default(z.array(symbolSchema), []),
    /** Small fixed sizes so sums and indexed symbols expand: { n: 3 }. */
    sizes: z._default(
      z.record(z.string().check(z.regex(/^[A-Za-z]\w*$/)), z.int().check(z.gte(1), z.lte(8))),
      {},
    ),
    hints: z
      .array(text)
      .check(z.minLength(2, 'give 2 to 4 hints'), z.maxLength(4, 'give 2 to 4 hints')),
    reference: z
      .array(referenceStepSchema)
      .check(z.minLength(2, 'a reference derivation has at least 2 steps')),
    final: finalSchema,
  })
  .check(
    z.superRefine((t, ctx) => {
      flagRepeats(ctx, [{ path: 'symbols', names: t.symbols.map((s) => s.name) }]);
    }),
  );
export type DerivationTemplate = z.infer<typeof derivationTemplateSchema>;

/** How the checker marked one step. */
export const stepMarkSchema = z.strictObject({
  status: z.enum(['follows', 'broken', 'unchecked', 'empty']),
  /**
   * Why a step was not checked: lhs = a new chain whose left side cannot be evaluated (what
   * follows it is still checked); the others name what stopped the check.
   */
  code: z.optional(
    z.enum(['lhs', 'prose', 'relation', 'unreadable', 'undefined', 'continues', 'bare', 'long']),
  ),
  /** Human sentence: "follows from step 2", "not checked: an inequality". */
  message: z.string(),
  /** What the checker read, as LaTeX, so a misreading is visible. */
  readAs: z.optional(z.string()),
  /** Where in the step's source the problem is (a parse error), when known. */
  position: z.optional(z.int().check(z.gte(0))),
});
export type StepMark = z.infer<typeof stepMarkSchema>;

export const finalVerdictSchema = z.strictObject({
  status: z.enum(['equivalent', 'different', 'unreadable', 'self', 'empty']),
  message: z.string(),
  readAs: z.optional(z.string()),
  position: z.optional(z.int().check(z.gte(0))),
});
export type FinalVerdict = z.infer<typeof finalVerdictSchema>;

export const stepSchema = z.strictObject({
  /** Stable across moves, so a step keeps its editor and its mark. */
  id: z.string().check(z.minLength(1)),
  tex: z.string(),
  why: z._default(z.string(), ''),
});
export type Step = z.infer<typeof stepSchema>;

/** One press of "Check my steps" (practice), stamped with the round clock. */
export const checkRecordSchema = z.strictObject({
  at: z.number().check(z.gte(0)),
  follows: z.int().check(z.gte(0)),
  broken: z.int().check(z.gte(0)),
  unchecked: z.int().check(z.gte(0)),
});
export type CheckRecord = z.infer<typeof checkRecordSchema>;

export const derivationAnswerSchema = z.strictObject({
  steps: z.array(stepSchema),
  final: z._default(z.string(), ''),
  hintsShown: z._default(z.int().check(z.gte(0)), 0),
  hintTimes: z._default(z.array(z.number()), []),
  checks: z._default(z.array(checkRecordSchema), []),
  /** Written once when the round ends: the marks of the locked steps and the final verdict. */
  graded: z.optional(
    z.strictObject({
      marks: z.array(z.strictObject({ id: z.string(), tex: z.string(), mark: stepMarkSchema })),
      final: finalVerdictSchema,
    }),
  ),
});
export type DerivationAnswer = z.infer<typeof derivationAnswerSchema>;

export const derivationScoringSchema = z.strictObject({});
export type DerivationScoring = z.infer<typeof derivationScoringSchema>;

export { MAX_STEP_CHARS } from './limits';

let idCounter = 0;
/** A step id unique within an answer (time + counter + randomness; ids are never parsed). */
export function newStepId(): string {
  idCounter = (idCounter + 1) % 1_000_000;
  return `s${Date.now().toString(36)}${idCounter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export function tallyMarks(marks: StepMark[]) {
  const count = (s: StepMark['status']) => marks.filter((m) => m.status === s).length;
  return { follows: count('follows'), broken: count('broken'), unchecked: count('unchecked') };
}

const hasText = (s: string) => s.trim() !== '';

export const derivationSpec: RoundKindSpec<
  DerivationTemplate,
  DerivationAnswer,
  DerivationScoring
> = {
  kind: 'derivation',
  title: 'Derivation',
  blurb: 'Derive a result step by step in LaTeX; each step is checked against the one before.',
  rubricId: 'derivation',
  layout: { type: 'file', dir: 'derivation' },
  templateSchema: derivationTemplateSchema,
  answerSchema: derivationAnswerSchema,
  scoringSchema: derivationScoringSchema,
  emptyAnswer: () => ({
    steps: [{ id: newStepId(), tex: '', why: '' }],
    final: '',
    hintsShown: 0,
    hintTimes: [],
    checks: [],
  }),
  emptyScoring: () => ({}),
  isAnswerEmpty: (a) => !hasText(a.final) && a.steps.every((s) => !hasText(s.tex)),
  signalIds: [
    'final-answer',
    'steps-follow',
    'steps-broken',
    'steps-unchecked',
    'steps-written',
    'hints',
    'checks',
  ],
  signals({ template, answer }) {
    const written = answer.steps.filter((s) => hasText(s.tex)).length;
    const graded = answer.graded;
    const signals: Signal[] = [];
    if (template.final.check === 'self') {
      signals.push({
        id: 'final-answer',
        label: 'Final answer',
        display: hasText(answer.final)
          ? 'compare it with the reference yourself (not checked by the app)'
          : 'not given',
        ratio: hasText(answer.final) ? null : 0,
        ...(hasText(answer.final) ? {} : { value: 0, outOf: 1 }),
        selfReported: true,
        dimensions: ['result'],
      });
    } else {
      const s = graded?.final.status;
      const ok = s === 'equivalent' ? 1 : s === 'different' || s === 'empty' ? 0 : null;
      signals.push({
        id: 'final-answer',
        label: 'Final answer',
        display: graded ? graded.final.message : 'not checked yet',
        ratio: ok,
        ...(ok === null ? {} : { value: ok, outOf: 1 }),
        selfReported: false,
        dimensions: ['result'],
      });
    }
    if (graded) {
      const live = graded.marks.map((m) => m.mark).filter((m) => m.status !== 'empty');
      const t = tallyMarks(live);
      const checked = t.follows + t.broken;
      signals.push(
        {
          id: 'steps-follow',
          label: 'Steps that follow',
          display: checked
            ? `${t.follows} of ${checked} checked steps`
            : 'no step could be checked',
          ratio: checked ? t.follows / checked : null,
          value: t.follows,
          outOf: checked,
          selfReported: false,
          dimensions: ['steps', 'rigor'],
        },
        {
          id: 'steps-broken',
          label: "Steps that don't follow",
          display: `${t.broken} of ${checked}`,
          ratio: null,
          value: t.broken,
          outOf: checked,
          selfReported: false,
          dimensions: [],
        },
        {
          id: 'steps-unchecked',
          label: 'Steps not checked',
          display: `${t.unchecked} of ${live.length}`,
          ratio: null,
          value: t.unchecked,
          outOf: live.length,
          selfReported: false,
          dimensions: [],
        },
      );
    } else {
      signals.push({
        id: 'steps-follow',
        label: 'Steps that follow',
        display: 'not checked yet',
        ratio: null,
        selfReported: false,
        dimensions: ['steps', 'rigor'],
      });
    }
    signals.push(
      {
        id: 'steps-written',
        label: 'Steps written',
        display: String(written),
        ratio: null,
        value: written,
        selfReported: false,
        dimensions: [],
      },
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
    );
    if (answer.checks.length > 0) {
      signals.push({
        id: 'checks',
        label: '"Check my steps" pressed',
        display: `${answer.checks.length} time${answer.checks.length === 1 ? '' : 's'}`,
        ratio: null,
        value: answer.checks.length,
        selfReported: false,
        dimensions: [],
      });
    }
    return signals;
  },
  lint(t) {
    const problems: string[] = [];
    if (t.reference[0]?.step.trim().startsWith('='))
      problems.push('reference[0].step: the first step starts a chain, so it cannot begin with =');
    const sizes = new Set(Object.keys(t.sizes));
    t.symbols.forEach((s, i) => {
      const refs = s.size === undefined ? [] : Array.isArray(s.size) ? s.size : [s.size];
      for (const r of refs)
        if (typeof r === 'string' && !sizes.has(r))
          problems.push(
            `symbols[${i}].size: "${r}" is not one of sizes (${[...sizes].join(', ')})`,
          );
      if (s.function && s.domain !== 'real')
        problems.push(`symbols[${i}].domain: a function is not sampled, so it has no domain`);
    });
    if (t.final.check === 'self' && (t.final.equivalent || t.final.wrong))
      problems.push('final: equivalent and wrong are for numeric answers only');
    return problems;
  },
  extra: (templates) => ({
    problems: templates.length,
    checkable: templates.filter((t) => t.final.check === 'numeric').length,
  }),
};
