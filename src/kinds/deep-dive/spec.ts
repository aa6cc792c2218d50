// The research deep dive: present your own project and defend it under probing (the Research
// Scientist's signature round), tell a production story of a system you shipped (ML Engineer),
// or critique a paper from a card written in our own words. Answers are typed (Markdown with
// math) or spoken (recorded per question, kept in IndexedDB); the templates' and the probe bank's
// rules are in ./content.ts. No React here: check:rounds loads this module under Node.

import type { RoundKindSpec, Signal } from '../../domain/kind';
import { z } from '../../domain/zod';
import { formatDuration, roundPlan, roundSteps, type Step, stepTimes } from './clock';
import type { DeepDiveTemplate, StoryTemplate } from './content';
import { findQuantities } from './quantities';
import { drawProbes, drawSeed } from './select';

/** Step ids the round uses itself; no probe or prompt may take them. */
export const RESERVED_STEP_IDS = ['presentation', 'wrap-up', 'reading'];
/** The most questions any round asks: the bank must offer this many themes per round type. */
export const MAX_PROBES = 8;

export type {
  BankProbe,
  CritiqueTemplate,
  DeepDiveTemplate,
  PaperPrompt,
  Probe,
  ProbeType,
  StoryTemplate,
  ThemeFile,
} from './content';

// ---- The answer ----

const finite = z.number();
const clock = finite.check(z.gte(0));

/** A probe as it was asked: a copy, so a later change to the bank never rewrites a session. */
export const askedProbeSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  theme: z.string(),
  themeTitle: z.string(),
  ask: z.string(),
  covers: z.array(z.string()),
  followup: z.optional(z.strictObject({ ask: z.string(), covers: z.array(z.string()) })),
});
export type AskedProbe = z.infer<typeof askedProbeSchema>;

/** The project defended, copied into the answer: deleting it later leaves the session whole. */
export const projectCopySchema = z.strictObject({
  id: z.string(),
  type: z.enum(['research', 'production']),
  title: z.string(),
  summary: z.string(),
  role: z.string(),
  result: z.string(),
  limitations: z.string(),
});
export type ProjectCopy = z.infer<typeof projectCopySchema>;

export const responseSchema = z.strictObject({
  /** The typed answer (Markdown with math). */
  text: z.string(),
  /** The typed answer to the follow-up. */
  followup: z.string(),
  /** Round-clock ms when the question was asked and left. */
  startedAt: z.nullable(clock),
  endedAt: z.nullable(clock),
  /** A spoken answer has no text offline: the person says whether it gave numbers. */
  gaveNumbers: z.boolean(),
});
export type StepResponse = z.infer<typeof responseSchema>;

/** One recording segment (a start and a stop); its pieces are in IndexedDB under its id. */
export const clipSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  step: z.string(),
  part: z.enum(['main', 'followup']),
  /** Wall-clock ms, like the pieces' `at`: durations come from these, never from the blob. */
  startedAt: clock,
  endedAt: z.nullable(clock),
});
export type Clip = z.infer<typeof clipSchema>;

export const deepDiveAnswerSchema = z.strictObject({
  v: z.literal(1),
  /** The round's length the plan was made for, fixed with the first change; null until then. */
  minutes: z.nullable(z.number().check(z.positive())),
  /** Probes drawn from the seed when the round started, in the order they are asked. */
  drawn: z.array(askedProbeSchema),
  project: z.nullable(projectCopySchema),
  /** Presentation notes by outline section. */
  outline: z.record(z.string(), z.string()),
  /** The step on now (index into the round's steps). */
  step: z.int().check(z.gte(0)),
  responses: z.record(z.string(), responseSchema),
  clips: z.array(clipSchema),
});
export type DeepDiveAnswer = z.infer<typeof deepDiveAnswerSchema>;

/** At scoring: which "strong answer covers" points the person ticked, by step (and step/followup). */
export const deepDiveScoringSchema = z.strictObject({
  covered: z.record(z.string(), z.array(z.int().check(z.gte(0)))),
});
export type DeepDiveScoring = z.infer<typeof deepDiveScoringSchema>;

export const emptyResponse = (): StepResponse => ({
  text: '',
  followup: '',
  startedAt: null,
  endedAt: null,
  gaveNumbers: false,
});

