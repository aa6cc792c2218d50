// The derivation checker under Node, with the real LaTeX parser: equivalence at random points,
// step-to-step marks, what it cannot read, and the points it must never count.
import { describe, expect, it } from 'vitest';
import {
  type Checker,
  checkFinal,
  checkSteps,
  prepare,
  sameValue,
} from '../../../../src/kinds/derivation/checker';
import type { SymbolDecl } from '../../../../src/kinds/derivation/spec';

const sym = (s: Partial<SymbolDecl> & { name: string }): SymbolDecl =>
  ({ domain: 'real', ...s }) as SymbolDecl;

const sigma = sym({ name: '\\sigma', function: ['t'], definition: '\\frac{1}{1+e^{-t}}' });

const scalar: Checker = prepare({
  symbols: [
    sym({ name: 'x', range: [-3, 3] }),
    sym({ name: 'a', domain: 'positive' }),
    sym({ name: 'b', domain: 'positive' }),
    sigma,
  ],
  sizes: {},
});

const vectors: Checker = prepare({
  symbols: [
    sym({ name: 'x_i', size: 'n' }),
    sym({ name: 'z_i', size: 'n' }),
    sym({ name: 'y_i', size: 'n', domain: 'simplex' }),
    sym({ name: 'p_i', size: 'n', definition: '\\frac{e^{z_i}}{\\sum_{j=1}^{n} e^{z_j}}' }),
    sym({ name: 'L', definition: '-\\sum_{k=1}^{n} y_k \\log p_k' }),
  ],
  sizes: { n: 3 },
});

const integers: Checker = prepare({
  symbols: [
    sym({ name: 'k', domain: 'integer', range: [0, 3] }),
    sym({ name: 'm', domain: 'integer', range: [1, 6] }),
  ],
  sizes: {},
});

