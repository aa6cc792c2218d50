import { describe, expect, it } from 'vitest';
import { evaluateFormula, formulaNames } from '../../../../src/kinds/system-design/formula';

const ok = (src: string, values: Record<string, number> = {}) => {
  const r = evaluateFormula(src, values);
  if (!r.ok) throw new Error(`${src}: ${r.error}`);
  return r.value;
};

describe('the estimate formula evaluator', () => {
  it('computes arithmetic over named facts with the usual precedence', () => {
    expect(ok('daily_users * sessions / 86400', { daily_users: 86_400_000, sessions: 2 })).toBe(
      2000,
    );
    expect(ok('1 + 2 * 3')).toBe(7);
    expect(ok('(1 + 2) * 3')).toBe(9);
    expect(ok('10 - 4 - 3')).toBe(3);
    expect(ok('64 / 4 / 2')).toBe(8);
    expect(ok('2 ^ 10 * 4')).toBe(4096);
    expect(ok('1.5e3 + .5')).toBe(1500.5);
  });

  it('reads ^ as right-associative and tighter than unary minus', () => {
    expect(ok('2 ^ 3 ^ 2')).toBe(512);
    expect(ok('-2 ^ 2')).toBe(-4);
    expect(ok('2 ^ -1')).toBe(0.5);
  });

  it('says what is wrong and where', () => {
    expect(evaluateFormula('a * b', { a: 1 })).toEqual({
      ok: false,
      error: '"b" is not one of its inputs',
      position: 4,
    });
    expect(evaluateFormula('(1 + 2', {})).toMatchObject({
      ok: false,
      error: 'a "(" is never closed',
    });
    expect(evaluateFormula('1 / (2 - 2)', {})).toMatchObject({
      ok: false,
      error: 'divides by zero',
    });
    expect(evaluateFormula('3 4', {})).toMatchObject({
      ok: false,
      error: 'unexpected "4"',
      position: 2,
    });
    expect(evaluateFormula('2 % 3', {})).toMatchObject({ ok: false, position: 2 });
    expect(evaluateFormula('', {})).toMatchObject({ ok: false, error: 'is empty' });
    expect(evaluateFormula('10 ^ 400', {})).toMatchObject({ ok: false });
  });

  it('never runs code: names are looked up among the inputs only, and nothing is called', () => {
    expect(evaluateFormula('constructor', {})).toMatchObject({
      ok: false,
      error: '"constructor" is not one of its inputs',
    });
    expect(evaluateFormula('alert(1)', { alert: 1 })).toMatchObject({
      ok: false,
      error: 'unexpected "("',
    });
  });

  it('lists the names a formula uses, once each', () => {
    expect(formulaNames('a * b + a / (c - 1)')).toEqual(['a', 'b', 'c']);
    expect(formulaNames('1 $ 2')).toEqual([]);
  });
});