export function isStory(t: DeepDiveTemplate): t is StoryTemplate {
  return t.type !== 'critique';
}

/** The minutes the round's plan is made for: fixed in the answer, else its length now. */
export function planMinutes(
  t: DeepDiveTemplate,
  answer: DeepDiveAnswer,
  budgetMs?: number | null,
): number {
  return answer.minutes ?? (budgetMs ? budgetMs / 60_000 : t.minutes);
}

export function stepsOf(t: DeepDiveTemplate, answer: DeepDiveAnswer, budgetMs?: number | null) {
  return roundSteps(t, answer, roundPlan(t, planMinutes(t, answer, budgetMs)));
}

const QUESTION_KINDS = new Set(['probe', 'wrap-up', 'prompt']);
export const isQuestion = (s: Step) => QUESTION_KINDS.has(s.kind);

export function clipsOf(answer: DeepDiveAnswer, step: string, part?: 'main' | 'followup') {
  return answer.clips.filter((c) => c.step === step && (part === undefined || c.part === part));
}

/** Given in writing or aloud. */
export function isAnswered(answer: DeepDiveAnswer, step: Step): boolean {
  if (step.kind === 'presentation')
    return Object.values(answer.outline).some((s) => s.trim() !== '') || spoken(answer, step);
  return (answer.responses[step.id]?.text ?? '').trim() !== '' || spoken(answer, step, 'main');
}

function spoken(answer: DeepDiveAnswer, step: Step, part?: 'main' | 'followup') {
  return clipsOf(answer, step.id, part).length > 0;
}

export function followupAnswered(answer: DeepDiveAnswer, step: Step): boolean {
  return (
    (answer.responses[step.id]?.followup ?? '').trim() !== '' || spoken(answer, step, 'followup')
  );
}

/** Recorded length of a clip from its stored times (null while it has no end yet). */
export const clipMs = (c: Clip) =>
  c.endedAt === null ? null : Math.max(0, c.endedAt - c.startedAt);

/** The typed text of the presentation and of every answer, for the quantity count. */
function typedTexts(answer: DeepDiveAnswer, steps: Step[]): { step: Step; text: string }[] {
  return steps.flatMap((s) => {
    if (s.kind === 'presentation')
      return [{ step: s, text: Object.values(answer.outline).join('\n') }];
    const r = answer.responses[s.id];
    return r ? [{ step: s, text: `${r.text}\n${r.followup}` }] : [];
  });
}

const DIMS = {
  defense: {
    answered: ['methodology', 'rigor'],
    followups: ['follow-ups'],
    clock: ['communication'],
    outline: ['motivation', 'communication'],
    themes: ['rigor'],
    points: ['methodology', 'rigor', 'limitations'],
  },
  production: {
    answered: ['system', 'data-metrics'],
    followups: ['trade-offs'],
    clock: ['communication'],
    outline: ['impact', 'communication'],
    themes: ['system', 'operations'],
    points: ['system', 'data-metrics', 'operations'],
  },
  critique: {
    answered: ['methodology', 'rigor'],
    followups: ['follow-ups'],
    clock: ['communication'],
    outline: [],
    themes: [],
    points: ['methodology', 'rigor', 'limitations'],
  },
} as const;

const count = (
  id: string,
  label: string,
  value: number,
  outOf: number,
  dimensions: readonly string[],
  opts: { display?: string; selfReported?: boolean } = {},
): Signal => ({
  id,
  label,
  display: opts.display ?? `${value} of ${outOf}`,
  ratio: outOf > 0 ? value / outOf : null,
  value,
  outOf,
  selfReported: opts.selfReported ?? false,
  dimensions: [...dimensions],
});

