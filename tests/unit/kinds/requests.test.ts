import { describe, expect, it } from 'vitest';
import { runSubmission } from '../../../src/kinds/coding/requests';
import type { CodingTemplate } from '../../../src/kinds/coding/spec';
import type { RunOutcome } from '../../../src/runner/client';
import type { HarnessRequest } from '../../../src/runner/suite';

const template = {
  entry: 'f',
  solution: 'def f(x):\n    return x\n',
  tolerance: { rel: 1e-6, abs: 1e-9 },
  tests: [
    { name: 'a', visible: true, args: [1], expected: 1 },
    { name: 'b', visible: false, args: [2], expected: 2 },
  ],
  scale: [{ name: 'big', setup: '[1]', describe: 'a big input', factor: 10, floorMs: 100 }],
} as unknown as CodingTemplate;

const ok = (names: string[]): RunOutcome => ({
  kind: 'ok',
  ms: 5,
  report: {
    compiled: true,
    stdoutTruncated: false,
    results: names.map((name) => ({ name, visible: false, passed: true })),
  },
});

describe('a Submit', () => {
  it('runs the tests, then the scale tests apart, and reports them together', async () => {
    const seen: HarnessRequest[] = [];
    const out = await runSubmission(
      async (r) => {
        seen.push(r);
        return ok(r.scale.length ? ['big'] : r.tests.map((t) => (t as { name: string }).name));
      },
      template,
      'src',
      'submit',
      5000,
    );
    expect(seen.map((r) => [r.tests.length, r.scale.length])).toEqual([
      [2, 0],
      [0, 1],
    ]);
    expect(seen[1]!.reference).toBe(template.solution);
    expect(out.kind === 'ok' && out.report.results.map((r) => r.name)).toEqual(['a', 'b', 'big']);
  });

  it('a scale run stopped at the limit fails its scale tests but keeps the other results', async () => {
    const out = await runSubmission(
      async (r) =>
        r.scale.length ? { kind: 'stopped', afterMs: 5000, how: 'interrupt' } : ok(['a', 'b']),
      template,
      'src',
      'submit',
      5000,
    );
    expect(out.kind).toBe('ok');
    if (out.kind !== 'ok') return;
    expect(out.report.results.filter((r) => r.passed).map((r) => r.name)).toEqual(['a', 'b']);
    expect(out.report.results[2]).toMatchObject({ name: 'big', scale: true, passed: false });
    expect(out.report.results[2]!.mismatches![0]!.message).toBe(
      'Stopped after 5 s: far slower than the reference on this input.',
    );
  });

  it('a scale run stopped in its second test keeps the first one’s result', async () => {
    const two = {
      ...template,
      scale: [...template.scale, { ...template.scale[0]!, name: 'bigger' }],
    } as CodingTemplate;
    const out = await runSubmission(
      async (r) =>
        r.scale.length
          ? {
              kind: 'stopped',
              afterMs: 5000,
              how: 'interrupt',
              report: {
                compiled: true,
                stdoutTruncated: false,
                stopped: true,
                results: [
                  { name: 'big', visible: false, scale: true, passed: true },
                  { name: 'bigger', visible: false, scale: true, passed: false, stopped: true },
                ],
              },
            }
          : ok(['a', 'b']),
      two,
      'src',
      'submit',
      5000,
    );
    if (out.kind !== 'ok') throw new Error(out.kind);
    expect(out.report.results.map((r) => [r.name, r.passed])).toEqual([
      ['a', true],
      ['b', true],
      ['big', true],
      ['bigger', false],
    ]);
    expect(out.report.results[3]!.mismatches![0]!.message).toMatch(/^Stopped after 5 s/);
  });

  it('a Run sends only the visible examples', async () => {
    const seen: HarnessRequest[] = [];
    await runSubmission(
      async (r) => {
        seen.push(r);
        return ok(['a']);
      },
      template,
      'src',
      'run',
      5000,
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]!.tests).toHaveLength(1);
    expect(seen[0]!.scale).toEqual([]);
  });
});
