import { describe, expect, it } from 'vitest';
import { countQuantities, findQuantities } from '../../../../src/kinds/deep-dive/quantities';

const texts = (s: string) => findQuantities(s).map((q) => q.text);

describe('the quantity counter', () => {
  it('finds numbers with units, percentages, money and magnitudes', () => {
    expect(texts('p99 fell to 45 ms at 12k QPS, a 3% lift in CTR, for $40k a month')).toEqual([
      '45 ms',
      '12k QPS',
      '3%',
      '$40k',
    ]);
    expect(texts('2.5M users on 8 GPUs, +2.1 BLEU over 3 seeds, 1,200 examples, 0.5 pp')).toEqual([
      '2.5M users',
      '8 GPUs',
      '+2.1 BLEU',
      '3 seeds',
      '1,200 examples',
      '0.5 pp',
    ]);
    expect(texts('took 3 weeks and 2 million rows; 2x faster; 120ms')).toEqual([
      '3 weeks',
      '2 million rows',
      '2x',
      '120ms',
    ]);
  });

  it('counts both ends of a range that shares a unit', () => {
    expect(texts('p99 went from 120 to 45 ms')).toEqual(['120', '45 ms']);
    expect(texts('latency 120 → 45 ms on 3-5 GPUs')).toEqual(['120', '45 ms', '3', '5 GPUs']);
  });

  it('ignores plain numbers and numbers inside names', () => {
    expect(countQuantities('In 2019 we tried 3 things with GPT-4, top-5 and the p99 tail')).toBe(0);
    expect(countQuantities('We used F1 and v2 of the model')).toBe(0);
    expect(countQuantities('')).toBe(0);
  });

  it('does not take math or code for prices, but keeps real prices', () => {
    expect(countQuantities('the loss is $x^2 + 3$ with $n=3$ and `sleep 5s`')).toBe(0);
    expect(texts('it cost $2 and then $3')).toEqual(['$2', '$3']);
    expect(countQuantities('$$\\sum_i 5\\%$$')).toBe(0);
  });
});
