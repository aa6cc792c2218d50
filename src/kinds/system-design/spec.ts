// ML system design: a scenario the person designs end to end on a whiteboard, with the
// interviewer's side as data — clarifying questions with concrete facts, the lifecycle stages
// with suggested minutes and a reference outline, back-of-the-envelope estimates computed from
// the facts, timed follow-ups and common pitfalls. No React here: the content loader and
// check:rounds load this module under Node, and the app keeps it in the entry bundle.

import { flagRepeats, idSchema, templateBaseShape } from '../../domain/content';
import type { RoundKindSpec, Signal } from '../../domain/kind';
import { z } from '../../domain/zod';
import { ESTIMATE_UNITS, formatQuantity, judgeEstimate } from './estimate';
import { evaluateFormula, formulaNames } from './formula';
import {
  mostOverPlan,
  planAdherence,
  STAGE_IDS,
  STAGES,
  type StageId,
  stagePlan,
  timeInStages,
} from './stages';

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

const stageId = z.enum(STAGE_IDS);

export const sceneSchema = z.strictObject({
  /** Excalidraw's elements as it gave them (deleted ones included, for undo and the replay). */
  elements: z.array(z.unknown()),
  /** Pasted images by Excalidraw's file id, each stored once. */
  files: z.record(z.string(), z.unknown()),
});
export type StoredScene = z.infer<typeof sceneSchema>;

export const designAnswerSchema = z.strictObject({
  scene: z.nullable(sceneSchema),
  /** Each clarifying question asked, with the round-clock ms it was asked. */
  asks: z.array(z.strictObject({ id: z.string(), at: z.number() })),
  /** Notes per stage (Markdown with math). */
  notes: z.partialRecord(stageId, z.string()),
  /** The stage the person says they are on. */
  current: stageId,
  /** Every change of `current`, with its round-clock ms. */
  stageLog: z.array(z.strictObject({ stage: stageId, at: z.number() })),
  /** Estimates as typed, by estimate id. */
  estimates: z.record(z.string(), z.strictObject({ text: z.string(), at: z.number() })),
  /** Follow-ups that have appeared, by id: when, and the written answer. */
  followups: z.record(
    z.string(),
    z.strictObject({ shownAt: z.number(), answer: z.string(), answeredAt: z.nullable(z.number()) }),
  ),
});
export type DesignAnswer = z.infer<typeof designAnswerSchema>;

export const designScoringSchema = z.strictObject({});
export type DesignScoring = z.infer<typeof designScoringSchema>;

export function emptyDesignAnswer(): DesignAnswer {
  return {
    scene: null,
    asks: [],
    notes: {},
    current: 'framing',
    stageLog: [],
    estimates: {},
    followups: {},
  };
}

/**
 * A stored answer as the round can use it, whatever it holds: each field that does not read is
 * replaced by its empty value and named, so a damaged record never crashes the round.
 */
export function readAnswer(raw: unknown): { answer: DesignAnswer; problems: string[] } {
  const whole = designAnswerSchema.safeParse(raw);
  if (whole.success) return { answer: whole.data, problems: [] };
  const empty = emptyDesignAnswer();
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(designAnswerSchema.shape)) {
    const r = (schema as z.ZodMiniType).safeParse(obj[key]);
    if (r.success) out[key] = r.data;
    else {
      out[key] = empty[key as keyof DesignAnswer];
      if (obj[key] !== undefined) problems.push(key);
    }
  }
  // A scene whose shape is wrong may still hold elements worth restoring.
  const scene = obj.scene as { elements?: unknown; files?: unknown } | undefined;
  if (out.scene === null && scene && Array.isArray(scene.elements)) {
    out.scene = {
      elements: scene.elements,
      files: scene.files && typeof scene.files === 'object' ? scene.files : {},
    };
  }
  return { answer: out as DesignAnswer, problems };
}

interface LiveElement {
  isDeleted?: boolean;
  containerId?: unknown;
  customData?: { component?: unknown };
}

export function liveElements(answer: DesignAnswer): LiveElement[] {
  return (answer.scene?.elements ?? []).filter(
    (e): e is LiveElement => !!e && typeof e === 'object' && !(e as LiveElement).isDeleted,
  );
}

const words = (s: string | undefined) => (s ?? '').trim().split(/\s+/).filter(Boolean).length;

