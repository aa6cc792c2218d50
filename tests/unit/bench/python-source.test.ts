// The bench's bare side (scripts/bench/python-source.ts) must make the same ten calls the app's
// Submit makes, with the same values: run in real Pyodide, each call returns its test's expected
// value. Before the calls decoded {"$float": …}, the reference got dicts and raised TypeError,
// so the bare worker never answered and submit_warm timed out.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { benchProblem } from '../../../scripts/bench/python-source';
import { type NodePython, startNodePython } from '../../../src/runner/pyodide-node';

const ROOT = resolve(import.meta.dirname, '../../..');
let py: NodePython;
beforeAll(async () => {
  py = await startNodePython();
}, 60_000);

describe('bench: the bare side of submit_warm', () => {
  it('runs the reference on every test and gets each expected value', async () => {
    const { problem, directSource, calls } = await benchProblem(ROOT);
    const globals = py.pyodide.toPy({});
    py.pyodide.runPython(directSource, { globals });
    const got = JSON.parse(
      py.pyodide.runPython(`json.dumps([${calls.join(', ')}])`, { globals }) as string,
    ) as number[][][];
    expect(got).toHaveLength(10);
    got.forEach((rows, i) => {
      const { name, expected } = problem.tests[i]!;
      const want = (expected as unknown[][]).map((row) =>
        row.map((x) => Number((x as { $float?: string }).$float ?? x)),
      );
      expect(rows, name).toHaveLength(want.length);
      for (const [r, row] of rows.entries())
        for (const [c, x] of row.entries())
          expect(Math.abs(x - want[r]![c]!), `${name}[${r}][${c}]`).toBeLessThan(1e-9);
    });
  });
});
