// What the deep dive's content must be: templates under rounds/deep-dive/ (a discriminated union
// on `type`) and the probe bank, rounds/deep-dive/probes/<theme>.yaml, drawn into each story
// template when the content loads. Loaded by the content loader and check:rounds under Node
// only; the app receives the templates checked and filled.

import { flagRepeats, idSchema, templateBaseShape } from '../../domain/content';
import type { BankEntry, KindContent } from '../../domain/kind';
import { z } from '../../domain/zod';
import { themeCount } from './select';
import { isStory, MAX_PROBES, RESERVED_STEP_IDS } from './spec';

const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const covers = (min: number, max: number) =>
  z
    .array(text)
    .check(
      z.minLength(min, `give ${min} to ${max} points`),
      z.maxLength(max, `give ${min} to ${max} points`),
    );

// ---- The probe bank: rounds/deep-dive/probes/<theme>.yaml ----

export const probeTypeSchema = z.enum(['defense', 'production']);
export type ProbeType = z.infer<typeof probeTypeSchema>;

export const probeSchema = z.strictObject({
  id: idSchema,
  /** The round types that may ask it. */
  for: z.array(probeTypeSchema).check(z.minLength(1, 'name defense, production or both')),
  /** As an interviewer says it (Markdown). */
  ask: text,
  /** What a strong answer covers, revealed at scoring. */
  covers: covers(2, 5),
  /** Appears once the first answer is given. */
  followup: z.optional(z.strictObject({ ask: text, covers: covers(1, 5) })),
});
export type Probe = z.infer<typeof probeSchema>;

export const themeFileSchema = z
  .strictObject({
    theme: idSchema,
    title: text,
    probes: z.array(probeSchema).check(z.minLength(2, 'every theme needs at least 2 probes')),
  })
  .check(
    z.superRefine((t, ctx) =>
      flagRepeats(ctx, [{ path: 'probes', names: t.probes.map((p) => p.id) }]),
    ),
  );
export type ThemeFile = z.infer<typeof themeFileSchema>;

/** A probe as a template carries it, with its theme. */
export type BankProbe = Probe & { theme: string; themeTitle: string };

export function lintBank(entries: BankEntry[]): { name: string; message: string }[] {
  const problems: { name: string; message: string }[] = [];
  const owner = new Map<string, string>();
  for (const e of entries) {
    const t = e.value as ThemeFile;
    if (t.theme !== e.name)
      problems.push({ name: e.name, message: `theme: "${t.theme}" must match the file name` });
    t.probes.forEach((p, i) => {
      const prior = owner.get(p.id);
      if (prior)
        problems.push({
          name: e.name,
          message: `probes[${i}].id: "${p.id}" is already used in ${prior}.yaml`,
        });
      if (RESERVED_STEP_IDS.includes(p.id))
        problems.push({
          name: e.name,
          message: `probes[${i}].id: "${p.id}" is reserved for the round's own steps`,
        });
      owner.set(p.id, e.name);
    });
  }
  if (entries.length > 0) {
    for (const type of probeTypeSchema.options) {
      const themes = entries.filter((e) =>
        (e.value as ThemeFile).probes.some((p) => p.for.includes(type)),
      ).length;
      if (themes < MAX_PROBES)
        problems.push({
          name: entries[0]!.name,
          message: `only ${themes} themes have ${type} probes; a ${type} round draws up to ${MAX_PROBES} distinct themes`,
        });
    }
  }
  return problems;
}

// ---- Templates: rounds/deep-dive/<id>.yaml, one discriminated union on `type` ----

const storyShape = {
  ...templateBaseShape,
  /** What the person presents, as an outline to fill; lengths are for the template's minutes. */
  presentation: z.strictObject({
    minutes: z.int().check(z.gte(1), z.lte(30)),
    outline: z
      .array(z.strictObject({ id: idSchema, title: text, hint: text }))
      .check(
        z.minLength(3, 'give 3 to 8 outline sections'),
        z.maxLength(8, 'give 3 to 8 outline sections'),
      ),
  }),
  probing: z.strictObject({
    /** Questions asked at the template's minutes. */
    count: z.int().check(z.gte(1), z.lte(MAX_PROBES)),
    /** The most asked in a longer round. */
    max: z.int().check(z.gte(1), z.lte(MAX_PROBES)),
    /** Each question's soft answer clock at the template's minutes. */
    minutes: z.number().check(z.gte(1), z.lte(10)),
    /** Draw only from these themes (all that fit the round type when absent). */
    themes: z.optional(z.array(idSchema).check(z.minLength(1))),
  }),
  wrapUp: z.strictObject({
    ask: text,
    covers: covers(2, 5),
    minutes: z.int().check(z.gte(1), z.lte(10)),
  }),
};

export const defenseTemplateSchema = z.strictObject({
  type: z.literal('defense'),
  ...storyShape,
});
export const productionTemplateSchema = z.strictObject({
  type: z.literal('production'),
  ...storyShape,
});