/** The dimensions the stage notes speak to, in rubric order. */
const NOTE_DIMENSIONS = ['framing', 'data', 'modeling', 'serving', 'monitoring'] as const;

function fmtMin(ms: number): string {
  return `${Math.round(ms / 60_000)} min`;
}

export function designSignals(input: {
  template: DesignTemplate;
  answer: DesignAnswer;
  usedMs?: number;
  budgetMs?: number | null;
}): Signal[] {
  const { template } = input;
  const answer = readAnswer(input.answer).answer;
  const signals: Signal[] = [];

  for (const dim of NOTE_DIMENSIONS) {
    const stages = STAGE_IDS.filter((s) => STAGES[s].dimension === dim);
    const withNotes = stages.filter((s) => words(answer.notes[s]) > 0);
    const total = stages.reduce((n, s) => n + words(answer.notes[s]), 0);
    signals.push({
      id: `notes-${dim}`,
      label: `Stages with notes: ${stages.map((s) => STAGES[s].title.toLowerCase()).join(', ')}`,
      display: `${withNotes.length} of ${stages.length}${total ? ` · ${total} words` : ''}`,
      ratio: withNotes.length / stages.length,
      value: withNotes.length,
      outOf: stages.length,
      selfReported: false,
      dimensions: [dim],
    });
  }

  const asked = new Set(answer.asks.map((a) => a.id));
  const important = template.clarifications.filter((c) => c.important);
  const importantAsked = important.filter((c) => asked.has(c.id)).length;
  const askedKnown = template.clarifications.filter((c) => asked.has(c.id)).length;
  signals.push({
    id: 'important-asked',
    label: 'Important clarifying questions asked',
    display: `${importantAsked} of ${important.length} (${askedKnown} of ${template.clarifications.length} asked in all)`,
    ratio: important.length ? importantAsked / important.length : null,
    value: importantAsked,
    outOf: important.length,
    selfReported: false,
    dimensions: ['framing'],
  });

  const judged = template.estimates.map((e) =>
    judgeEstimate(answer.estimates[e.id]?.text, e.reference, e.unit, e.factor),
  );
  const within = judged.filter((j) => j.verdict === 'within').length;
  const unreadable = judged.filter((j) => j.verdict === 'unreadable').length;
  signals.push({
    id: 'estimates-within',
    label: 'Estimates within the factor',
    display: `${within} of ${template.estimates.length}${unreadable ? ` (${unreadable} unreadable)` : ''}`,
    ratio: within / template.estimates.length,
    value: within,
    outOf: template.estimates.length,
    selfReported: false,
    dimensions: ['serving'],
  });

  const shown = template.followups.filter((f) => answer.followups[f.id]);
  const answered = shown.filter((f) => words(answer.followups[f.id]?.answer) > 0).length;
  const notReached = template.followups.length - shown.length;
  signals.push({
    id: 'followups-answered',
    label: 'Follow-ups answered',
    display: shown.length
      ? `${answered} of ${shown.length} shown${notReached ? ` (${notReached} not reached)` : ''}`
      : 'none reached',
    ratio: shown.length ? answered / shown.length : null,
    value: answered,
    outOf: shown.length,
    selfReported: false,
    dimensions: ['communication'],
  });

  const end =
    input.usedMs ??
    Math.max(
      0,
      ...answer.stageLog.map((m) => m.at),
      ...answer.asks.map((a) => a.at),
      ...Object.values(answer.estimates).map((e) => e.at),
      ...Object.values(answer.followups).map((f) => f.answeredAt ?? f.shownAt),
    );
  const minutes = Object.fromEntries(
    STAGE_IDS.map((s) => [s, template.stages[s].minutes]),
  ) as Record<StageId, number>;
  const plan = stagePlan(minutes, input.budgetMs ?? null);
  const spent = timeInStages(answer.stageLog, end);
  const adherence = end > 0 ? planAdherence(plan, spent) : 0;
  const over = mostOverPlan(plan, spent);
  signals.push({
    id: 'time-on-plan',
    label: 'Time per stage against the plan',
    display:
      end <= 0
        ? 'no time recorded'
        : answer.stageLog.length === 0
          ? 'never moved past framing ("now on" was not changed)'
          : `${Math.round(adherence * 100)}% as planned${over && over.overMs >= 60_000 ? `; most over: ${STAGES[over.stage].title.toLowerCase()} (+${fmtMin(over.overMs)})` : ''}`,
    ratio: end > 0 ? adherence : null,
    value: Math.round(adherence * 100),
    outOf: 100,
    selfReported: false,
    dimensions: ['communication'],
  });

  const live = liveElements(answer);
  const components = live.filter((e) => typeof e.customData?.component === 'string').length;
  signals.push({
    id: 'board-elements',
    label: 'Elements on the board',
    display: `${live.length}${components ? ` (${components} library component${components === 1 ? '' : 's'})` : ''}`,
    ratio: null,
    value: live.length,
    selfReported: false,
    dimensions: [],
  });
  return signals;
}

