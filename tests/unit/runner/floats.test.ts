// A test written `[1000.0, 1000.0]` must reach the person's function as floats: from the template
// file through the content loader and the catalog to the harness in real Pyodide.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentKinds } from '../../../src/content/kinds';
import { loadRounds } from '../../../src/content/loader';
import { buildRequest } from '../../../src/kinds/coding/requests';
import type { CodingTemplate } from '../../../src/kinds/coding/spec';
import { kindSpecs } from '../../../src/kinds/registry';
import { type NodePython, startNodePython } from '../../../src/runner/pyodide-node';

let py: NodePython;
let softmax: CodingTemplate;
beforeAll(async () => {
  py = await startNodePython();
  const { catalog } = loadRounds(
    resolve(import.meta.dirname, '../../../rounds'),
    await contentKinds(kindSpecs),
  );
  softmax = catalog!.templates.coding!.find((t) => t.id === 'stable-softmax') as CodingTemplate;
}, 60_000);

describe('floats stay floats', () => {
  it('huge-ties, written [1000.0, 1000.0], reaches softmax as two floats', () => {
    const probe = 'def softmax(x):\n    return [type(v) is float for v in x]\n';
    // Through the catalog as the app gets it: JSON, as the Vite plugin serves it.
    const template = JSON.parse(JSON.stringify(softmax)) as CodingTemplate;
    const request = buildRequest(template, probe, 'tests');
    const report = py.run({
      ...request,
      tests: request.tests.filter((t) => (t as { name: string }).name === 'huge-ties'),
    });
    expect(report.results[0]!.got).toEqual([true, true]);
  });

  it('other numbers in the template stay plain numbers', () => {
    expect(softmax.minutes).toBeTypeOf('number');
    expect(softmax.tolerance.rel).toBeTypeOf('number');
    expect(softmax.scale[0]!.factor).toBeTypeOf('number');
  });
});
