// What a derivation template under rounds/derivation/ must be: its declared symbols and sizes,
// the reference steps, the final answer's check. Loaded by the content loader and check:rounds
// under Node only; the app receives the templates checked.

import { flagRepeats, templateBaseShape } from '../../domain/content';
import type { KindContent } from '../../domain/kind';
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

const derivationContent: KindContent<DerivationTemplate> = {
  layout: { type: 'file', dir: 'derivation' },
  templateSchema: derivationTemplateSchema,
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

export default derivationContent;
