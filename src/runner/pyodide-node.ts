// Real Pyodide under Node, for check:rounds and the harness tests. Not bundled into the app.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadPyodide, type PyodideInterface } from 'pyodide';
import type { HarnessReport, HarnessRequest } from './suite';

export const HARNESS_SOURCE = readFileSync(
  fileURLToPath(new URL('./harness.py', import.meta.url)),
  'utf8',
);

export interface NodePython {
  pyodide: PyodideInterface;
  run(request: HarnessRequest): HarnessReport;
}

export async function startNodePython(): Promise<NodePython> {
  const pyodide = await loadPyodide({ stdout: () => {}, stderr: () => {} });
  pyodide.runPython(HARNESS_SOURCE.replace(/\nif __name__ == "__main__":[\s\S]*$/, '\n'), {
    globals: pyodide.globals,
  });
  const runSuite = pyodide.globals.get('run_suite') as (json: string) => string;
  return {
    pyodide,
    run: (request) => JSON.parse(runSuite(JSON.stringify(request))) as HarnessReport,
  };
}
