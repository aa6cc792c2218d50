// What a system-design template under rounds/design/ must be: its schema and the cross-field
// rules (declared facts, stage minutes, formulas recomputed against their references). Loaded
// by the content loader and check:rounds under Node only; the app receives templates checked.

import { flagRepeats, idSchema, templateBaseShape } from '../../domain/content';
import type { KindContent } from '../../domain/kind';
import { z } from '../../domain/zod';
import { ESTIMATE_UNITS } from './estimate';
import { evaluateFormula, formulaNames } from './formula';
import { STAGE_IDS, type StageId } from './stages';

const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const factName = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case, like daily_users'));

export const factSchema = z.strictObject({
  name: factName,
  value: z.number().check(z.refine(Number.isFinite, 'must be a finite number')),
  /** Free text for display: users, sessions/user/day, bytes… */
  unit: text,
});

export const clarificationSchema = z.strictObject({
  id: idSchema,
  question: text,
  /** The interviewer's answer, with concrete numbers (Markdown). */
  answer: text,
  /** Names of the facts this answer gives. */
  facts: z._default(z.array(factName), []),
  /** A strong candidate must ask this one. */
  important: z._default(z.boolean(), false),
});
export type Clarification = z.infer<typeof clarificationSchema>;

export const stageSchema = z.strictObject({
  minutes: z.int().check(z.gte(1, 'give each stage at least a minute')),
  /** What a strong candidate covers here (Markdown bullets). */
  outline: text,
});

export const stagesSchema = z.strictObject(
  Object.fromEntries(STAGE_IDS.map((id) => [id, stageSchema])) as Record<
    StageId,
    typeof stageSchema
  >,
);

export const estimateSchema = z.strictObject({
  id: idSchema,
  /** What the person is asked to estimate. */
  quantity: text,
  unit: z.enum(ESTIMATE_UNITS),
  /** What is counted, for display ("requests" → "requests/s"). */
  noun: text,
  inputs: z.array(factName).check(z.minLength(1, 'name the facts the formula uses')),
  /** Arithmetic over the inputs: + - * / ^ and parentheses. */
  formula: text,
  /** The formula's value in `unit`. */
  reference: z.number().check(z.positive()),
  /** An answer within this factor of the reference, either way, counts as right. */
  factor: z._default(
    z.number().check(z.gte(1.2, 'a factor below 1.2 asks for more precision than an estimate has')),
    2,
  ),
  /** How it follows from the facts, shown at scoring. */
  working: text,
});
export type Estimate = z.infer<typeof estimateSchema>;

export const followupSchema = z.strictObject({
  id: idSchema,
  /** The minute of a `minutes`-long round at which it appears (scaled to the actual round). */
  at: z.int(),
  prompt: text,
  /** What a strong answer covers, revealed at scoring. */
  covers: text,
});
export type Followup = z.infer<typeof followupSchema>;

export const designTemplateSchema = z
  .strictObject({
    ...templateBaseShape,
    /** What the interviewer says to open the round (Markdown). */
    prompt: text,
    facts: z
      .array(factSchema)
      .check(z.minLength(1, 'give the facts the estimates are computed from')),
    clarifications: z
      .array(clarificationSchema)
      .check(z.minLength(6, 'give at least 6 clarifying questions')),
    stages: stagesSchema,
    estimates: z
      .array(estimateSchema)
      .check(z.minLength(2, 'give 2 or 3 estimates'), z.maxLength(3, 'give 2 or 3 estimates')),
    followups: z.array(followupSchema).check(z.minLength(4, 'give at least 4 timed follow-ups')),
    pitfalls: z.array(text).check(z.minLength(3, 'give at least 3 common pitfalls')),
  })
  .check(
    z.superRefine((t, ctx) => {
      flagRepeats(ctx, [{ path: 'facts', names: t.facts.map((f) => f.name) }]);
      flagRepeats(ctx, [{ path: 'clarifications', names: t.clarifications.map((c) => c.id) }]);
      flagRepeats(ctx, [{ path: 'estimates', names: t.estimates.map((e) => e.id) }]);
      flagRepeats(ctx, [{ path: 'followups', names: t.followups.map((f) => f.id) }]);
    }),
  );
