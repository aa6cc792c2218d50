// When a coding round ends — "I'm done", time up, or time found up on reopening a closed page —
// the locked code gets one more Submit, run in the background, so a round that ran out of time
// is graded on what was written rather than scored "never submitted".
import type { KindFinish } from '../../domain/kind';
import { python } from '../../runner/client';
import { runSubmission } from './requests';
import { RUN_LIMIT_MS, toRunRecord } from './run-record';
import type { CodingAnswer, CodingTemplate } from './spec';

const finish: KindFinish = async ({ template, answer, usedMs }) => {
  const t = template as CodingTemplate;
  const a = answer as CodingAnswer;
  if (a.code.trim() === '' || a.runs.some((r) => r.final)) return null;
  const runner = python();
  const outcome = await runSubmission(
    (request, ms) => runner.run(request, ms),
    t,
    a.code,
    'submit',
    RUN_LIMIT_MS,
  );
  const record = { ...toRunRecord(usedMs, 'submit', outcome), final: true };
  const summary =
    record.outcome === 'stopped'
      ? `Final Submit of your locked code was stopped at the ${RUN_LIMIT_MS / 1000} s limit.`
      : record.outcome === 'error'
        ? outcome.kind === 'crashed'
          ? `Final Submit of your locked code could not run: ${outcome.message}`
          : 'Final Submit of your locked code: it does not compile.'
        : `Final Submit of your locked code: ${record.passed} of ${record.total} tests passed.`;
  return { answer: { ...a, runs: [...a.runs, record] }, summary };
};

export default finish;
