// How one Run or Submit is remembered in the answer: counts only, stamped on the round clock.
import type { RunOutcome } from '../../runner/client';
import { tally } from '../../runner/suite';
import type { RunMode } from './requests';
import type { RunRecord } from './spec';

/** A Submit (or Run) longer than this is stopped. */
export const RUN_LIMIT_MS = 5000;

export function toRunRecord(at: number, mode: RunMode, outcome: RunOutcome): RunRecord {
  const record: RunRecord = { at, mode, passed: 0, total: 0, outcome: 'ok' };
  if (outcome.kind === 'ok' && outcome.report.compiled) {
    const t = tally(outcome.report);
    record.passed = t.passed;
    record.total = t.total;
    if (mode === 'submit') {
      record.hiddenPassed = t.hiddenPassed;
      record.hiddenTotal = t.hiddenTotal;
      record.scalePassed = t.scalePassed;
      record.scaleTotal = t.scaleTotal;
    }
  } else {
    record.outcome = outcome.kind === 'stopped' ? 'stopped' : 'error';
  }
  return record;
}
