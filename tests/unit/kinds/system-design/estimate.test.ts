import { describe, expect, it } from 'vitest';
import {
  describeQuantity,
  formatQuantity,
  judgeEstimate,
  parseEstimate,
} from '../../../../src/kinds/system-design/estimate';

const reads = (s: string) => {
  const r = parseEstimate(s);
  if (!r.ok) throw new Error(`${s}: ${r.reason}`);
  return { value: r.value, kind: r.kind, per: r.per };
};
const why = (s: string) => {
  const r = parseEstimate(s);
  if (r.ok) throw new Error(`${s} should not read`);
  return r.reason;
};

describe('the estimate grammar', () => {
  it('reads counts with k, M, bn and their words', () => {
    expect(reads('35k')).toEqual({ value: 35_000, kind: 'count', per: null });
    expect(reads('2.5M')).toMatchObject({ value: 2_500_000 });
    expect(reads('3m users')).toMatchObject({ value: 3_000_000 });
    expect(reads('4 bn')).toMatchObject({ value: 4e9 });
    expect(reads('1.2 billion requests')).toMatchObject({ value: 1.2e9 });
    expect(reads('35 thousand')).toMatchObject({ value: 35_000 });
    expect(reads('17 million scorings')).toMatchObject({ value: 17e6 });
    expect(reads('35,000')).toMatchObject({ value: 35_000 });
    expect(reads('1_000_000')).toMatchObject({ value: 1e6 });
    expect(reads('1.2e9')).toMatchObject({ value: 1.2e9 });
    expect(reads('1.5 × 10^9')).toMatchObject({ value: 1.5e9 });
    expect(reads('~40k')).toMatchObject({ value: 40_000 });
    expect(reads('about 200')).toMatchObject({ value: 200 });
  });

  it('reads bytes: B, KB…TB as powers of 1000 and KiB…GiB as powers of 1024', () => {
    expect(reads('500 B')).toEqual({ value: 500, kind: 'bytes', per: null });
    expect(reads('500 bytes')).toMatchObject({ value: 500, kind: 'bytes' });
    expect(reads('20 KB')).toMatchObject({ value: 20_000, kind: 'bytes' });
    expect(reads('20kB')).toMatchObject({ value: 20_000 });
    expect(reads('3 MB')).toMatchObject({ value: 3e6 });
    expect(reads('100 GB')).toMatchObject({ value: 1e11 });
    expect(reads('100 gb')).toMatchObject({ value: 1e11 });
    expect(reads('1.5 TB')).toMatchObject({ value: 1.5e12 });
    expect(reads('4 KiB')).toMatchObject({ value: 4096 });
    expect(reads('2 MiB')).toMatchObject({ value: 2 * 2 ** 20 });
    expect(reads('3 GiB')).toMatchObject({ value: 3 * 2 ** 30 });
  });

  it('reads rates per second, minute, day and month in their usual spellings', () => {
    expect(reads('35k/s')).toEqual({ value: 35_000, kind: 'count', per: 's' });
    expect(reads('35,000 QPS')).toMatchObject({ per: 's' });
    expect(reads('35k requests per second')).toMatchObject({ per: 's' });
    expect(reads('200 requests a second')).toMatchObject({ per: 's' });
    expect(reads('600/min')).toMatchObject({ per: 'min' });
    expect(reads('1.2bn per day')).toMatchObject({ value: 1.2e9, per: 'day' });
    expect(reads('40 GB/day')).toMatchObject({ value: 4e10, kind: 'bytes', per: 'day' });
    expect(reads('40 GB daily')).toMatchObject({ per: 'day' });
    expect(reads('1 TB per month')).toMatchObject({ per: 'month' });
    expect(reads('5 MBps')).toMatchObject({ value: 5e6, kind: 'bytes', per: 's' });
    expect(reads('35k requests/s at peak')).toMatchObject({ value: 35_000, per: 's' });
  });

  it('keeps what it cannot read with the reason', () => {
    expect(why('')).toBe('nothing entered');
    expect(why('lots')).toMatch(/start with a number/);
    expect(why('seventeen million')).toMatch(/start with a number/);
    expect(why('1,5')).toMatch(/dot for decimals/);
    expect(why('35k-40k')).toBe('give one number, not a range');
    expect(why('35k to 40k')).toBe('give one number, not a range');
    expect(why('5 hours')).toMatch(/"hours" is a duration/);
    expect(why('5 Gb')).toMatch(/bits are not supported/);
    expect(why('100 Mbps')).toMatch(/bits are not supported/);
    expect(why('20 %')).toMatch(/percentage/);
    expect(why('-3 GB')).toMatch(/positive/);
    expect(why('0')).toMatch(/positive/);
    expect(why('2 per fortnight')).toMatch(/not a rate/);
  });

  it('describes what an entry reads as', () => {
    expect(describeQuantity(reads('35k/s'))).toBe('35k (35,000) per second');
    expect(describeQuantity(reads('100 GB'))).toBe('100 GB (100,000,000,000 bytes)');
    expect(describeQuantity(reads('200'))).toBe('200');
  });
});

