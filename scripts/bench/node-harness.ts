// The harness's own cost under Node: ten tests through run_suite vs the same ten calls with
// runPython. No browser.
import { buildRequest } from '../../src/kinds/coding/requests';
import { startNodePython } from '../../src/runner/pyodide-node';
import { type BenchEnv, median } from './env';
import { benchProblem } from './python-source';

export async function nodeHarness(env: Pick<BenchEnv, 'root' | 'add'>): Promise<void> {
  const { problem, directSource } = await benchProblem(env.root);
  const py = await startNodePython();
  const viaHarness: number[] = [];
  const direct: number[] = [];
  for (let i = 0; i < 20; i++) {
    let t0 = performance.now();
    py.run(buildRequest(problem, problem.solution, 'tests'));
    viaHarness.push(performance.now() - t0);
    t0 = performance.now();
    py.pyodide.runPython(directSource, { globals: py.pyodide.toPy({}) });
    direct.push(performance.now() - t0);
  }
  env.add('10 tests through the harness (Pyodide, Node)', median(viaHarness), 'ms', 'median of 20');
  env.add('same 10 calls with runPython directly', median(direct), 'ms', 'median of 20');
}
