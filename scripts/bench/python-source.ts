// The benchmark problem's reference and its ten tests as plain calls, read from rounds/ the way
// the app's catalog reads them: what the bare Pyodide page and the Node rows run directly.
import { join } from 'node:path';
import { loadRounds } from '../../src/content/loader';
import type { CodingTemplate } from '../../src/kinds/coding/spec';
import { kindSpecs } from '../../src/kinds/registry';
import { PROBLEM } from './editor';

export function benchProblem(root: string): { problem: CodingTemplate; directSource: string } {
  const { catalog } = loadRounds(join(root, 'rounds'), kindSpecs);
  const problem = (catalog!.templates.coding as CodingTemplate[]).find((t) => t.id === PROBLEM)!;
  if (problem.tests.length !== 10 || problem.scale.length !== 0)
    throw new Error(`${PROBLEM} should have exactly 10 tests and no scale test`);
  const calls = problem.tests
    .map((t) => `f(*json.loads(${JSON.stringify(JSON.stringify(t.args))}))`)
    .join('\n');
  return {
    problem,
    directSource: `import json\n${problem.solution}\nf = ${problem.entry}\n${calls}\n`,
  };
}
