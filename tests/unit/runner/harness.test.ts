// The harness in real Pyodide under Node: comparison, checkers, errors, output, limits.
import { beforeAll, describe, expect, it } from 'vitest';
import { type NodePython, startNodePython } from '../../../src/runner/pyodide-node';
import type { HarnessRequest } from '../../../src/runner/suite';

let py: NodePython;
beforeAll(async () => {
  py = await startNodePython();
}, 60_000);

const req = (
  source: string,
  tests: unknown[],
  extra: Partial<HarnessRequest> = {},
): HarnessRequest => ({
  source,
  entry: 'f',
  tests,
  scale: [],
  tolerance: { rel: 1e-6, abs: 1e-9 },
  outputCap: 100_000,
  ...extra,
});
const inf = { $float: 'inf' };
const nan = { $float: 'nan' };

describe('comparing results', () => {
  const echo = 'def f(x):\n    return x\n';
  const cases: [string, unknown, unknown, boolean][] = [
    ['floats within tolerance', 1.0000001, 1, true],
    ['floats outside tolerance', 1.001, 1, false],
    [
      'nested lists element-wise',
      [
        [1, 2.0000000001],
        [3, 4],
      ],
      [
        [1, 2],
        [3, 4],
      ],
      true,
    ],
    [
      'a wrong inner value',
      [
        [1, 2],
        [3, 5],
      ],
      [
        [1, 2],
        [3, 4],
      ],
      false,
    ],
    ['different lengths', [1, 2, 3], [1, 2], false],
    ['NaN equals NaN', nan, nan, true],
    ['NaN is not a number', nan, 1, false],
    ['inf equals inf', inf, inf, true],
    ['inf is not -inf', inf, { $float: '-inf' }, false],
    ['dicts by key', { a: 1, b: [1, 2] }, { b: [1, 2], a: 1.0000000001 }, true],
    ['a missing key', { a: 1 }, { a: 1, b: 2 }, false],
    ['strings exactly', 'abc', 'abc', true],
    ['a bool is not a number', true, 1, false],
    ['None', null, null, true],
  ];
  for (const [name, got, expected, pass] of cases) {
    it(`${name} → ${pass ? 'passes' : 'fails'}`, () => {
      const r = py.run(req(echo, [{ name: 't', args: [got], expected }]));
      expect(r.results[0]!.passed).toBe(pass);
    });
  }

  it('a tuple equals a list with the same items', () => {
    const r = py.run(
      req('def f():\n    return (1, (2, 3))\n', [{ name: 't', args: [], expected: [1, [2, 3]] }]),
    );
    expect(r.results[0]!.passed).toBe(true);
    expect(r.results[0]!.got).toEqual({ $tuple: [1, { $tuple: [2, 3] }] });
  });

  it('says where a matrix differs and by how much', () => {
    const r = py.run(
      req(echo, [
        {
          name: 't',
          args: [
            [
              [1, 2],
              [3, 4.5],
            ],
          ],
          expected: [
            [1, 2],
            [3, 4],
          ],
        },
      ]),
    );
    expect(r.results[0]!.mismatches).toEqual([
      { path: '[1][1]', message: '[1][1]: expected 4, got 4.5 (off by 0.5)' },
    ]);
  });

  it('honours a per-test tolerance', () => {
    const r = py.run(
      req(echo, [{ name: 't', args: [1.01], expected: 1, tolerance: { rel: 0.05, abs: 0 } }]),
    );
    expect(r.results[0]!.passed).toBe(true);
  });
});

describe('calls, properties and expected errors', () => {
  it('runs a sequence of calls on a class', () => {
    const source =
      'class Counter:\n    def __init__(self, start):\n        self.n = start\n    def add(self, k):\n        self.n += k\n        return self.n\n';
    const r = py.run(
      req(
        source,
        [
          {
            name: 't',
            calls: [
              ['Counter', [10]],
              ['add', [1]],
              ['add', [5]],
            ],
            expected: [null, 11, 16],
          },
        ],
        { entry: 'Counter' },
      ),
    );
    expect(r.results[0]!.passed).toBe(true);
  });

  it('checks random output with a checker function and a fixed seed', () => {
    const checker =
      'def check_mean(fn, n):\n    xs = [fn() for _ in range(n)]\n    m = sum(xs) / n\n    return None if abs(m - 0.5) < 0.05 else f"mean {m:.3f} is far from 0.5"\n';
    const good = py.run(
      req(
        'import random\ndef f():\n    return random.random()\n',
        [{ name: 't', property: 'check_mean', args: [2000] }],
        { checker },
      ),
    );
    expect(good.results[0]!.passed).toBe(true);
    const bad = py.run(
      req('def f():\n    return 0.9\n', [{ name: 't', property: 'check_mean', args: [2000] }], {
        checker,
      }),
    );
    expect(bad.results[0]!.passed).toBe(false);
    expect(bad.results[0]!.mismatches![0]!.message).toBe('mean 0.900 is far from 0.5');
    const a = py.run(
      req('import random\ndef f():\n    return random.random()\n', [
        { name: 't', args: [], expected: 0 },
      ]),
    );
    const b = py.run(
      req('import random\ndef f():\n    return random.random()\n', [
        { name: 't', args: [], expected: 0 },
      ]),
    );
    expect(a.results[0]!.got).toEqual(b.results[0]!.got);
  });

  it('passes a test that expects an exception (or a subclass of it)', () => {
    const r = py.run(
      req('def f(x):\n    raise KeyError(x)\n', [{ name: 't', args: [1], raises: 'LookupError' }]),
    );
    expect(r.results[0]!.passed).toBe(true);
    const r2 = py.run(
      req('def f(x):\n    return x\n', [{ name: 't', args: [1], raises: 'ValueError' }]),
    );
    expect(r2.results[0]!.passed).toBe(false);
  });
});

