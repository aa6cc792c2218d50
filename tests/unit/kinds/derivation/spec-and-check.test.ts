// The derivation spec (schemas, lint, signals) and its check:rounds step, which must reject a
// template whose own reference fails, naming the file, the step and the point.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentKinds } from '../../../../src/content/kinds';
import { loadRounds } from '../../../../src/content/loader';
import check from '../../../../src/kinds/derivation/check';
import derivationContent from '../../../../src/kinds/derivation/content';
import {
  type DerivationAnswer,
  type DerivationTemplate,
  derivationSpec,
} from '../../../../src/kinds/derivation/spec';
import { kindSpecs } from '../../../../src/kinds/registry';

function template(overrides: Record<string, unknown> = {}): DerivationTemplate {
  return derivationContent.templateSchema.parse({
    id: 'sigmoid-derivative',
    title: 'Derivative of the sigmoid',
    summary: 'Differentiate the logistic function.',
    tags: ['calculus'],
    tracks: ['rs'],
    minutes: 15,
    statement: "Show that $\\sigma'(x) = \\sigma(x)(1-\\sigma(x))$.",
    symbols: [
      { name: 'x', range: [-3, 3] },
      { name: '\\sigma', function: ['t'], definition: '\\frac{1}{1+e^{-t}}' },
    ],
    hints: ['Write σ as a power of 1 + e^{-x}.', 'Use the chain rule.'],
    reference: [
      { step: "\\sigma'(x) = \\frac{d}{dx}\\left(1+e^{-x}\\right)^{-1}" },
      { step: '= \\frac{e^{-x}}{\\left(1+e^{-x}\\right)^{2}}', why: 'chain rule' },
      { step: '= \\sigma(x)\\left(1-\\sigma(x)\\right)' },
      { step: '\\text{largest at } x = 0', check: false },
    ],
    final: {
      lhs: "\\sigma'(x)",
      answer: '\\sigma(x)\\left(1-\\sigma(x)\\right)',
      check: 'numeric',
      equivalent: '\\frac{e^{-x}}{\\left(1+e^{-x}\\right)^{2}}',
      wrong: '\\sigma(x)\\left(1+\\sigma(x)\\right)',
    },
    ...overrides,
  });
}

const good = template();
const FILE = 'rounds/derivation/sigmoid-derivative.yaml';