describe('equivalence at random points', () => {
  it.each([
    ['(x+1)^2', 'x^2 + 2x + 1'],
    ['\\sigma(x)\\left(1-\\sigma(x)\\right)', '\\frac{e^{-x}}{\\left(1+e^{-x}\\right)^{2}}'],
    ['\\log(ab)', '\\log a + \\log b'],
    ['\\log(e^{x})', 'x'],
    ["\\sigma'(x)", '\\sigma(x) - \\sigma(x)^2'],
    ['\\frac{d}{dx}\\sigma(x)', '\\sigma(x)(1-\\sigma(x))'],
    ['\\frac{d^2}{dx^2}\\sigma(x)', '\\sigma(x)(1-\\sigma(x))(1-2\\sigma(x))'],
    ["\\tanh'(x)", '1 - \\tanh^2 x'],
    ['\\frac{d}{dx}\\max(x, 0)', '\\mathbb{1}[x > 0]'],
    ['\\sqrt[3]{x}^{3}', 'x'],
  ])('%s ≡ %s', (a, b) => {
    expect(sameValue(scalar, a, b)).toMatchObject({ kind: 'same' });
  });

  it('expands sums over declared sizes and indexed symbols', () => {
    expect(sameValue(vectors, '\\sum_{i=1}^{n} x_i^2', 'x_1^2 + x_2^2 + x_3^2').kind).toBe('same');
    expect(sameValue(vectors, '\\sum_{i} x_i', 'x_1 + x_2 + x_3').kind).toBe('same');
    expect(sameValue(vectors, '\\sum_{i=1}^{n} p_i', '1').kind).toBe('same');
  });

  it('reads scalars declared one by one (y_1, y_2, y_3 = 1 − y_1 − y_2) as y_j in a sum', () => {
    const family = prepare({
      symbols: [
        sym({ name: 'y_1', domain: 'unit', range: [0.05, 0.45] }),
        sym({ name: 'y_2', domain: 'unit', range: [0.05, 0.45] }),
        sym({ name: 'y_3', definition: '1 - y_1 - y_2' }),
      ],
      sizes: { n: 3 },
    });
    expect(sameValue(family, '\\sum_{j=1}^{n} y_j', '1').kind).toBe('same');
    expect(sameValue(family, '\\sum_{j=1}^{n} y_j^2', 'y_1^2 + y_2^2 + y_3^2').kind).toBe('same');
  });

  it('reads ∂x̂/∂x written with the operand on top, and Γ as the gamma function', () => {
    const hats = prepare({
      symbols: [
        sym({ name: 'x_i', size: 'n' }),
        sym({ name: '\\hat{x}_i', size: 'n', definition: 'x_i - \\frac{1}{n}\\sum_{k=1}^{n} x_k' }),
        sym({ name: 'a', domain: 'positive' }),
      ],
      sizes: { n: 3 },
    });
    expect(
      sameValue(hats, '\\frac{\\partial \\hat{x}_2}{\\partial x_1}', '-\\frac{1}{3}').kind,
    ).toBe('same');
    expect(sameValue(hats, '\\Gamma(a+1)', 'a\\Gamma(a)').kind).toBe('same');
  });

  it('sums an infinite series until it settles, and refuses one that never does', () => {
    const geo = prepare({
      symbols: [sym({ name: 'p', domain: 'unit', range: [0.1, 0.9] })],
      sizes: {},
    });
    expect(sameValue(geo, '\\sum_{k=1}^{\\infty} k p(1-p)^{k-1}', '\\frac{1}{p}').kind).toBe(
      'same',
    );
    expect(sameValue(geo, '\\sum_{k=1}^{\\infty} \\frac{1}{k}', '1').kind).toBe('undefined');
  });

  it('samples free indices: the softmax Jacobian for every i, j', () => {
    expect(
      sameValue(
        vectors,
        '\\frac{\\partial p_i}{\\partial z_j}',
        'p_i\\left(\\delta_{ij} - p_j\\right)',
      ).kind,
    ).toBe('same');
    expect(
      sameValue(vectors, '\\frac{\\partial p_i}{\\partial z_j}', 'p_i\\left(1 - p_j\\right)').kind,
    ).toBe('differs');
  });

  it('differentiates defined quantities: softmax with cross-entropy gives p − y on a simplex', () => {
    expect(sameValue(vectors, '\\frac{\\partial L}{\\partial z_1}', 'p_1 - y_1').kind).toBe('same');
    expect(sameValue(vectors, '\\frac{\\partial L}{\\partial z_1}', 'y_1 - p_1').kind).toBe(
      'differs',
    );
  });

  it.each([
    ['a sign flip', '\\sigma(x)(1-\\sigma(x))', '\\sigma(x)(1+\\sigma(x))'],
    ['a missing factor', '2x(x+1)', 'x(x+1)'],
    ['x³ and x agree only at −1, 0 and 1', 'x^3', 'x'],
    ['|x| and x agree on half the line', '|x|', 'x'],
    ['max(x, 0) and x agree for x > 0', '\\max(x, 0)', 'x'],
    ['⌊x⌋ and x agree at the integers', '\\lfloor x \\rfloor', 'x'],
  ])('%s is not equivalent', (_, a, b) => {
    const r = sameValue(scalar, a, b);
    expect(r.kind).toBe('differs');
    expect(r.message).toMatch(/^at x = −?[\d.]+: −?[\d.e+-]+ vs −?[\d.e+-]+$/);
  });

  it('finds the few integer points where a pair disagrees', () => {
    // m(m−1)(m−2) + m equals m at m = 1 and 2 only, of the six integers drawn.
    expect(sameValue(integers, 'm(m-1)(m-2) + m', 'm').kind).toBe('differs');
  });

  it('draws again where a side divides by zero, and never reports that point', () => {
    // k ranges over 0..3: (k² − k)/k is 0/0 at k = 0, equal to k − 1 everywhere else.
    expect(sameValue(integers, '\\frac{k^2 - k}{k}', 'k - 1').kind).toBe('same');
    const r = sameValue(integers, '\\frac{k^2 - k}{k}', 'k + 1');
    expect(r.kind).toBe('differs');
    expect(r.message).not.toMatch(/k = 0\b/);
  });

  it('compares only where both sides are defined (outside a domain is drawn again)', () => {
    // 2 ln x is undefined for x < 0; where both are defined they agree.
    expect(sameValue(scalar, '\\ln(x^2)', '2\\ln x').kind).toBe('same');
    expect(sameValue(scalar, '\\ln(-x^2 - 1)', '0').kind).toBe('undefined');
  });
});

