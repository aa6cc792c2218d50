// How a coding template and the person's code become harness requests, and how a Submit runs:
// the tests first, then the scale tests apart, each under the time limit, so a far too slow
// solution still shows which tests it passes and its scale tests fail as "stopped".
import type { RunOutcome } from '../../runner/client';
import { type HarnessRequest, OUTPUT_CAP, type TestResult } from '../../runner/suite';
import type { CodingTemplate } from './spec';

/** run: the visible examples; submit: every test. */
export type RunMode = 'run' | 'submit';
/** How a request is cut: scale tests run apart from the rest, so a slow one cannot hide the others. */
export type RequestPart = 'run' | 'tests' | 'scale' | 'all';

export function buildRequest(
  template: CodingTemplate,
  source: string,
  part: RequestPart,
): HarnessRequest {
  const tests =
    part === 'run'
      ? template.tests.filter((t) => t.visible)
      : part === 'scale'
        ? []
        : template.tests;
  const scale = part === 'scale' || part === 'all' ? template.scale : [];
  return {
    source,
    entry: template.entry,
    tests,
    scale,
    reference: scale.length ? template.solution : undefined,
    checker: template.checker,
    tolerance: template.tolerance,
    outputCap: OUTPUT_CAP,
  };
}

export async function runSubmission(
  run: (request: HarnessRequest, limitMs: number) => Promise<RunOutcome>,
  template: CodingTemplate,
  source: string,
  mode: RunMode,
  limitMs: number,
): Promise<RunOutcome> {
  if (mode === 'run') return run(buildRequest(template, source, 'run'), limitMs);
  const main = await run(buildRequest(template, source, 'tests'), limitMs);
  if (main.kind !== 'ok' || !main.report.compiled || template.scale.length === 0) return main;
  const scale = await run(buildRequest(template, source, 'scale'), limitMs);
  let results: TestResult[];
  if (scale.kind === 'ok') {
    results = scale.report.results;
  } else {
    const why =
      scale.kind === 'stopped'
        ? `Stopped after ${limitMs / 1000} s: far slower than the reference on this input.`
        : `Python failed: ${scale.message}`;
    // Scale tests that finished before the stop keep their own results.
    const finished = scale.kind === 'stopped' ? (scale.report?.results ?? []) : [];
    results = template.scale.map(
      (t) =>
        finished.find((r) => r.name === t.name && !r.stopped) ?? {
          name: t.name,
          visible: false,
          scale: true,
          passed: false,
          input: { $repr: t.describe },
          mismatches: [{ path: '', message: why }],
        },
    );
  }
  return {
    kind: 'ok',
    ms: main.ms + (scale.kind === 'ok' ? scale.ms : limitMs),
    report: {
      ...main.report,
      stdout: (main.report.stdout ?? '') + (scale.kind === 'ok' ? (scale.report.stdout ?? '') : ''),
      stdoutTruncated:
        main.report.stdoutTruncated || (scale.kind === 'ok' && scale.report.stdoutTruncated),
      results: [...main.report.results, ...results],
    },
  };
}
