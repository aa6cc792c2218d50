// check:rounds for coding problems, under Node with real Pyodide: every reference must pass all
// of its tests (scale tests included) and every starter must fail at least one. Each test runs
// on its own under a time cap, in a worker the app's own runner can stop, so a slow or endless
// reference is named with its test and the check moves on (see CheckOptions).
import type { CheckOptions, KindCheck } from '../../domain/kind';
import type { RunOutcome } from '../../runner/client';
import { startNodeRunner } from '../../runner/pyodide-node';
import type { HarnessRequest } from '../../runner/suite';
import { buildRequest } from './requests';
import { RUN_LIMIT_MS } from './run-record';
import type { CodingTemplate } from './spec';

/** Used when check:rounds gives no caps. */
export const DEFAULT_CAPS: CheckOptions = {
  testCapS: 3,
  templateCapS: 20,
  deadline: Number.POSITIVE_INFINITY,
};
/**
 * A scale test's reference run has the app's own limit: a Submit runs the scale tests under it,
 * so a reference slower than that would be stopped for the person too.
 */
export const SCALE_CAP_S = RUN_LIMIT_MS / 1000;

type Failure = { file: string; message: string };

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

const check: KindCheck = async (templates: CodingTemplate[], options?: CheckOptions) => {
  const caps = { ...DEFAULT_CAPS, ...options };
  const failures: Failure[] = [];
  const runner = startNodeRunner();
  try {
    await runner.warm();
  } catch (e) {
    failures.push({ file: 'src/kinds/coding/check.ts', message: `Python did not start: ${e}` });
    return { failures, extra: {} as Record<string, number> };
  }
  let referencesPassed = 0;
  let startersFailing = 0;
  const unchecked: string[] = [];

  for (const p of templates) {
    if (Date.now() >= caps.deadline) {
      unchecked.push(p.id);
      continue;
    }
    const dir = `rounds/coding/${p.id}`;
    const end = Math.min(Date.now() + caps.templateCapS * 1000, caps.deadline);
    const outOfTime = () =>
      end === caps.deadline
        ? 'the whole check ran out of time'
        : `the template's ${caps.templateCapS} s in all ran out`;

    /** One run under its cap, or null when the template's (or the whole check's) time is up. */
    const run = async (request: HarnessRequest, capS: number) => {
      const left = end - Date.now();
      if (left <= 0) return null;
      const limitMs = Math.min(capS * 1000, left);
      const outcome: RunOutcome = await runner.run(request, limitMs);
      return { outcome, limitMs, cut: limitMs < capS * 1000 };
    };
    const tooLong = (limitMs: number, cut: boolean) =>
      `took longer than ${seconds(limitMs)}${cut ? ` (${outOfTime()})` : ''}`;

    // The reference: every test, then every scale test, each on its own.
    const file = `${dir}/solution.py`;
    const base = buildRequest(p, p.solution, 'tests');
    const scaleBase = buildRequest(p, p.solution, 'scale');
    const steps = [
      ...p.tests.map((t) => ({
        label: `test ${t.name}`,
        request: { ...base, tests: [t] },
        capS: caps.testCapS,
      })),
      ...p.scale.map((s) => ({
        label: `scale test ${s.name}`,
        request: { ...scaleBase, scale: [s] },
        capS: Math.min(SCALE_CAP_S, caps.templateCapS),
      })),
    ];
    let passedAll = true;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      const done = await run(step.request, step.capS);
      if (!done) {
        failures.push({
          file,
          message: `not run, ${outOfTime()}: ${steps
            .slice(i)
            .map((s) => s.label)
            .join(', ')}`,
        });
        passedAll = false;
        break;
      }
      const { outcome } = done;
      if (outcome.kind === 'stopped') {
        failures.push({ file, message: `${step.label}: ${tooLong(done.limitMs, done.cut)}` });
        passedAll = false;
        continue;
      }
      if (outcome.kind === 'crashed') {
        failures.push({ file, message: `${step.label}: Python failed: ${outcome.message}` });
        passedAll = false;
        continue;
      }
      const report = outcome.report;
      if (!report.compiled) {
        failures.push({
          file,
          message: `does not run: ${report.error?.type}: ${report.error?.message}`,
        });
        passedAll = false;
        break;
      }
      const r = report.results[0];
      if (r && !r.passed) {
        const why = r.error
          ? `${r.error.type}: ${r.error.message}`
          : (r.mismatches ?? []).map((m) => m.message).join('; ');
        failures.push({ file, message: `${step.label}: the reference fails it: ${why}` });
        passedAll = false;
      }
    }
    if (passedAll) referencesPassed++;

    // The starter, test by test until one fails. Scale tests compare against the reference
    // itself, so they say nothing about a starter.
    const starterFile = `${dir}/starter.py`;
    const starterBase = buildRequest(p, p.starter, 'tests');
    let failing = false;
    for (const t of p.tests) {
      const done = await run({ ...starterBase, tests: [t] }, caps.testCapS);
      if (!done) {
        failures.push({ file: starterFile, message: `not checked, ${outOfTime()}` });
        failing = true;
        break;
      }
      const { outcome } = done;
      if (outcome.kind === 'stopped') {
        // A starter that never returns stops the person's first Run: say so.
        failures.push({
          file: starterFile,
          message: `test ${t.name}: ${tooLong(done.limitMs, done.cut)}`,
        });
        failing = true;
        break;
      }
      if (outcome.kind !== 'ok' || !outcome.report.compiled || !outcome.report.results[0]?.passed) {
        failing = true;
        startersFailing++;
        break;
      }
    }
    if (!failing) {
      failures.push({
        file: starterFile,
        message: 'passes every test: a starter must fail at least one',
      });
    }
  }
  if (unchecked.length) {
    failures.push({
      file: 'rounds/coding',
      message: `not checked, the whole check ran out of time: ${unchecked.join(', ')}`,
    });
  }
  return {
    failures,
    extra: { references_passed: referencesPassed, starters_failing: startersFailing },
  };
};

export default check;