describe('reading', () => {
  it('says why it cannot read an expression, with the position in the line', () => {
    const [m] = checkSteps(scalar, ['x = \\frac{1}{']);
    expect(m).toMatchObject({ status: 'unchecked', code: 'unreadable' });
    expect(m!.message).toMatch(/closing brace/);
    // The unclosed brace is the second one, at 12.
    expect(m!.position).toBe('x = \\frac{1}{'.lastIndexOf('{'));
  });

  it('maps a position past a leading "= " and spaces to the step as typed', () => {
    const marks = checkSteps(scalar, ['x = x', '   = \\frac{x}{']);
    expect(marks[1]!.position).toBe(13);
  });

  it.each([
    ['x + y', /y is not declared/],
    ['\\mathbb{E}[x]', /expectation/],
    ['\\int_0^1 x\\,dx', /integral/],
    ['\\sigma', /function: give it its argument/],
    ['x_1 + \\ldots', /ellipsis|not declared/],
  ])('%s is not checked, and says why', (rhs, why) => {
    const [m] = checkSteps(scalar, [`x = ${rhs}`]);
    expect(m!.status).toBe('unchecked');
    expect(m!.message).toMatch(why);
  });

  it('reads \\log as the natural logarithm and shows what it read', () => {
    const [m] = checkSteps(scalar, ['\\log(e^{x}) = x']);
    expect(m).toMatchObject({ status: 'follows' });
    expect(m!.readAs).toContain('\\ln');
  });

  it('shows a misreading: σ x without declaring σ is a product', () => {
    const undeclared = prepare({ symbols: [sym({ name: 'x' }), sym({ name: 's' })], sizes: {} });
    const [m] = checkSteps(undeclared, ['s(x+1) = sx + s']);
    expect(m!.status).toBe('follows');
    expect(m!.readAs).toBe('s \\cdot \\left(x + 1\\right) = s \\cdot x + s');
  });
});

