// Messages between the page and the checker worker.
import type { DerivationTemplate, FinalVerdict, StepMark } from './spec';

export interface CheckRequest {
  template: Pick<DerivationTemplate, 'symbols' | 'sizes' | 'final'>;
  steps: string[];
  /** The person's final answer, or null to skip judging it. */
  final: string | null;
}

export interface CheckResult {
  marks: StepMark[];
  final: FinalVerdict | null;
  /** Milliseconds the check took inside the worker. */
  ms: number;
}

export type CheckerBody = { type: 'ping' } | { type: 'check'; request: CheckRequest };
export type ToChecker = CheckerBody & { id: number };

export type FromChecker =
  | { id: number; type: 'pong' }
  | { id: number; type: 'result'; result: CheckResult }
  | { id: number; type: 'error'; message: string };