export function deepDiveSignals(input: {
  template: DeepDiveTemplate;
  answer: DeepDiveAnswer;
  scoring: DeepDiveScoring;
  usedMs?: number;
  budgetMs?: number | null;
}): Signal[] {
  const { template: t, answer, scoring } = input;
  const steps = stepsOf(t, answer, input.budgetMs);
  const dims = DIMS[t.type];
  const questions = steps.filter(isQuestion);
  const answered = questions.filter((s) => isAnswered(answer, s));
  const out: Signal[] = [
    count('answered', 'Questions answered', answered.length, questions.length, dims.answered),
  ];

  // Time against each soft clock; the step open when the round ended runs to its end.
  const times = stepTimes(answer, steps, input.usedMs ?? 0);
  const timed = steps
    .map((s, i) => ({ s, t: times[i]! }))
    .filter(({ s, t }) => s.budgetMs !== null && t.state !== 'ahead' && t.spentMs > 0);
  const over = timed.filter(({ t }) => t.overMs > 0);
  const overMs = over.reduce((n, { t }) => n + t.overMs, 0);
  out.push(
    count(
      'within-clock',
      'Steps within their clock',
      timed.length - over.length,
      timed.length,
      dims.clock,
      {
        display: timed.length
          ? `${timed.length - over.length} of ${timed.length}${over.length ? ` (${over.length} over, by ${formatDuration(overMs)} in all)` : ''}`
          : 'no step timed',
      },
    ),
  );
  const asked = timed.filter(({ s }) => isQuestion(s));
  if (asked.length) {
    const mean = asked.reduce((n, { t }) => n + t.spentMs, 0) / asked.length;
    const budget = asked[0]!.s.budgetMs!;
    out.push({
      id: 'time-per-question',
      label: 'Time per question',
      display: `${formatDuration(mean)} on average, against a ${formatDuration(budget)} clock`,
      ratio: null,
      value: mean / 60_000,
      outOf: budget / 60_000,
      selfReported: false,
      dimensions: [],
    });
  }

  const withFollowup = questions.filter((s) => s.followup && isAnswered(answer, s));
  if (isStory(t)) {
    out.push(
      count(
        'followups',
        'Follow-ups answered',
        withFollowup.filter((s) => followupAnswered(answer, s)).length,
        withFollowup.length,
        dims.followups,
        { display: withFollowup.length ? undefined : 'none was asked' },
      ),
    );
    const sections = t.presentation.outline;
    out.push(
      count(
        'outline',
        'Outline sections filled',
        sections.filter((s) => (answer.outline[s.id] ?? '').trim() !== '').length,
        sections.length,
        dims.outline,
      ),
    );
    const probes = questions.filter((s) => s.kind === 'probe');
    const themesAsked = new Set(probes.map((s) => s.theme));
    const themesAnswered = new Set(probes.filter((s) => isAnswered(answer, s)).map((s) => s.theme));
    out.push(
      count('themes', 'Themes covered', themesAnswered.size, themesAsked.size, dims.themes, {
        display: `${themesAnswered.size} of ${themesAsked.size}: ${[...new Set(probes.filter((s) => isAnswered(answer, s)).map((s) => s.themeTitle))].join(', ') || 'none'}`,
      }),
    );
  }

  if (t.type === 'production') {
    const typed = typedTexts(answer, steps).filter((x) => x.text.trim() !== '');
    const found = typed.map((x) => findQuantities(x.text));
    const all = found.flat();
    out.push({
      id: 'quantities',
      label: 'Quantities given (typed)',
      display: all.length
        ? `${all.length}: ${all
            .slice(0, 8)
            .map((q) => q.text)
            .join(', ')}${all.length > 8 ? ', …' : ''}`
        : 'none in the typed answers',
      ratio: null,
      value: all.length,
      selfReported: false,
      dimensions: ['impact'],
    });
    out.push(
      count(
        'answers-with-numbers',
        'Typed answers with a number',
        found.filter((f) => f.length > 0).length,
        typed.length,
        ['impact'],
      ),
    );
    const aloud = steps.filter((s) => clipsOf(answer, s.id).length > 0);
    if (aloud.length)
      out.push(
        count(
          'gave-numbers',
          'Spoken answers with numbers (self-reported: “I gave numbers”)',
          aloud.filter((s) => answer.responses[s.id]?.gaveNumbers).length,
          aloud.length,
          ['impact'],
          { selfReported: true },
        ),
      );
  }

  const aloud = steps.filter((s) => clipsOf(answer, s.id).length > 0);
  if (aloud.length) {
    const ms = answer.clips.reduce((n, c) => n + (clipMs(c) ?? 0), 0);
    out.push({
      id: 'spoken',
      label: 'Answered aloud',
      display: `${aloud.length} step${aloud.length === 1 ? '' : 's'}, ${formatDuration(ms)} recorded`,
      ratio: null,
      value: aloud.length,
      outOf: steps.length,
      selfReported: false,
      dimensions: [],
    });
  }

  let covered = 0;
  let total = 0;
  for (const s of questions) {
    total += s.covers?.length ?? 0;
    covered += new Set((scoring.covered[s.id] ?? []).filter((i) => i < (s.covers?.length ?? 0)))
      .size;
    if (s.followup && isAnswered(answer, s)) {
      const key = `${s.id}/followup`;
      total += s.followup.covers.length;
      covered += new Set((scoring.covered[key] ?? []).filter((i) => i < s.followup!.covers.length))
        .size;
    }
  }
  out.push(
    count(
      'points-covered',
      'Strong-answer points covered (self-reported)',
      covered,
      total,
      dims.points,
      {
        selfReported: true,
      },
    ),
  );
  return out;
}