describe('errors in the person’s code', () => {
  it('shows a traceback with the person’s own line numbers, harness frames removed', () => {
    const source = 'def helper(x):\n    return 1 / x\n\ndef f(x):\n    return helper(x)\n';
    const r = py.run(req(source, [{ name: 't', args: [0], expected: 1 }]));
    const e = r.results[0]!.error!;
    expect(e.type).toBe('ZeroDivisionError');
    expect(e.line).toBe(2);
    expect(e.traceback).toBe(
      '  line 5, in f\n    return helper(x)\n  line 2, in helper\n    return 1 / x\nZeroDivisionError: division by zero',
    );
    expect(e.traceback).not.toMatch(/harness|run_one|<exec>/);
  });

  it('a syntax error is reported with its line, and no test runs', () => {
    const r = py.run(req('def f(x):\n    return x +\n', [{ name: 't', args: [1], expected: 1 }]));
    expect(r.compiled).toBe(false);
    expect(r.error).toMatchObject({ type: 'SyntaxError', line: 2 });
    expect(r.results).toEqual([]);
  });

  it('a missing entry function says to keep the name', () => {
    const r = py.run(req('def g(x):\n    return x\n', [{ name: 't', args: [1], expected: 1 }]));
    expect(r.results[0]!.error!.message).toMatch(/keep the function name/);
  });

  it('caps printed output and says so', () => {
    const r = py.run(
      req(
        'def f():\n    for i in range(100000):\n        print("x" * 50)\n    return 1\n',
        [{ name: 't', args: [], expected: 1 }],
        { outputCap: 1000 },
      ),
    );
    expect(r.stdoutTruncated).toBe(true);
    expect(r.results[0]!.stdout!.length).toBe(1000);
    expect(r.results[0]!.passed).toBe(true);
  });

  it('answers `import numpy` at once with a clear message', async () => {
    const { PYTHON_GUARD } = await import('../../../src/runner/sandbox');
    py.pyodide.runPython(PYTHON_GUARD);
    const started = performance.now();
    const r = py.run(req('import numpy as np\ndef f():\n    return 1\n', []));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.error).toMatchObject({ type: 'ModuleNotFoundError' });
    expect(r.error!.message).toMatch(/plain Python .* solvable with lists/);
  });
});

describe('scale tests', () => {
  it('pass when as fast as the reference allows, fail when far slower', () => {
    const reference = 'def f(xs):\n    return sorted(xs)\n';
    const scale = [
      {
        name: 'big',
        setup: '[[random.random() for _ in range(3000)]]',
        describe: '3,000 floats',
        factor: 5,
        floorMs: 5,
      },
    ];
    const fast = py.run(req(reference, [], { scale, reference }));
    expect(fast.results[0]).toMatchObject({ name: 'big', scale: true, passed: true });
    const slowSource =
      'def f(xs):\n    xs = list(xs)\n    for i in range(len(xs)):\n        for j in range(len(xs) - 1 - i):\n            if xs[j] > xs[j + 1]:\n                xs[j], xs[j + 1] = xs[j + 1], xs[j]\n    return xs\n';
    const slow = py.run(req(slowSource, [], { scale, reference }));
    expect(slow.results[0]!.passed).toBe(false);
    expect(slow.results[0]!.mismatches![0]!.message).toMatch(
      /correct, but took \d+ ms; the budget is/,
    );
  });
});

describe('runaway recursion', () => {
  it('shows a repeated frame 3 times and counts the rest, as CPython does', () => {
    const tests = Array.from({ length: 10 }, (_, i) => ({ name: `t${i}`, args: [1], expected: 1 }));
    const r = py.run(req('def f(n):\n    return f(n + 1)\n', tests));
    const tb = r.results[0]!.error!.traceback;
    expect(tb.match(/ {2}line 2, in f\n {4}return f\(n \+ 1\)/g)).toHaveLength(3);
    expect(tb).toMatch(/\n {2}\[Previous line repeated \d{3} more times\]\nRecursionError: /);
    // Ten such tests used to make a 370 kB report.
    expect(JSON.stringify(r).length).toBeLessThan(10_000);
  });

  it('keeps frames that differ, and collapses only runs longer than 3', () => {
    const source =
      'def g(n):\n    if n == 0:\n        raise ValueError("bottom")\n    return g(n - 1)\n\ndef f(n):\n    return g(n)\n';
    const tb = py.run(req(source, [{ name: 't', args: [3], expected: 1 }])).results[0]!.error!
      .traceback;
    expect(tb).not.toMatch(/Previous line/);
    const deeper = py.run(req(source, [{ name: 't', args: [5], expected: 1 }])).results[0]!.error!
      .traceback;
    expect(deeper).toMatch(/\[Previous line repeated 2 more times\]\n {2}line 3, in g/);
  });
});

describe('whole floats', () => {
  it('a float that is a whole number comes back marked as a float, an int as an int', () => {
    const r = py.run(
      req('def f():\n    return [1000.0, 1000, -0.0, 2.5]\n', [
        { name: 't', args: [], expected: [] },
      ]),
    );
    expect(r.results[0]!.got).toEqual([{ $float: '1000.0' }, 1000, { $float: '-0.0' }, 2.5]);
  });

  it('a tagged whole float reaches the function as a float', () => {
    const r = py.run(
      req('def f(x):\n    return [type(v).__name__ for v in x]\n', [
        { name: 't', args: [[{ $float: '1000.0' }, 1000]], expected: ['float', 'int'] },
      ]),
    );
    expect(r.results[0]!.passed).toBe(true);
    expect(r.results[0]!.input).toEqual([[{ $float: '1000.0' }, 1000]]);
  });
});