describe('check:rounds for derivations', () => {
  it('passes a sound template and counts its checked steps', async () => {
    expect(await check([good])).toEqual({ failures: [], extra: { reference_steps_checked: 3 } });
  });

  it('rejects a broken middle step with the file, the step and the failing point', async () => {
    const reference = good.reference.map((s, i) =>
      i === 1 ? { ...s, step: '= \\frac{e^{-x}}{1+e^{-x}}' } : s,
    );
    const { failures } = await check([template({ reference })]);
    expect(failures[0]!.file).toBe(FILE);
    expect(failures[0]!.message).toMatch(
      /^reference\[1\] \(step 2: = \\frac\{e\^\{-x\}\}\{1\+e\^\{-x\}\}\): does not follow from step 1 \(at x = −?[\d.]+: −?[\d.]+ vs −?[\d.]+\)$/,
    );
  });

  it('rejects a wrong variant that is not wrong, and a rewrite that is not equal', async () => {
    const final = { ...good.final, wrong: '\\sigma(x) - \\sigma(x)^2', equivalent: '\\sigma(x)' };
    const messages = (await check([template({ final })])).failures.map((f) => f.message);
    expect(messages).toContain(
      'final.wrong: equals final.answer at every sampled point; a wrong variant must differ',
    );
    expect(
      messages.some((m) => /^final\.equivalent: is not equal to final\.answer \(at x = /.test(m)),
    ).toBe(true);
  });

  it('rejects a step KaTeX cannot render, with its message and position', async () => {
    const reference = [...good.reference, { step: '= \\sigmaa(x)', check: false as const }];
    const { failures } = await check([template({ reference })]);
    expect(failures.map((f) => f.message)).toContain(
      'reference[4] (step 5): does not render in KaTeX: Undefined control sequence: \\sigmaa (at position 2)',
    );
  });

  it('asks for check: false on a step it cannot check', async () => {
    const reference = [...good.reference, { step: '= \\mathbb{E}[\\sigma(x)]' }];
    const { failures } = await check([template({ reference })]);
    expect(failures.map((f) => f.message)).toContain(
      'reference[4] (step 5: = \\mathbb{E}[\\sigma(x)]): not checked: an expectation (𝔼) is not evaluated numerically (mark it check: false if that is intended)',
    );
  });

  it('names a symbol whose definition cannot be evaluated', async () => {
    const symbols = [
      { name: 'x', domain: 'real' },
      { name: '\\sigma', domain: 'real', function: ['t'], definition: 't + q' },
    ];
    const { failures } = await check([template({ symbols })]);
    expect(failures[0]!.message).toMatch(
      /^symbols: \\sigma: its definition cannot be evaluated: q is not declared/,
    );
  });
});

describe('the derivation spec', () => {
  it('a numeric final answer needs its rewrite and its wrong variant', () => {
    const r = derivationContent.templateSchema.safeParse({
      ...good,
      final: { lhs: 'x', answer: 'x', check: 'numeric' },
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual([
      'final.equivalent',
      'final.wrong',
    ]);
  });

  it('lint: a first step cannot continue a chain; sizes must exist', () => {
    const t = template({
      reference: [{ step: '= x' }, { step: '= x' }],
      symbols: [{ name: 'z_i', size: 'm' }],
    });
    expect(derivationContent.lint!(t)).toEqual([
      'reference[0].step: the first step starts a chain, so it cannot begin with =',
      'symbols[0].size: "m" is not one of sizes ()',
    ]);
  });

  it('an answer is empty until a step or the final answer has text', () => {
    const a = derivationSpec.emptyAnswer(good);
    expect(derivationSpec.isAnswerEmpty(a)).toBe(true);
    expect(derivationSpec.isAnswerEmpty({ ...a, final: 'x' })).toBe(false);
    expect(a.steps).toHaveLength(1);
  });

  it('signals carry their numbers once the round is graded', () => {
    const answer: DerivationAnswer = {
      steps: [
        { id: 'a', tex: 'x = x', why: '' },
        { id: 'b', tex: '= y', why: '' },
        { id: 'c', tex: '= 2x', why: '' },
        { id: 'd', tex: '', why: '' },
      ],
      final: '\\sigma(x)',
      hintsShown: 1,
      hintTimes: [1000],
      checks: [],
      graded: {
        marks: [
          {
            id: 'a',
            tex: 'x = x',
            mark: { status: 'follows', message: 'follows: both sides agree' },
          },
          { id: 'b', tex: '= y', mark: { status: 'unchecked', message: 'not checked: y' } },
          { id: 'c', tex: '= 2x', mark: { status: 'broken', message: 'does not follow' } },
          { id: 'd', tex: '', mark: { status: 'empty', message: 'empty' } },
        ],
        final: { status: 'different', message: 'not equivalent (differs at x = 1: 0.73 vs 0.2)' },
      },
    };
    const s = derivationSpec.signals({ template: good, answer, scoring: {} });
    const by = Object.fromEntries(s.map((x) => [x.id, x]));
    expect(by['final-answer']).toMatchObject({
      ratio: 0,
      value: 0,
      outOf: 1,
      dimensions: ['result'],
    });
    expect(by['steps-follow']).toMatchObject({
      display: '1 of 2 checked steps',
      value: 1,
      outOf: 2,
      ratio: 0.5,
    });
    expect(by['steps-broken']).toMatchObject({ value: 1, outOf: 2 });
    expect(by['steps-unchecked']).toMatchObject({ value: 1, outOf: 3 });
    expect(by['steps-written']).toMatchObject({ value: 3 });
    expect(by.hints).toMatchObject({ value: 1, outOf: 2, display: '1 of 2' });
  });

  it('before grading, the signals say so instead of guessing', () => {
    const s = derivationSpec.signals({
      template: good,
      answer: derivationSpec.emptyAnswer(good),
      scoring: {},
    });
    expect(s.find((x) => x.id === 'final-answer')).toMatchObject({
      display: 'not checked yet',
      ratio: null,
    });
  });
});

describe('the built-in derivations', () => {
  it('are at least 30, 20 of them checked by the app, with at least 60 reference steps proved', async () => {
    const { catalog, failures } = loadRounds(
      resolve(import.meta.dirname, '../../../../rounds'),
      await contentKinds(kindSpecs),
    );
    expect(failures.filter((f) => f.file.startsWith('rounds/derivation/'))).toEqual([]);
    const templates = catalog!.templates.derivation as DerivationTemplate[];
    const figures = derivationContent.extra!(templates);
    expect(figures.problems).toBeGreaterThanOrEqual(30);
    expect(figures.checkable).toBeGreaterThanOrEqual(20);
    const r = await check(templates);
    expect(r.failures).toEqual([]);
    expect(r.extra.reference_steps_checked).toBeGreaterThanOrEqual(60);
    expect(templates.every((t) => t.tracks.includes('rs'))).toBe(true);
  });
});
