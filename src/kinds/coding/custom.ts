// "Try your own input", as on practice sites: the person types arguments as Python literals and
// sees what their code returns and prints, beside the reference's answer where the reference may
// be seen. The literals are read in the Python worker (ast.literal_eval), never evaluated.
import { pyLiteral } from '../../domain/pyvalue';
import type { RunOutcome } from '../../runner/client';
import { type HarnessRequest, OUTPUT_CAP, type TestResult } from '../../runner/suite';
import type { CodingTemplate } from './spec';

/** A class problem (LRU cache…) takes steps, not arguments. */
export const takesSteps = (template: CodingTemplate) => template.tests.some((t) => t.calls);

/** What the box starts with: the first example, one argument (or step) per line. */
export function exampleInput(template: CodingTemplate): string {
  const first = template.tests.find((t) => t.visible) ?? template.tests[0];
  if (!first) return '';
  if (first.calls) return first.calls.map((step) => pyLiteral(step)).join('\n');
  return (first.args ?? []).map((a) => pyLiteral(a)).join('\n');
}

export function buildCustomRequest(
  template: CodingTemplate,
  source: string,
  text: string,
): HarnessRequest {
  return {
    source,
    entry: template.entry,
    tests: [{ name: 'your-input', custom: { text, calls: takesSteps(template) } }],
    scale: [],
    tolerance: template.tolerance,
    outputCap: OUTPUT_CAP,
  };
}

/** One side of a custom run: the person's code or the reference. */
export type CustomSide =
  | { kind: 'result'; result: TestResult; stdoutTruncated: boolean }
  | { kind: 'does-not-run'; type: string; traceback: string }
  | { kind: 'stopped'; afterMs: number; restarted: boolean; stdout: string }
  | { kind: 'crashed'; message: string };

export function toSide(outcome: RunOutcome): CustomSide {
  if (outcome.kind === 'stopped') {
    const partial = outcome.report;
    const stdout = (partial?.stdout ?? '') + (partial?.results[0]?.stdout ?? '');
    return {
      kind: 'stopped',
      afterMs: outcome.afterMs,
      restarted: outcome.how === 'restart',
      stdout,
    };
  }
  if (outcome.kind === 'crashed') return { kind: 'crashed', message: outcome.message };
  const report = outcome.report;
  if (!report.compiled)
    return {
      kind: 'does-not-run',
      type: report.error?.type ?? 'Error',
      traceback: report.error?.traceback ?? '',
    };
  const result = report.results[0]!;
  if (report.stdout) result.stdout = report.stdout + (result.stdout ?? '');
  return { kind: 'result', result, stdoutTruncated: report.stdoutTruncated };
}

export interface CustomRunOutcome {
  mine: CustomSide;
  /** Absent when the reference may not be seen (a timed loop round) or the input was bad. */
  reference?: CustomSide;
}

/**
 * Runs the input through the person's code, then (when allowed) through the reference, each
 * under the same limit as Run.
 */
export async function runCustom(
  run: (request: HarnessRequest, limitMs: number) => Promise<RunOutcome>,
  template: CodingTemplate,
  source: string,
  text: string,
  withReference: boolean,
  limitMs: number,
): Promise<CustomRunOutcome> {
  const mine = toSide(await run(buildCustomRequest(template, source, text), limitMs));
  if (!withReference || (mine.kind === 'result' && mine.result.badInput)) return { mine };
  const reference = toSide(
    await run(buildCustomRequest(template, template.solution, text), limitMs),
  );
  return { mine, reference };
}
