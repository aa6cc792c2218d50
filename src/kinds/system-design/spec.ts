// ML system design: a scenario the person designs end to end on a whiteboard, with the
// interviewer's side as data — clarifying questions with concrete facts, the lifecycle stages
// with suggested minutes and a reference outline, back-of-the-envelope estimates computed from
// the facts, timed follow-ups and common pitfalls (their rules: ./content.ts). No React here:
// check:rounds loads this module under Node, and the app keeps it in the entry bundle.

import type { RoundKindSpec, Signal } from '../../domain/kind';
import { z } from '../../domain/zod';
import type { DesignTemplate } from './content';
import { formatQuantity, judgeEstimate } from './estimate';
import {
  mostOverPlan,
  planAdherence,
  STAGE_IDS,
  STAGES,
  type StageId,
  stagePlan,
  timeInStages,
} from './stages';

export type { Clarification, DesignTemplate, Estimate, Followup } from './content';

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

export const designSpec: RoundKindSpec<DesignTemplate, DesignAnswer, DesignScoring> = {
  kind: 'system-design',
  title: 'ML system design',
  blurb:
    'Design an ML system end to end on a whiteboard: clarify, estimate, and keep to the stage clock while the interviewer probes.',
  rubricId: 'system-design',
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
  toMarkdown: ({ template, answer }) => designMarkdown(template, answer),
};
