import { describe, expect, it } from 'vitest';
import { encodeValue, formatValue, PyFloat, pyFloatRepr } from '../../../src/domain/pyvalue';

describe('Python values as shown', () => {
  it('a whole float shows as Python writes it, an int without the point', () => {
    expect(formatValue(encodeValue([new PyFloat(1000), 1000]))).toBe('[1000.0, 1000]');
    expect(formatValue({ $float: '1000.0' })).toBe('1000.0');
    expect(formatValue({ $float: '-inf' })).toBe('-inf');
    expect(formatValue({ $float: 'nan' })).toBe('nan');
  });

  it('writes whole floats like repr() in Python', () => {
    expect([0, -0, 3, -12, 1e15, 1e16, 1.5e17].map(pyFloatRepr)).toEqual([
      '0.0',
      '-0.0',
      '3.0',
      '-12.0',
      '1000000000000000.0',
      '1e+16',
      '1.5e+17',
    ]);
  });

  it('encodes a whole float for the harness as a tagged value', () => {
    expect(encodeValue({ a: [new PyFloat(2)], b: Number.POSITIVE_INFINITY })).toEqual({
      a: [{ $float: '2.0' }],
      b: { $float: 'inf' },
    });
  });
});
