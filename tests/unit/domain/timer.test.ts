import { describe, expect, it } from 'vitest';
import * as t from '../../../src/domain/timer';

const MIN = 60_000;

describe('the round clock', () => {
  it('counts down from the budget as wall time passes', () => {
    const f = t.startTimer(30 * MIN, 1_000);
    expect(t.remainingMs(f, 1_000)).toBe(30 * MIN);
    expect(t.remainingMs(f, 1_000 + 10 * MIN)).toBe(20 * MIN);
  });

  it('tells the truth after a laptop slept through the deadline', () => {
    const f = t.startTimer(30 * MIN, 0);
    const wake = 2 * 60 * MIN; // two hours later
    expect(t.remainingMs(f, wake)).toBe(-90 * MIN);
    // The round ended at its deadline, not when the laptop woke.
    expect(t.expiredAt(f, wake)).toBe(30 * MIN);
  });

  it('does not count paused time, including a pause still going on', () => {
    let f = t.startTimer(30 * MIN, 0);
    f = t.pause(f, 5 * MIN);
    expect(t.isPaused(f)).toBe(true);
    expect(t.remainingMs(f, 50 * MIN)).toBe(25 * MIN);
    f = t.resume(f, 50 * MIN);
    expect(t.remainingMs(f, 60 * MIN)).toBe(15 * MIN);
    expect(t.pausedMs(f, 60 * MIN)).toBe(45 * MIN);
  });

  it('a paused round never expires', () => {
    const f = t.pause(t.startTimer(MIN, 0), 30_000);
    expect(t.expiredAt(f, 10 * MIN)).toBeNull();
  });

  it('adds extensions to the budget', () => {
    const f = t.extend(t.extend(t.startTimer(10 * MIN, 0), 5 * MIN, 1), 5 * MIN, 2);
    expect(t.totalBudgetMs(f)).toBe(20 * MIN);
    expect(t.remainingMs(f, 10 * MIN)).toBe(10 * MIN);
  });

  it('an untimed round has no remaining time and never expires', () => {
    const f = t.startTimer(null, 0);
    expect(t.remainingMs(f, 99 * MIN)).toBeNull();
    expect(t.expiredAt(f, 99 * MIN)).toBeNull();
    expect(t.elapsedMs(f, 99 * MIN)).toBe(99 * MIN);
  });

  it('stops at the end, and ending closes an open pause', () => {
    let f = t.pause(t.startTimer(30 * MIN, 0), 10 * MIN);
    f = t.end(f, 20 * MIN);
    expect(t.isPaused(f)).toBe(false);
    expect(t.elapsedMs(f, 99 * MIN)).toBe(10 * MIN);
  });

  describe('milestones', () => {
    it('are reached at 10, 5 and 1 minutes left and at zero', () => {
      const budget = 30 * MIN;
      expect(t.milestoneReached(11 * MIN, budget)).toBeNull();
      expect(t.milestoneReached(10 * MIN, budget)).toBe(10 * MIN);
      expect(t.milestoneReached(4 * MIN, budget)).toBe(5 * MIN);
      expect(t.milestoneReached(59_000, budget)).toBe(MIN);
      expect(t.milestoneReached(0, budget)).toBe(0);
      expect(t.milestoneReached(-5, budget)).toBe(0);
    });

    it('skip marks at or above the whole budget (a 5-minute round does not start with "5 minutes left")', () => {
      expect(t.milestoneReached(5 * MIN, 5 * MIN)).toBeNull();
      expect(t.milestoneReached(MIN, 5 * MIN)).toBe(MIN);
    });
  });

  it('formats minutes and seconds, rounding up so 0:00 means time is up', () => {
    expect(t.formatClock(30 * MIN)).toBe('30:00');
    expect(t.formatClock(59_001)).toBe('1:00');
    expect(t.formatClock(500)).toBe('0:01');
    expect(t.formatClock(0)).toBe('0:00');
    expect(t.formatClock(-4000)).toBe('0:00');
    expect(t.formatClock(61 * MIN)).toBe('1:01:00');
  });
});