describe('step to step', () => {
  const derivation = [
    "\\sigma'(x) = \\frac{d}{dx}\\left(1+e^{-x}\\right)^{-1}",
    '= \\frac{e^{-x}}{\\left(1+e^{-x}\\right)^{2}}',
    '= \\frac{1}{1+e^{-x}} \\cdot \\frac{1}{1+e^{-x}}',
    '= \\sigma(x)^2',
    '\\text{so the slope is largest at } x = 0',
    '\\sigma(x) \\le 1',
  ];

  it('marks one broken line in the middle, and checks the rest against what was written', () => {
    const marks = checkSteps(scalar, derivation);
    expect(marks.map((m) => m.status)).toEqual([
      'follows',
      'follows',
      'broken',
      'follows',
      'unchecked',
      'unchecked',
    ]);
    expect(marks[1]!.message).toBe('follows from step 1');
    expect(marks[2]!.message).toMatch(
      /^does not follow from step 2 \(at x = −?[\d.]+: −?[\d.]+ vs −?[\d.]+\)$/,
    );
    expect(marks[4]).toMatchObject({ code: 'prose', message: 'not checked: prose' });
    expect(marks[5]).toMatchObject({ code: 'relation', message: 'not checked: an inequality' });
  });

  it('reports the values at the point it names', () => {
    const [, m] = checkSteps(scalar, ['x = x', '= x + 1']);
    const found = /at x = (−?[\d.]+): (−?[\d.]+) vs (−?[\d.]+)/.exec(m!.message)!;
    const [x, mine, before] = found.slice(1).map((s) => Number(s.replace('−', '-')));
    expect(mine).toBeCloseTo(x! + 1, 2);
    expect(before).toBeCloseTo(x!, 2);
  });

  it('skips empty steps: the next step continues the last written one', () => {
    const marks = checkSteps(scalar, ['x^2 - 1 = (x-1)(x+1)', '', '= x^2 - 1']);
    expect(marks.map((m) => m.status)).toEqual(['follows', 'empty', 'follows']);
    expect(marks[2]!.message).toBe('follows from step 1');
  });

  it('a new chain whose left side is notation starts a chain; what follows is checked', () => {
    const stats = prepare({ symbols: [sym({ name: 'x_i', size: 'n' })], sizes: { n: 3 } });
    const marks = checkSteps(stats, [
      '\\hat{\\mu} = \\frac{1}{n}\\sum_{i=1}^{n} x_i',
      '= \\frac{x_1 + x_2 + x_3}{3}',
    ]);
    expect(marks[0]).toMatchObject({ status: 'unchecked', code: 'lhs' });
    expect(marks[1]).toMatchObject({ status: 'follows', message: 'follows from step 1' });
  });

  it('an identity on one line is checked on its own; a = b = c checks both links', () => {
    const marks = checkSteps(scalar, ['(x+1)^2 = x^2 + 2x + 1 = x^2 + 1']);
    expect(marks[0]).toMatchObject({ status: 'broken' });
    expect(marks[0]!.message).toMatch(/^does not follow: the two sides differ/);
  });

  it('a first line that starts with = continues nothing', () => {
    expect(checkSteps(scalar, ['= x'])[0]).toMatchObject({
      status: 'unchecked',
      code: 'continues',
    });
  });

  it('a step over 10 kB is not checked, and says why', () => {
    const [m] = checkSteps(scalar, [`x = ${'x+'.repeat(6000)}x`]);
    expect(m).toMatchObject({ status: 'unchecked', code: 'long' });
  });

  it('checks 200 steps without failing', () => {
    const steps = [
      'x^2 = x \\cdot x',
      ...Array.from({ length: 199 }, (_, i) => `= x^2 + ${i % 2 ? 0 : 'x - x'}`),
    ];
    const marks = checkSteps(scalar, steps);
    expect(marks.filter((m) => m.status === 'follows')).toHaveLength(200);
  });
});

describe('the final answer', () => {
  const ref = '\\sigma(x)\\left(1-\\sigma(x)\\right)';

  it('equivalent, with what it was read as', () => {
    const v = checkFinal(scalar, ref, '\\frac{e^{-x}}{(1+e^{-x})^2}');
    expect(v.status).toBe('equivalent');
    expect(v.message).toBe('equivalent (agrees with the reference at 30 random points)');
  });

  it('takes the right side when the answer repeats its left side', () => {
    expect(checkFinal(scalar, ref, "\\sigma'(x) = \\sigma(x) - \\sigma(x)^2").status).toBe(
      'equivalent',
    );
  });

  it('not equivalent, with a point and both values', () => {
    const v = checkFinal(scalar, ref, '\\sigma(x)(1+\\sigma(x))');
    expect(v.status).toBe('different');
    expect(v.message).toMatch(/^not equivalent \(differs at x = .+: yours .+, the reference .+\)$/);
  });

  it("can't read, with the reason and where", () => {
    const v = checkFinal(scalar, ref, '\\sigma(x) - ');
    expect(v.status).toBe('unreadable');
    expect(v.message).toMatch(/^can't read this expression: /);
    expect(v.position).toBe(10);
    expect(checkFinal(scalar, ref, 'q(x)').message).toMatch(/q is not declared/);
  });

  it('empty is its own verdict', () => {
    expect(checkFinal(scalar, ref, '  ').status).toBe('empty');
  });
});

describe('declarations', () => {
  it('names the symbol whose definition cannot be read', () => {
    expect(() =>
      prepare({ symbols: [sym({ name: 'f', function: ['t'], definition: 't + q' })], sizes: {} }),
    ).toThrow(/f: its definition cannot be evaluated: q is not declared/);
  });

  it('refuses a definition that refers to itself', () => {
    expect(() =>
      prepare({ symbols: [sym({ name: 'L', definition: 'L + 1' })], sizes: {} }),
    ).toThrow(/refers to itself/);
  });
});
