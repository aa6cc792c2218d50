// Calibration in plain words: where a self-score and an objective signal disagree, said with
// both sides ("you rated correctness 4, but 3 of 8 hidden tests failed"). The rules are data,
// kept in each rubric file beside its dimensions, and printed on the review page as they are.

import type { Signal } from './kind';
import { z } from './zod';

const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

export const calibrationRuleSchema = z
  .strictObject({
    /** The rubric dimension whose self-score is checked. */
    dimension: z.string().check(z.minLength(1)),
    /** The id of a signal the kind reports (it must carry value and outOf where the test needs). */
    signal: z.string().check(z.minLength(1)),
    /** Only self-scores at or above this raise the flag (a low score already agrees). */
    selfAtLeast: z._default(z.union([z.literal(2), z.literal(3), z.literal(4)]), 3),
    /** The condition on the signal's numbers; exactly one. */
    when: z
      .strictObject({
        /** outOf − value ≥ n: "3 of 8 hidden tests failed". */
        missingAtLeast: z.optional(z.number().check(z.positive())),
        /** value / outOf < r. */
        ratioBelow: z.optional(z.number().check(z.gt(0), z.lte(1))),
        /** value < x. */
        valueBelow: z.optional(z.number()),
        /** value ≥ x: "6 minutes over time". */
        valueAtLeast: z.optional(z.number()),
      })
      .check(
        z.refine((w) => Object.values(w).filter((v) => v !== undefined).length === 1, {
          message: 'give exactly one of missingAtLeast, ratioBelow, valueBelow, valueAtLeast',
        }),
      ),
    /**
     * The sentence, with {self}, {dimension}, {value}, {outOf} and {missing} filled in:
     * "you rated {dimension} {self}, but {missing} of {outOf} hidden tests failed".
     */
    say: text,
  })
  .check(
    z.superRefine((r, ctx) => {
      for (const m of r.say.matchAll(/\{(\w+)\}/g)) {
        if (!['self', 'dimension', 'value', 'outOf', 'missing'].includes(m[1]!))
          ctx.addIssue({ code: 'custom', path: ['say'], message: `unknown placeholder {${m[1]}}` });
      }
    }),
  );
export type CalibrationRule = z.infer<typeof calibrationRuleSchema>;

export interface CalibrationFlag {
  rule: CalibrationRule;
  dimension: string;
  self: number;
  signal: Signal;
  sentence: string;
  /** The signal is the person's own report: it never raises a flag alone. */
  selfReported: boolean;
}

const round1 = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function holds(rule: CalibrationRule, signal: Signal): boolean {
  const { value, outOf } = signal;
  const w = rule.when;
  if (value === undefined) return false;
  if (w.missingAtLeast !== undefined)
    return outOf !== undefined && outOf - value >= w.missingAtLeast;
  if (w.ratioBelow !== undefined)
    return outOf !== undefined && outOf > 0 && value / outOf < w.ratioBelow;
  if (w.valueBelow !== undefined) return value < w.valueBelow;
  if (w.valueAtLeast !== undefined) return value >= w.valueAtLeast;
  return false;
}

/**
 * Applies a rubric's rules to a round's self-scores and signals. A rule on a self-reported
 * signal is kept only when an objective rule flags the same dimension.
 */
export function calibrate(
  rules: CalibrationRule[],
  scores: Record<string, number>,
  signals: Signal[],
  dimensionName: (id: string) => string,
): CalibrationFlag[] {
  const fired: CalibrationFlag[] = [];
  for (const rule of rules) {
    const self = scores[rule.dimension];
    const signal = signals.find((s) => s.id === rule.signal);
    if (self === undefined || !signal || self < rule.selfAtLeast || !holds(rule, signal)) continue;
    const value = signal.value ?? 0;
    const outOf = signal.outOf ?? 0;
    const fill: Record<string, string> = {
      self: String(self),
      dimension: dimensionName(rule.dimension).toLowerCase(),
      value: round1(value),
      outOf: round1(outOf),
      missing: round1(outOf - value),
    };
    const sentence = rule.say.replace(/\{(\w+)\}/g, (_, k: string) => fill[k] ?? '');
    fired.push({
      rule,
      dimension: rule.dimension,
      self,
      signal,
      sentence: signal.selfReported ? `${sentence} (self-reported)` : sentence,
      selfReported: signal.selfReported,
    });
  }
  const objective = new Set(fired.filter((f) => !f.selfReported).map((f) => f.dimension));
  return fired.filter((f) => !f.selfReported || objective.has(f.dimension));
}

/** The rule as a person reads it on the page: when it fires, in words. */
export function describeRule(
  rule: CalibrationRule,
  signalLabel: string,
  dimensionName: string,
): string {
  const w = rule.when;
  const cond =
    w.missingAtLeast !== undefined
      ? `misses ${w.missingAtLeast === 1 ? 'any' : `at least ${w.missingAtLeast}`}`
      : w.ratioBelow !== undefined
        ? `is below ${Math.round(w.ratioBelow * 100)}%`
        : w.valueBelow !== undefined
          ? `is below ${w.valueBelow}`
          : `is ${w.valueAtLeast} or more`;
  return `${dimensionName} scored ${rule.selfAtLeast} or higher while “${signalLabel}” ${cond}.`;
}

/** Checks that every rule names a dimension of its rubric (signal ids are the kind's). */
export function ruleProblems(rules: CalibrationRule[], dimensions: string[]): string[] {
  return rules.flatMap((r, i) =>
    dimensions.includes(r.dimension)
      ? []
      : [`calibration[${i}].dimension: "${r.dimension}" is not a dimension of this rubric`],
  );
}
