// The benchmark problem's reference and its ten tests as plain calls, read from rounds/ the way
// the app's catalog reads them: what the bare Pyodide page and the Node rows run directly.
//
// The tests' values are in the catalog's wire format: whole floats and inf/NaN travel as
// {"$float": "1.0"} and tuples as {"$tuple": [...]} (src/runner/harness.py's decode). The calls
// decode them the same way, or the reference would be handed dicts instead of numbers (which is
// what made the bare worker throw, and the bench wait for ever, once 1.0 stayed a float).
import { join } from 'node:path';
import { contentKinds } from '../../src/content/kinds';
import { loadRounds } from '../../src/content/loader';
import type { CodingTemplate } from '../../src/kinds/coding/spec';
import { kindSpecs } from '../../src/kinds/registry';
import { PROBLEM } from './editor';

const DECODE = `def _decode(d):
    if len(d) == 1 and "$float" in d:
        return float(d["$float"])
    if len(d) == 1 and "$tuple" in d:
        return tuple(d["$tuple"])
    return d
`;

export async function benchProblem(root: string): Promise<{
  problem: CodingTemplate;
  /** The reference, then the ten calls one after another (their results dropped). */
  directSource: string;
  /** Each test's call as a Python expression, valid after directSource has run. */
  calls: string[];
}> {
  const { catalog } = loadRounds(join(root, 'rounds'), await contentKinds(kindSpecs));
  const problem = (catalog!.templates.coding as CodingTemplate[]).find((t) => t.id === PROBLEM)!;
  if (problem.tests.length !== 10 || problem.scale.length !== 0)
    throw new Error(`${PROBLEM} should have exactly 10 tests and no scale test`);
  const calls = problem.tests.map(
    (t) => `f(*json.loads(${JSON.stringify(JSON.stringify(t.args))}, object_hook=_decode))`,
  );
  return {
    problem,
    calls,
    directSource: `import json\n${DECODE}${problem.solution}\nf = ${problem.entry}\n${calls.join('\n')}\n`,
  };
}