export const SIGNAL_IDS = [
  'answered',
  'within-clock',
  'time-per-question',
  'followups',
  'outline',
  'themes',
  'quantities',
  'answers-with-numbers',
  'gave-numbers',
  'spoken',
  'points-covered',
];

function toMarkdown(input: { template: DeepDiveTemplate; answer: DeepDiveAnswer }): string {
  const { template: t, answer } = input;
  const parts: string[] = [];
  if (answer.project) {
    const p = answer.project;
    parts.push(
      `#### Project: ${p.title}`,
      '',
      p.summary,
      '',
      `Role: ${p.role}`,
      '',
      `Result: ${p.result}`,
      '',
    );
  }
  for (const s of stepsOf(t, answer)) {
    if (s.kind === 'reading') continue;
    parts.push(`#### ${s.title}${s.themeTitle ? ` (${s.themeTitle})` : ''}`, '');
    if (s.ask) parts.push(`> ${s.ask.replace(/\n/g, '\n> ')}`, '');
    if (s.kind === 'presentation' && isStory(t)) {
      for (const sec of t.presentation.outline) {
        const v = (answer.outline[sec.id] ?? '').trim();
        parts.push(`**${sec.title}.** ${v || '_(empty)_'}`, '');
      }
    } else {
      const r = answer.responses[s.id];
      parts.push((r?.text ?? '').trim() || '_(no typed answer)_', '');
      if (s.followup && r?.followup.trim())
        parts.push(`> ${s.followup.ask}`, '', r.followup.trim(), '');
    }
    const n = clipsOf(answer, s.id).length;
    if (n) parts.push(`_${n} recording${n === 1 ? '' : 's'} kept in the browser._`, '');
  }
  return parts.join('\n').trim();
}

export const deepDiveSpec: RoundKindSpec<DeepDiveTemplate, DeepDiveAnswer, DeepDiveScoring> = {
  kind: 'deep-dive',
  title: 'Deep dive',
  blurb:
    'Present and defend your own project, tell a production story in numbers, or critique a paper — typed or aloud.',
  rubricId: 'deep-dive',
  answerSchema: deepDiveAnswerSchema,
  scoringSchema: deepDiveScoringSchema,
  emptyAnswer(t, ctx) {
    const drawn = isStory(t)
      ? drawProbes(
          t.bank ?? [],
          t.probing.max,
          drawSeed(ctx?.seed ?? 0, ctx?.index ?? 0, t.id),
        ).map((p): AskedProbe => {
          const a: AskedProbe = {
            id: p.id,
            theme: p.theme,
            themeTitle: p.themeTitle,
            ask: p.ask,
            covers: p.covers,
          };
          if (p.followup) a.followup = p.followup;
          return a;
        })
      : [];
    return {
      v: 1,
      minutes: null,
      drawn,
      project: null,
      outline: {},
      step: 0,
      responses: {},
      clips: [],
    };
  },
  emptyScoring: () => ({ covered: {} }),
  isAnswerEmpty: (a) =>
    a.clips.length === 0 &&
    Object.values(a.outline).every((s) => s.trim() === '') &&
    Object.values(a.responses).every((r) => r.text.trim() === '' && r.followup.trim() === ''),
  signals: deepDiveSignals,
  signalIds: SIGNAL_IDS,
  toMarkdown,
};
