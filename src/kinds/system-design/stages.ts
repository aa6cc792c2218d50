// The seven lifecycle stages of an ML system design round and the stage clock: the template's
// suggested minutes scaled to the round's actual length, where the plan expects the person to be
// at a moment of the round clock, and how the time actually spent compares. Pure functions of
// the template and the round clock; nothing here ticks.

export const STAGE_IDS = [
  'framing',
  'data',
  'features',
  'modeling',
  'serving',
  'deployment',
  'monitoring',
] as const;
export type StageId = (typeof STAGE_IDS)[number];

export const STAGES: Record<StageId, { title: string; short: string; dimension: string }> = {
  framing: { title: 'Problem framing and metrics', short: 'Framing', dimension: 'framing' },
  data: { title: 'Data', short: 'Data', dimension: 'data' },
  features: { title: 'Features', short: 'Features', dimension: 'data' },
  modeling: { title: 'Model and offline evaluation', short: 'Model', dimension: 'modeling' },
  serving: { title: 'Serving', short: 'Serving', dimension: 'serving' },
  deployment: {
    title: 'Online testing and deployment',
    short: 'Online testing',
    dimension: 'monitoring',
  },
  monitoring: { title: 'Monitoring and iteration', short: 'Monitoring', dimension: 'monitoring' },
};

export interface PlannedStage {
  stage: StageId;
  /** Round-clock ms where the plan starts and ends this stage. */
  startMs: number;
  endMs: number;
}

/**
 * The template's stage minutes stretched (or shrunk) to the round's total budget, extensions
 * included; untimed (budget null), the template's own minutes. Boundaries fall on whole seconds.
 */
export function stagePlan(
  minutes: Record<StageId, number>,
  budgetMs: number | null,
): PlannedStage[] {
  const sum = STAGE_IDS.reduce((s, id) => s + minutes[id], 0);
  const total = budgetMs ?? sum * 60_000;
  let acc = 0;
  return STAGE_IDS.map((stage) => {
    const startMs = Math.round(((acc / sum) * total) / 1000) * 1000;
    acc += minutes[stage];
    const endMs = Math.round(((acc / sum) * total) / 1000) * 1000;
    return { stage, startMs, endMs };
  });
}

/** Where the plan expects the person to be at round-clock time t; past the end, the last stage. */
export function expectedStage(
  plan: PlannedStage[],
  t: number,
): PlannedStage & { index: number; past: boolean } {
  const i = plan.findIndex((p) => t < p.endMs);
  const index = i < 0 ? plan.length - 1 : i;
  return { ...plan[index]!, index, past: i < 0 };
}

export interface StageMark {
  stage: StageId;
  /** Round-clock ms the person moved to this stage. */
  at: number;
}

/** Ms spent in each stage from the "now on" log up to endMs; before the first mark, framing. */
export function timeInStages(log: StageMark[], endMs: number): Record<StageId, number> {
  const out = Object.fromEntries(STAGE_IDS.map((s) => [s, 0])) as Record<StageId, number>;
  const marks = [...log].filter((m) => m.at <= endMs).sort((a, b) => a.at - b.at);
  let stage: StageId = 'framing';
  let from = 0;
  for (const m of marks) {
    out[stage] += Math.max(0, m.at - from);
    stage = m.stage;
    from = Math.max(from, m.at);
  }
  out[stage] += Math.max(0, endMs - from);
  return out;
}

/**
 * How closely time was split as planned, 0..1: one minus the share of time that would have to
 * move between stages to match the plan's proportions (1 = exactly as planned).
 */
export function planAdherence(plan: PlannedStage[], spent: Record<StageId, number>): number {
  const planned = plan.reduce((s, p) => s + (p.endMs - p.startMs), 0);
  const actual = STAGE_IDS.reduce((s, id) => s + spent[id], 0);
  if (planned <= 0 || actual <= 0) return 0;
  const moved = plan.reduce(
    (s, p) => s + Math.abs(spent[p.stage] / actual - (p.endMs - p.startMs) / planned),
    0,
  );
  return Math.max(0, 1 - moved / 2);
}

/** The stage furthest over its planned share, in ms over (scaled to the time actually used). */
export function mostOverPlan(
  plan: PlannedStage[],
  spent: Record<StageId, number>,
): { stage: StageId; overMs: number } | null {
  const planned = plan.reduce((s, p) => s + (p.endMs - p.startMs), 0);
  const actual = STAGE_IDS.reduce((s, id) => s + spent[id], 0);
  if (planned <= 0 || actual <= 0) return null;
  let best: { stage: StageId; overMs: number } | null = null;
  for (const p of plan) {
    const over = spent[p.stage] - ((p.endMs - p.startMs) / planned) * actual;
    if (over > 0 && (!best || over > best.overMs)) best = { stage: p.stage, overMs: over };
  }
  return best;
}

/** Stages between where the person says they are and where the plan is: + ahead, − behind. */
export function stageDrift(plan: PlannedStage[], current: StageId, t: number): number {
  return STAGE_IDS.indexOf(current) - expectedStage(plan, t).index;
}