const clock = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** The round for the session report (the board travels beside it as a PNG). */
export function designMarkdown(template: DesignTemplate, raw: DesignAnswer): string {
  const a = readAnswer(raw).answer;
  const asked = new Map(a.asks.map((x) => [x.id, x.at]));
  const out: string[] = ['#### Clarifying questions', ''];
  for (const c of template.clarifications) {
    const at = asked.get(c.id);
    out.push(
      `- ${at === undefined ? 'not asked' : `asked at ${clock(at)}`}${c.important ? ' (important)' : ''}: ${c.question}`,
    );
  }
  out.push('', '#### Stage notes', '');
  for (const s of STAGE_IDS) {
    const notes = a.notes[s]?.trim();
    out.push(`**${STAGES[s].title}**`, '', notes || '_(no notes)_', '');
  }
  out.push('#### Estimates', '');
  for (const e of template.estimates) {
    const entry = a.estimates[e.id]?.text.trim();
    const j = judgeEstimate(entry, e.reference, e.unit, e.factor);
    const verdict =
      'ratio' in j
        ? `${j.verdict === 'within' ? 'within' : 'not within'} ${e.factor}× (${j.ratio.toPrecision(2)}× the reference)`
        : 'reason' in j
          ? j.reason
          : 'not answered';
    out.push(
      `- ${e.quantity}: ${entry ? `\`${entry}\`` : '—'}; reference ${formatQuantity(e.reference, e.unit, e.noun)}; ${verdict}`,
    );
  }
  out.push('', '#### Follow-ups', '');
  for (const f of template.followups) {
    const s = a.followups[f.id];
    out.push(
      `- **${f.prompt}** ${s ? `(at ${clock(s.shownAt)})` : '(not reached)'}`,
      ...(s ? ['', `  ${s.answer.trim() || '_(unanswered)_'}`, ''] : []),
    );
  }
  out.push('', `${liveElements(a).length} elements on the board.`);
  return out.join('\n');
}

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

export const designSpec: RoundKindSpec<DesignTemplate, DesignAnswer, DesignScoring> = {
  kind: 'system-design',
  title: 'ML system design',
  blurb:
    'Design an ML system end to end on a whiteboard: clarify, estimate, and keep to the stage clock while the interviewer probes.',
  rubricId: 'system-design',
  layout: { type: 'file', dir: 'design' },
  templateSchema: designTemplateSchema,
  answerSchema: designAnswerSchema,
  scoringSchema: designScoringSchema,
  emptyAnswer: () => emptyDesignAnswer(),
  emptyScoring: () => ({}),
  isAnswerEmpty(raw) {
    const a = readAnswer(raw).answer;
    return (
      liveElements(a).length === 0 &&
      a.asks.length === 0 &&
      Object.values(a.notes).every((s) => !s?.trim()) &&
      Object.values(a.estimates).every((e) => !e.text.trim()) &&
      Object.values(a.followups).every((f) => !f.answer.trim())
    );
  },
  signals: (input) => designSignals(input),
  signalIds: [
    ...NOTE_DIMENSIONS.map((d) => `notes-${d}`),
    'important-asked',
    'estimates-within',
    'followups-answered',
    'time-on-plan',
    'board-elements',
  ],
  lint: lintDesign,
  toMarkdown: ({ template, answer }) => designMarkdown(template, answer),
  extra: (templates) => ({
    prompts: templates.length,
    clarifications: templates.reduce((n, t) => n + t.clarifications.length, 0),
    followups: templates.reduce((n, t) => n + t.followups.length, 0),
    estimates: templates.reduce((n, t) => n + t.estimates.length, 0),
  }),
};
