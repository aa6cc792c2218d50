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
    expect(out.report.results[2]!.mismatches![0]!.message).toMatch(/stopped after 5 s/);
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
