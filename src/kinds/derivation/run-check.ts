// One check request, answered by the checker: used by the worker and by the in-page fallback.

import type { CheckRequest, CheckResult } from './check-protocol';
import { type Checker, checkFinal, checkSteps, prepare } from './checker';

const prepared = new Map<string, Checker>();

export function runCheck(request: CheckRequest): CheckResult {
  const started = performance.now();
  const { template } = request;
  const key = JSON.stringify([template.symbols, template.sizes]);
  let checker = prepared.get(key);
  if (!checker) {
    checker = prepare(template);
    prepared.set(key, checker);
  }
  const marks = checkSteps(checker, request.steps);
  let final = null;
  if (request.final !== null) {
    final =
      template.final.check === 'self'
        ? {
            status: 'self' as const,
            message: 'compared with the reference by you at scoring (the app does not check it)',
          }
        : checkFinal(checker, template.final.answer, request.final);
  }
  return { marks, final, ms: performance.now() - started };
}
