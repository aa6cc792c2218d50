// Facts about a played round that the scoring and review screens share.

import { type CalibrationFlag, calibrate } from '../domain/calibration';
import {
  type Catalog,
  findTemplate,
  type Rubric,
  rubricFor,
  type TemplateBase,
} from '../domain/content';
import type { AnyKindSpec, Signal } from '../domain/kind';
import type { RoundRecord, Session } from '../domain/session';
import { elapsedMs, formatClock, pausedMs, totalBudgetMs } from '../domain/timer';
import { kindEntry } from '../kinds/registry';

export interface RoundFacts {
  spec: AnyKindSpec;
  template: TemplateBase;
  rubric: Rubric;
  record: RoundRecord;
  answer: unknown;
  signals: Signal[];
  /** Where the self-scores and the signals disagree, by the rubric's calibration rules. */
  flags: CalibrationFlag[];
  usedMs: number;
  budgetMs: number | null;
  pauses: number;
  pausedMs: number;
}

export function roundFacts(
  catalog: Catalog,
  session: Session,
  answers: Record<number, { value: unknown }>,
  index: number,
): RoundFacts | null {
  const planned = session.plan.rounds[index];
  const record = session.rounds[index];
  if (!planned || !record) return null;
  const spec = kindEntry(planned.kind)?.spec;
  const template = findTemplate(catalog, planned.kind, planned.templateId);
  const rubric = spec ? rubricFor(catalog, spec.rubricId, template) : undefined;
  if (!spec || !template || !rubric) return null;
  const answer = answers[index]?.value ?? spec.emptyAnswer(template, { seed: session.seed, index });
  const timer = record.timer;
  const end = timer?.endedAt ?? Date.now();
  const usedMs = timer ? elapsedMs(timer, end) : 0;
  const budgetMs = timer ? totalBudgetMs(timer) : planned.minutes * 60_000;
  const signals: Signal[] = [
    ...spec.signals({
      template,
      answer,
      scoring: record.scoring ?? spec.emptyScoring(template),
      usedMs,
      budgetMs,
    }),
    {
      id: 'time-used',
      label: 'Time used',
      display: `${formatClock(usedMs)} of ${budgetMs === null ? 'untimed' : formatClock(budgetMs)}${record.endReason === 'timeout' ? ' (time ran out)' : ''}`,
      ratio: null,
      selfReported: false,
      dimensions: [],
      value: usedMs / 60_000,
      ...(budgetMs === null ? {} : { outOf: budgetMs / 60_000 }),
    },
  ];
  const flags = calibrate(
    rubric.calibration,
    record.scores,
    signals,
    (id) => rubric.dimensions.find((d) => d.id === id)?.name ?? id,
  );
  return {
    spec,
    template,
    rubric,
    record,
    answer,
    signals,
    flags,
    usedMs,
    budgetMs,
    pauses: timer?.pauses.length ?? 0,
    pausedMs: timer ? pausedMs(timer, end) : 0,
  };
}
