// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pause, startTimer } from '../../src/domain/timer';
import { Clock } from '../../src/ui/Clock';

const MIN = 60_000;
const T0 = new Date('2026-11-27T09:00:00Z').getTime();

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

const announcer = () => screen.getByTestId('clock-announcer');

describe('the clock', () => {
  it('announces 10, 5 and 1 minutes left and time up, once each', async () => {
    const onExpired = vi.fn();
    render(<Clock facts={startTimer(12 * MIN, T0)} hidden={false} onExpired={onExpired} />);
    expect(screen.getByRole('timer')).toHaveTextContent('12:00');
    expect(announcer()).toHaveTextContent('');
    await act(() => vi.advanceTimersByTimeAsync(2 * MIN + 500));
    expect(announcer()).toHaveTextContent('10 minutes left.');
    expect(screen.getByText('10 minutes left.', { selector: '.clock-flash' })).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(5 * MIN));
    expect(announcer()).toHaveTextContent('5 minutes left.');
    await act(() => vi.advanceTimersByTimeAsync(4 * MIN));
    expect(announcer()).toHaveTextContent('1 minute left.');
    expect(onExpired).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(MIN));
    expect(announcer()).toHaveTextContent('Time is up.');
    expect(onExpired).toHaveBeenCalled();
  });

  it('after a reload, does not repeat a milestone already passed', async () => {
    render(<Clock facts={startTimer(30 * MIN, T0 - 23 * MIN)} hidden={false} />);
    expect(screen.getByRole('timer')).toHaveTextContent('7:00');
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(announcer()).toHaveTextContent('');
  });

  it('hidden: shows no time but still announces milestones', async () => {
    render(<Clock facts={startTimer(11 * MIN, T0)} hidden />);
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.getByText('Clock hidden')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(MIN + 500));
    expect(announcer()).toHaveTextContent('10 minutes left.');
  });

  it('paused: the time stands still and says so', async () => {
    render(<Clock facts={pause(startTimer(30 * MIN, T0), T0 + MIN)} hidden={false} />);
    await act(() => vi.advanceTimersByTimeAsync(10 * MIN));
    expect(screen.getByRole('timer')).toHaveTextContent('29:00');
    expect(screen.getByText('Paused')).toBeInTheDocument();
  });
});