describe('judging an estimate against the reference', () => {
  it('counts an answer within the factor either way as right, in the reference unit', () => {
    expect(judgeEstimate('35k/s', 34_722, 'count/s', 2)).toMatchObject({ verdict: 'within' });
    expect(judgeEstimate('3 billion per day', 34_722, 'count/s', 2)).toMatchObject({
      verdict: 'within',
      value: 3e9 / 86_400,
    });
    expect(judgeEstimate('2.1M/min', 34_722, 'count/s', 2)).toMatchObject({ verdict: 'within' });
    expect(judgeEstimate('18k/s', 34_722, 'count/s', 2)).toMatchObject({ verdict: 'within' });
    expect(judgeEstimate('17k/s', 34_722, 'count/s', 2)).toMatchObject({ verdict: 'off' });
    expect(judgeEstimate('69k/s', 34_722, 'count/s', 2)).toMatchObject({ verdict: 'within' });
    expect(judgeEstimate('70k/s', 34_722, 'count/s', 2)).toMatchObject({ verdict: 'off' });
    expect(judgeEstimate('50k/s', 34_722, 'count/s', 1.5)).toMatchObject({ verdict: 'within' });
    expect(judgeEstimate('55k/s', 34_722, 'count/s', 1.5)).toMatchObject({ verdict: 'off' });
    expect(judgeEstimate('100 GB', 102.4e9, 'bytes', 2)).toMatchObject({ verdict: 'within' });
    expect(judgeEstimate('95 GiB', 102.4e9, 'bytes', 2)).toMatchObject({ verdict: 'within' });
    expect(judgeEstimate('1.2 TB per month', 40e9, 'bytes/day', 2)).toMatchObject({
      verdict: 'within',
      value: 40e9,
    });
  });

  it('says when the kind of quantity is wrong rather than comparing numbers', () => {
    expect(judgeEstimate('100 GB', 34_722, 'count/s', 2)).toMatchObject({
      verdict: 'wrong-unit',
      reason: 'asked for a count, this reads as bytes',
    });
    expect(judgeEstimate('35k', 34_722, 'count/s', 2)).toMatchObject({
      verdict: 'wrong-unit',
      reason: 'asked for a rate (per second), this reads as a total',
    });
    expect(judgeEstimate('100 GB/day', 1e11, 'bytes', 2)).toMatchObject({
      verdict: 'wrong-unit',
      reason: 'asked for a total, this reads as a rate',
    });
  });

  it('keeps an unreadable or missing entry apart from a wrong one', () => {
    expect(judgeEstimate('lots', 1, 'count', 2)).toMatchObject({ verdict: 'unreadable' });
    expect(judgeEstimate(undefined, 1, 'count', 2)).toEqual({ verdict: 'missing' });
    expect(judgeEstimate('  ', 1, 'count', 2)).toEqual({ verdict: 'missing' });
  });

  it('writes references the way the grammar reads them back', () => {
    for (const [v, unit, noun, text] of [
      [34_722.2, 'count/s', 'requests', '34.7k requests/s'],
      [102_400_000_000, 'bytes', 'index', '102 GB'],
      [17_361_111, 'count/s', 'scorings', '17.4M scorings/s'],
      [1.2e9, 'count/day', 'events', '1.2bn events/day'],
      [40e9, 'bytes/day', 'logs', '40 GB/day'],
      [512, 'count', 'shards', '512 shards'],
    ] as const) {
      expect(formatQuantity(v, unit, noun)).toBe(text);
      expect(judgeEstimate(text, v, unit, 1.2).verdict).toBe('within');
    }
  });
});
