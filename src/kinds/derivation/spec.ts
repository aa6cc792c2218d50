// Derivations: a result derived step by step in LaTeX, each step checked numerically against the
// one before, and a final answer the app verifies (the templates' rules: ./content.ts). No React
// and no LaTeX parser here: check:rounds loads this module under Node, and the app keeps it in
// the entry bundle.

import type { RoundKindSpec, Signal } from '../../domain/kind';
import { z } from '../../domain/zod';
import type { DerivationTemplate } from './content';

export type { DerivationTemplate, Domain, ReferenceStep, SymbolDecl } from './content';

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
};
