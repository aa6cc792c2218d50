import { describe, expect, it } from 'vitest';
import {
  type CalibrationRule,
  calibrate,
  calibrationRuleSchema,
  describeRule,
} from '../../../src/domain/calibration';
import type { Signal } from '../../../src/domain/kind';

const rule = (r: Partial<CalibrationRule> & Pick<CalibrationRule, 'when'>): CalibrationRule =>
  calibrationRuleSchema.parse({
    dimension: 'correctness',
    signal: 'hidden-tests',
    say: 'you rated {dimension} {self}, but {missing} of {outOf} hidden tests failed',
    ...r,
  });
const signal = (value: number, outOf: number, more: Partial<Signal> = {}): Signal => ({
  id: 'hidden-tests',
  label: 'Hidden tests passed',
  display: `${value} of ${outOf}`,
  ratio: value / outOf,
  value,
  outOf,
  selfReported: false,
  dimensions: [],
  ...more,
});
const name = (id: string) => (id === 'correctness' ? 'Correctness' : id);

describe('calibration rules', () => {
  it('missingAtLeast: names both sides when a generous score meets failed tests', () => {
    const r = rule({ when: { missingAtLeast: 1 } });
    const flags = calibrate([r], { correctness: 4 }, [signal(5, 8)], name);
    expect(flags.map((f) => f.sentence)).toEqual([
      'you rated correctness 4, but 3 of 8 hidden tests failed',
    ]);
    expect(calibrate([r], { correctness: 4 }, [signal(8, 8)], name)).toEqual([]);
  });

  it('selfAtLeast: a self-score that already agrees raises nothing', () => {
    const r = rule({ when: { missingAtLeast: 1 }, selfAtLeast: 3 });
    expect(calibrate([r], { correctness: 2 }, [signal(0, 8)], name)).toEqual([]);
    expect(calibrate([r], { correctness: 3 }, [signal(0, 8)], name)).toHaveLength(1);
  });

  it('ratioBelow, valueBelow and valueAtLeast compare the signal numbers', () => {
    const ratio = rule({ when: { ratioBelow: 0.5 } });
    expect(calibrate([ratio], { correctness: 3 }, [signal(3, 8)], name)).toHaveLength(1);
    expect(calibrate([ratio], { correctness: 3 }, [signal(4, 8)], name)).toHaveLength(0);
    const below = rule({ when: { valueBelow: 1 }, say: '{value} final answers checked' });
    expect(calibrate([below], { correctness: 3 }, [signal(0, 1)], name)[0]?.sentence).toBe(
      '0 final answers checked',
    );
    const over = rule({
      signal: 'minutes-over',
      when: { valueAtLeast: 5 },
      say: 'you rated {dimension} {self}, but went {value} minutes over time',
    });
    const minutes = signal(6, 45, { id: 'minutes-over' });
    expect(calibrate([over], { correctness: 4 }, [minutes], name)[0]?.sentence).toBe(
      'you rated correctness 4, but went 6 minutes over time',
    );
  });

  it('a signal without its numbers, or a dimension not scored, raises nothing', () => {
    const r = rule({ when: { missingAtLeast: 1 } });
    expect(calibrate([r], {}, [signal(0, 8)], name)).toEqual([]);
    const bare = { ...signal(0, 8), value: undefined, outOf: undefined };
    expect(calibrate([r], { correctness: 4 }, [bare], name)).toEqual([]);
  });

  it('a self-reported signal never raises a flag alone, only beside an objective one', () => {
    const ticked = rule({
      signal: 'points',
      when: { ratioBelow: 0.5 },
      say: 'you ticked {value} of {outOf} points',
    });
    const tests = rule({ when: { missingAtLeast: 1 } });
    const points = signal(1, 5, { id: 'points', selfReported: true });
    expect(calibrate([ticked], { correctness: 4 }, [points], name)).toEqual([]);
    const both = calibrate([ticked, tests], { correctness: 4 }, [points, signal(6, 8)], name);
    expect(both.map((f) => f.sentence)).toEqual([
      'you ticked 1 of 5 points (self-reported)',
      'you rated correctness 4, but 2 of 8 hidden tests failed',
    ]);
  });

  it('a rule has exactly one condition and only known placeholders', () => {
    expect(() => rule({ when: {} })).toThrow(/exactly one/);
    expect(() => rule({ when: { ratioBelow: 0.5, valueBelow: 2 } })).toThrow(/exactly one/);
    expect(() => rule({ when: { ratioBelow: 0.5 }, say: 'you {guessed}' })).toThrow(
      /unknown placeholder \{guessed\}/,
    );
  });

  it('is printed for the person as the condition it checks', () => {
    expect(
      describeRule(rule({ when: { missingAtLeast: 1 } }), 'Hidden tests passed', 'Correctness'),
    ).toBe('Correctness scored 3 or higher while “Hidden tests passed” misses any.');
  });
});