export type DesignTemplate = z.infer<typeof designTemplateSchema>;

/** Cross-field rules, each as "field: problem". */
export function lintDesign(t: DesignTemplate): string[] {
  const problems: string[] = [];
  const declared = new Map(t.facts.map((f) => [f.name, f]));
  const given = new Set<string>();
  t.clarifications.forEach((c, i) => {
    c.facts.forEach((name, j) => {
      if (!declared.has(name))
        problems.push(`clarifications[${i}].facts[${j}]: "${name}" is not a declared fact`);
      given.add(name);
    });
  });
  const important = t.clarifications.filter((c) => c.important).length;
  if (important < 2)
    problems.push(`clarifications: mark at least 2 as important (has ${important})`);
  t.facts.forEach((f, i) => {
    if (!given.has(f.name))
      problems.push(
        `facts[${i}]: "${f.name}" is given by no clarification (list it in one's facts)`,
      );
  });

  const sum = STAGE_IDS.reduce((s, id) => s + t.stages[id].minutes, 0);
  if (sum !== t.minutes)
    problems.push(`stages: the minutes add up to ${sum}, not the template's ${t.minutes}`);

  t.estimates.forEach((e, i) => {
    e.inputs.forEach((name, j) => {
      if (!declared.has(name))
        problems.push(`estimates[${i}].inputs[${j}]: "${name}" is not a declared fact`);
      else if (!given.has(name))
        problems.push(
          `estimates[${i}].inputs[${j}]: "${name}" is given by no clarification, so it cannot be learnt in the round`,
        );
    });
    const used = formulaNames(e.formula);
    for (const name of used) {
      if (!e.inputs.includes(name))
        problems.push(`estimates[${i}].formula: uses "${name}", which is not among its inputs`);
    }
    e.inputs.forEach((name, j) => {
      if (!used.includes(name))
        problems.push(`estimates[${i}].inputs[${j}]: "${name}" is not used by the formula`);
    });
    // Recomputed only when every name is a declared input (else the problems above say why).
    if (used.some((n) => !e.inputs.includes(n)) || e.inputs.some((n) => !declared.has(n))) return;
    const values = Object.fromEntries(e.inputs.map((n) => [n, declared.get(n)!.value]));
    const r = evaluateFormula(e.formula, values);
    if (!r.ok) {
      problems.push(`estimates[${i}].formula: ${r.error} (at character ${r.position + 1})`);
    } else if (Math.abs(r.value - e.reference) > 0.01 * Math.abs(r.value)) {
      problems.push(
        `estimates[${i}].reference: ${e.reference} is more than 1% from the formula's ${Number(r.value.toPrecision(6))}`,
      );
    }
  });

  t.followups.forEach((f, i) => {
    if (f.at < 5 || f.at > t.minutes - 3)
      problems.push(`followups[${i}].at: ${f.at} must be between 5 and ${t.minutes - 3}`);
    const before = t.followups[i - 1];
    if (before && f.at <= before.at)
      problems.push(`followups[${i}].at: ${f.at} must come after the one before (${before.at})`);
  });
  return problems;
}

const designContent: KindContent<DesignTemplate> = {
  layout: { type: 'file', dir: 'design' },
  templateSchema: designTemplateSchema,
  lint: lintDesign,
  extra: (templates) => ({
    prompts: templates.length,
    clarifications: templates.reduce((n, t) => n + t.clarifications.length, 0),
    followups: templates.reduce((n, t) => n + t.followups.length, 0),
    estimates: templates.reduce((n, t) => n + t.estimates.length, 0),
  }),
};

export default designContent;