export const paperPromptSchema = z.strictObject({
  id: idSchema,
  ask: text,
  /** Suggested minutes; the prompts add up to at most the card's minutes. */
  minutes: z.int().check(z.gte(1), z.lte(15)),
  covers: covers(2, 6),
});
export type PaperPrompt = z.infer<typeof paperPromptSchema>;

export const critiqueTemplateSchema = z.strictObject({
  type: z.literal('critique'),
  ...templateBaseShape,
  /** Our own summary of the paper, never its text. */
  paper: z.strictObject({
    title: text,
    authors: text,
    year: z.int().check(z.gte(1950), z.lte(2100)),
    venue: z.optional(text),
    problem: text,
    contribution: text,
    method: text,
    evaluation: text,
    headline: text,
  }),
  prompts: z.array(paperPromptSchema).check(z.minLength(5, 'give at least 5 critique prompts')),
});

export const deepDiveTemplateSchema = z
  .discriminatedUnion('type', [
    defenseTemplateSchema,
    productionTemplateSchema,
    critiqueTemplateSchema,
  ])
  .check(
    z.superRefine((t, ctx) => {
      if (t.type === 'critique')
        flagRepeats(ctx, [{ path: 'prompts', names: t.prompts.map((p) => p.id) }]);
      else
        flagRepeats(ctx, [
          { path: 'presentation.outline', names: t.presentation.outline.map((s) => s.id) },
        ]);
    }),
  );

type StoryBase = z.infer<typeof defenseTemplateSchema> | z.infer<typeof productionTemplateSchema>;
/** A story template as the app sees it: filled with the probes of its round type. */
export type StoryTemplate = StoryBase & { bank?: BankProbe[] };
export type CritiqueTemplate = z.infer<typeof critiqueTemplateSchema>;
export type DeepDiveTemplate = StoryTemplate | CritiqueTemplate;

function withBanks(t: DeepDiveTemplate, banks: Record<string, BankEntry[]>): DeepDiveTemplate {
  if (!isStory(t)) return t;
  const type = t.type;
  const bank = (banks.probes ?? []).flatMap((e) => {
    const file = e.value as ThemeFile;
    if (t.probing.themes && !t.probing.themes.includes(file.theme)) return [];
    return file.probes
      .filter((p) => p.for.includes(type))
      .map((p): BankProbe => ({ ...p, theme: file.theme, themeTitle: file.title }));
  });
  return { ...t, bank };
}

function lintTemplate(t: DeepDiveTemplate): string[] {
  const problems: string[] = [];
  if (t.type === 'critique') {
    const sum = t.prompts.reduce((n, p) => n + p.minutes, 0);
    if (sum > t.minutes)
      problems.push(
        `prompts: the suggested minutes add up to ${sum}, more than the card's ${t.minutes}`,
      );
    t.prompts.forEach((p, i) => {
      if (RESERVED_STEP_IDS.includes(p.id))
        problems.push(`prompts[${i}].id: "${p.id}" is reserved for the round's own steps`);
    });
    return problems;
  }
  const { presentation: p, probing, wrapUp } = t;
  if (probing.count > probing.max)
    problems.push(`probing.count: ${probing.count} is more than probing.max (${probing.max})`);
  const sum = p.minutes + probing.count * probing.minutes + wrapUp.minutes;
  if (sum > t.minutes)
    problems.push(
      `presentation, probing and wrapUp add up to ${sum} minutes, more than the template's ${t.minutes}`,
    );
  // A theme named here that the bank does not hold (a typo) would silently draw nothing.
  probing.themes?.forEach((theme, i) => {
    if (!(t.bank ?? []).some((b) => b.theme === theme))
      problems.push(
        `probing.themes[${i}]: no probe in the bank has theme "${theme}" for a ${t.type} round`,
      );
  });
  const themes = themeCount(t.bank ?? []);
  if (themes < probing.max)
    problems.push(
      `probing.max: a round may ask ${probing.max} questions over distinct themes, but the bank has ${themes} themes with ${t.type} probes`,
    );
  return problems;
}

const deepDiveContent: KindContent<DeepDiveTemplate> = {
  layout: { type: 'file', dir: 'deep-dive' },
  templateSchema: deepDiveTemplateSchema as z.ZodMiniType<DeepDiveTemplate>,
  banks: { probes: { schema: themeFileSchema, lint: lintBank } },
  withBanks,
  lint: lintTemplate,
  extra(templates) {
    const probes = new Map<string, BankProbe>();
    for (const t of templates) if (isStory(t)) for (const p of t.bank ?? []) probes.set(p.id, p);
    const list = [...probes.values()];
    return {
      probes: list.length,
      themes: themeCount(list),
      papers: templates.filter((t) => t.type === 'critique').length,
      production_probes: list.filter((p) => p.for.includes('production')).length,
    };
  },
};

export default deepDiveContent;
