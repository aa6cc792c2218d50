// check:rounds for coding problems, under Node with real Pyodide: every reference must pass all
// of its tests (scale tests included) and every starter must fail at least one.
import type { KindCheck } from '../../domain/kind';
import { startNodePython } from '../../runner/pyodide-node';
import { tally } from '../../runner/suite';
import { buildRequest } from './requests';
import type { CodingTemplate } from './spec';

const check: KindCheck = async (templates: CodingTemplate[]) => {
  const failures: { file: string; message: string }[] = [];
  const python = await startNodePython();
  let referencesPassed = 0;
  let startersFailing = 0;
  for (const p of templates) {
    const file = `rounds/coding/${p.id}/solution.py`;
    const ref = python.run(buildRequest(p, p.solution, 'all'));
    const t = tally(ref);
    if (!ref.compiled) {
      failures.push({ file, message: `does not run: ${ref.error?.type}: ${ref.error?.message}` });
    } else if (t.passed !== t.total) {
      for (const r of ref.results.filter((x) => !x.passed)) {
        const why = r.error
          ? `${r.error.type}: ${r.error.message}`
          : (r.mismatches ?? []).map((m) => m.message).join('; ');
        failures.push({ file, message: `test ${r.name}: the reference fails it: ${why}` });
      }
    } else {
      referencesPassed++;
    }
    // Scale tests compare against the reference itself, so they say nothing about a starter.
    const starter = python.run(buildRequest(p, p.starter, 'tests'));
    const s = tally(starter);
    if (starter.compiled && s.passed === s.total) {
      failures.push({
        file: `rounds/coding/${p.id}/starter.py`,
        message: 'passes every test: a starter must fail at least one',
      });
    } else {
      startersFailing++;
    }
  }
  return {
    failures,
    extra: { references_passed: referencesPassed, starters_failing: startersFailing },
  };
};

export default check;
