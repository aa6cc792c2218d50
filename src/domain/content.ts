// Schemas for everything under rounds/ that is not a kind's own template: tracks, rubrics,
// the verdict policy and the list of retired ids. Types come from the schemas.

import { calibrationRuleSchema } from './calibration';
import { z } from './zod';

export const idSchema = z
  .string()
  .check(
    z.regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      'must be lowercase words joined by hyphens, like "bias-variance"',
    ),
  );

export const trackIdSchema = z.enum(['mle', 'rs']);
export type TrackId = z.infer<typeof trackIdSchema>;

const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

/** Fields every template of every kind has. Kinds extend this with their own fields. */
export const templateBaseShape = {
  id: idSchema,
  title: text,
  summary: text,
  tags: z._default(z.array(idSchema), []),
  /** Which tracks lean on this template most; both when it is common to both. */
  tracks: z.array(trackIdSchema).check(z.minLength(1, 'name at least one track (mle, rs)')),
  /** Suggested length in minutes when practised on its own. */
  minutes: z.int().check(z.gte(5), z.lte(120)),
  difficulty: z._default(z.enum(['easy', 'medium', 'hard']), 'medium'),
  /** The rubric it is scored on, when not its kind's default (e.g. a production story). */
  rubric: z.optional(idSchema),
};
export const templateBaseSchema = z.strictObject(templateBaseShape);
export type TemplateBase = z.infer<typeof templateBaseSchema>;

export const levelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type Level = z.infer<typeof levelSchema>;

export const rubricSchema = z.strictObject({
  id: idSchema,
  kind: idSchema,
  title: text,
  dimensions: z
    .array(
      z.strictObject({
        id: idSchema,
        name: text,
        /** The question the dimension answers, shown above its anchors. */
        question: text,
        levels: z.strictObject({ 1: text, 2: text, 3: text, 4: text }),
      }),
    )
    .check(z.minLength(2, 'a rubric needs at least two dimensions')),
  /** Where a self-score and an objective signal disagree (see domain/calibration.ts). */
  calibration: z._default(z.array(calibrationRuleSchema), []),
});
export type Rubric = z.infer<typeof rubricSchema>;
export type RubricDimension = Rubric['dimensions'][number];

export const verdictIdSchema = z.enum([
  'strong-no-hire',
  'lean-no-hire',
  'lean-hire',
  'strong-hire',
]);
export type VerdictId = z.infer<typeof verdictIdSchema>;

export const verdictPolicySchema = z
  .strictObject({
    labels: z.strictObject({
      'strong-no-hire': text,
      'lean-no-hire': text,
      'lean-hire': text,
      'strong-hire': text,
    }),
    /** A round's mean below the first threshold is strong no hire, below the second lean no hire... */
    thresholds: z.strictObject({
      strongNoHireBelow: z.number(),
      leanNoHireBelow: z.number(),
      leanHireBelow: z.number(),
    }),
    /** A round at strong no hire caps the loop's verdict at this level. */
    strongNoHireRoundCapsLoopAt: verdictIdSchema,
    /** Any dimension scored at or below this level is flagged in the review. */
    flagDimensionAtOrBelow: levelSchema,
  })
  .check(
    z.refine(
      (p) =>
        p.thresholds.strongNoHireBelow < p.thresholds.leanNoHireBelow &&
        p.thresholds.leanNoHireBelow < p.thresholds.leanHireBelow,
      { message: 'thresholds must increase: strongNoHireBelow < leanNoHireBelow < leanHireBelow' },
    ),
  );
export type VerdictPolicy = z.infer<typeof verdictPolicySchema>;

/** "kind.dimension", e.g. "fundamentals.depth". */
export const dimensionRefSchema = z
  .string()
  .check(z.regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, 'must name a rubric dimension as "kind.dimension"'));

export const trackRoundSchema = z.strictObject({
  /** Stable name of the slot in the loop, e.g. "coding-ml". */
  slot: idSchema,
  title: text,
  kind: idSchema,
  minutes: z.int().check(z.gte(5), z.lte(120)),
  weight: z.number().check(z.positive()),
  /** Only templates carrying every one of these tags may be drawn for this round. */
  tags: z._default(z.array(idSchema), []),
});
export type TrackRound = z.infer<typeof trackRoundSchema>;

export const trackSchema = z.strictObject({
  id: trackIdSchema,
  name: text,
  short: text,
  summary: text,
  /** The at-a-glance comparison on the home screen. */
  glance: z.strictObject({
    coding: text,
    signatureRound: text,
    math: text,
    portfolio: text,
    failureMode: text,
  }),
  /**
   * The signature round is a slot of the loop (a kind may have other rounds that are not the
   * signature: a paper critique beside the project defense). While its kind is not built, the
   * slot is absent and the plan says so; it is never replaced by another round.
   */
  signature: z.strictObject({ slot: idSchema, kind: idSchema, title: text }),
  failureMode: z.strictObject({
    label: text,
    advice: text,
    dimensions: z.array(dimensionRefSchema).check(z.minLength(1)),
  }),
  rounds: z.array(trackRoundSchema).check(z.minLength(1)),
});
export type Track = z.infer<typeof trackSchema>;

export const retiredSchema = z.strictObject({
  retired: z.array(
    z.strictObject({
      id: idSchema,
      kind: idSchema,
      reason: text,
    }),
  ),
});
export type Retired = z.infer<typeof retiredSchema>;

/** What the content loader emits and the app consumes. Templates are kept per kind. */
export interface Catalog {
  tracks: Track[];
  rubrics: Rubric[];
  verdict: VerdictPolicy;
  templates: Record<string, TemplateBase[]>;
  retired: Retired['retired'];
}

/** Flags every repeated name across the given lists, at the path of its second use. */
export function flagRepeats(
  ctx: z.core.$RefinementCtx,
  lists: { path: string; names: string[] }[],
): void {
  const seen = new Set<string>();
  for (const { path, names } of lists) {
    names.forEach((name, i) => {
      if (seen.has(name))
        ctx.addIssue({ code: 'custom', path: [path, i], message: `"${name}" is used twice` });
      seen.add(name);
    });
  }
}

const BASE_KEYS = Object.keys(templateBaseShape) as (keyof TemplateBase)[];

/** The catalog without each template's own fields: what the app needs before any round opens. */
export function lightCatalog(catalog: Catalog): Catalog {
  const templates = Object.fromEntries(
    Object.entries(catalog.templates).map(([kind, list]) => [
      kind,
      list.map((t) => Object.fromEntries(BASE_KEYS.map((k) => [k, t[k]])) as TemplateBase),
    ]),
  );
  return { ...catalog, templates };
}

export function findTemplate(catalog: Catalog, kind: string, id: string): TemplateBase | undefined {
  return catalog.templates[kind]?.find((t) => t.id === id);
}

export function findRubric(catalog: Catalog, id: string): Rubric | undefined {
  return catalog.rubrics.find((r) => r.id === id);
}

/** The rubric a template is scored on: its own when it names one, else its kind's default. */
export function rubricFor(
  catalog: Catalog,
  defaultId: string,
  template: TemplateBase | undefined,
): Rubric | undefined {
  return findRubric(catalog, template?.rubric ?? defaultId);
}

export function findTrack(catalog: Catalog, id: string): Track | undefined {
  return catalog.tracks.find((t) => t.id === id);
}
