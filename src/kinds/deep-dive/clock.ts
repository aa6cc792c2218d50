// The round's phases on its one clock: a presentation (or reading the paper card), then the
// questions one by one, each with a soft answer clock (running over is recorded, never
// blocked), then a wrap-up question. Every length scales with the round's actual minutes.
// Pure: times are round-clock milliseconds handed in, nothing reads a clock here.
import type {
  AskedProbe,
  CritiqueTemplate,
  DeepDiveAnswer,
  DeepDiveTemplate,
  StoryTemplate,
} from './spec';

const MIN = 60_000;

/** To the nearest half minute, at least `floor` minutes, in ms. */
const halfMinutes = (minutes: number, floor = 1) =>
  Math.max(floor, Math.round(minutes * 2) / 2) * MIN;

export interface StoryPlan {
  type: 'story';
  minutes: number;
  presentMs: number;
  probeCount: number;
  probeMs: number;
  wrapUpMs: number;
}

export interface CritiquePlan {
  type: 'critique';
  minutes: number;
  /** Reading the card: the time the prompts leave free, or null when they leave none. */
  readingMs: number | null;
  promptMs: number[];
}

export type RoundPlan = StoryPlan | CritiquePlan;

/**
 * The template's own lengths are for its own minutes; a round of other minutes scales each of
 * them, asks proportionally more or fewer questions (at least one, at most `probing.max`), and
 * keeps the template's share of slack for follow-ups.
 */
export function roundPlan(t: DeepDiveTemplate, minutes: number): RoundPlan {
  const f = minutes / t.minutes;
  if (t.type === 'critique') {
    const used = t.prompts.reduce((s, p) => s + p.minutes, 0);
    const promptMs = t.prompts.map((p) => halfMinutes(p.minutes * f, 0.5));
    const free = minutes * MIN - promptMs.reduce((s, ms) => s + ms, 0);
    const reading = (t.minutes - used) * f;
    return {
      type: 'critique',
      minutes,
      readingMs: reading >= 1 && free >= MIN ? Math.min(free, halfMinutes(reading)) : null,
      promptMs,
    };
  }
  const s = t as StoryTemplate;
  const presentMs = halfMinutes(s.presentation.minutes * f);
  const wrapUpMs = halfMinutes(s.wrapUp.minutes * f);
  const probeCount = Math.min(s.probing.max, Math.max(1, Math.round(s.probing.count * f)));
  const nominal = s.presentation.minutes + s.probing.count * s.probing.minutes + s.wrapUp.minutes;
  const slackMs = Math.max(0, s.minutes - nominal) * f * MIN;
  const left = minutes * MIN - presentMs - wrapUpMs - slackMs;
  const probeMs = Math.max(MIN, Math.floor(left / probeCount / (MIN / 2)) * (MIN / 2));
  return { type: 'story', minutes, presentMs, probeCount, probeMs, wrapUpMs };
}

export type StepKind = 'presentation' | 'probe' | 'wrap-up' | 'reading' | 'prompt';

export interface Step {
  /** Key of the step's response: "presentation", "wrap-up", "reading", a probe or prompt id. */
  id: string;
  kind: StepKind;
  /** "Question 3", "Presentation"… */
  title: string;
  /** The soft clock of the step; null when it has none. */
  budgetMs: number | null;
  ask?: string;
  covers?: string[];
  followup?: { ask: string; covers: string[] };
  theme?: string;
  themeTitle?: string;
}

export function roundSteps(t: DeepDiveTemplate, answer: DeepDiveAnswer, plan: RoundPlan): Step[] {
  if (t.type === 'critique' || plan.type === 'critique') {
    const c = t as CritiqueTemplate;
    const p = plan as CritiquePlan;
    return [
      { id: 'reading', kind: 'reading', title: 'Read the card', budgetMs: p.readingMs },
      ...c.prompts.map(
        (q, i): Step => ({
          id: q.id,
          kind: 'prompt',
          title: `Prompt ${i + 1}`,
          budgetMs: p.promptMs[i] ?? null,
          ask: q.ask,
          covers: q.covers,
        }),
      ),
    ];
  }
  const s = t as StoryTemplate;
  const asked = answer.drawn.slice(0, plan.probeCount);
  return [
    {
      id: 'presentation',
      kind: 'presentation',
      title: 'Presentation',
      budgetMs: plan.presentMs,
    },
    ...asked.map((p: AskedProbe, i): Step => {
      const step: Step = {
        id: p.id,
        kind: 'probe',
        title: `Question ${i + 1}`,
        budgetMs: plan.probeMs,
        ask: p.ask,
        covers: p.covers,
        theme: p.theme,
        themeTitle: p.themeTitle,
      };
      if (p.followup) step.followup = p.followup;
      return step;
    }),
    {
      id: 'wrap-up',
      kind: 'wrap-up',
      title: 'Wrap-up',
      budgetMs: plan.wrapUpMs,
      ask: s.wrapUp.ask,
      covers: s.wrapUp.covers,
    },
  ];
}

export interface StepTime {
  /** Round-clock ms spent on the step (so far, for the current one). */
  spentMs: number;
  /** How far past its soft clock, 0 when within it or it has none. */
  overMs: number;
  state: 'done' | 'current' | 'ahead';
}

/** When a step began on the round clock; the first step of a paper critique begins at 0. */
export function stepStart(answer: DeepDiveAnswer, steps: Step[], i: number): number | null {
  const r = answer.responses[steps[i]?.id ?? ''];
  if (r?.startedAt !== null && r?.startedAt !== undefined) return r.startedAt;
  return i === 0 && steps[0]?.kind === 'reading' ? 0 : null;
}

export function stepTimes(answer: DeepDiveAnswer, steps: Step[], nowMs: number): StepTime[] {
  return steps.map((step, i) => {
    const start = stepStart(answer, steps, i);
    const end = answer.responses[step.id]?.endedAt ?? null;
    const state = i < answer.step ? 'done' : i === answer.step ? 'current' : 'ahead';
    const spentMs =
      start === null ? 0 : Math.max(0, (end ?? (state === 'current' ? nowMs : start)) - start);
    const overMs = step.budgetMs === null ? 0 : Math.max(0, spentMs - step.budgetMs);
    return { spentMs, overMs, state };
  });
}

/** Where the plan puts each step on the round clock (presentation first, from 0). */
export function schedule(steps: Step[]): { fromMs: number; toMs: number }[] {
  let t = 0;
  return steps.map((s) => {
    const from = t;
    t += s.budgetMs ?? 0;
    return { fromMs: from, toMs: t };
  });
}

/** The step the plan says the round should be on at nowMs (the last once the plan is over). */
export function plannedStepAt(steps: Step[], nowMs: number): number {
  const plan = schedule(steps);
  const i = plan.findIndex((p) => nowMs < p.toMs);
  return i < 0 ? steps.length - 1 : i;
}

/** "3:05" for a duration in ms (whole seconds, rounded down). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
