// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOTS_PER_LINE, TrendLines, trendDot, trendRows, WeekBars } from '../../src/ui/charts';
import { stubResizeObserver } from '../helpers/resize-observer';

beforeAll(stubResizeObserver);

const DAY = 86_400_000;
const line = (ref: string, n: number, mean = 2) => ({
  ref,
  name: ref,
  points: Array.from({ length: n }, (_, i) => ({ at: Date.UTC(2026, 0, 1) + i * DAY, mean })),
});
const thresholds = [{ value: 2, label: 'lean hire' }];

describe('history charts', () => {
  it('mark each session with a dot while a line is short, and draw long lines alone', () => {
    expect(trendDot(1)).toEqual({ r: 3 });
    expect(trendDot(MAX_DOTS_PER_LINE)).toEqual({ r: 3 });
    expect(trendDot(MAX_DOTS_PER_LINE + 1)).toBe(false);
    expect(trendDot(200)).toBe(false);
  });

  it('lay the lines out as one row per time, oldest first, null where a dimension has no score', () => {
    const rows = trendRows([
      {
        ref: 'a.x',
        name: 'x',
        points: [
          { at: 30, mean: 2 },
          { at: 10, mean: 1 },
        ],
      },
      {
        ref: 'b.y',
        name: 'y',
        points: [
          { at: 20, mean: 3 },
          { at: 30, mean: 4 },
        ],
      },
    ]);
    expect(rows).toEqual([
      { at: 10, 'a.x': 1, 'b.y': null },
      { at: 20, 'a.x': null, 'b.y': 3 },
      { at: 30, 'a.x': 2, 'b.y': 4 },
    ]);
    // Two points of one line at the same time: the first is drawn, as before.
    expect(trendRows([line('a.x', 1, 2), { ...line('a.x', 1, 3), ref: 'a.x' }])).toEqual([
      { at: Date.UTC(2026, 0, 1), 'a.x': 2 },
    ]);
    expect(trendRows([])).toEqual([]);
  });

  it('follow new data (a filter) once the deferred redraw has run', async () => {
    const { rerender } = render(
      <TrendLines trends={[line('coding.correctness', 200, 2)]} thresholds={thresholds} />,
    );
    expect(screen.getByRole('cell', { name: 'coding.correctness' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '200' })).toBeInTheDocument();
    await act(async () => {
      rerender(<TrendLines trends={[line('fundamentals.depth', 3, 3)]} thresholds={thresholds} />);
    });
    expect(screen.queryByRole('cell', { name: 'coding.correctness' })).toBeNull();
    expect(screen.getByRole('cell', { name: 'fundamentals.depth' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '3' })).toBeInTheDocument();
  });

  it('count sessions per week after a change of the data, too', async () => {
    const week = Date.UTC(2026, 0, 5);
    const { rerender } = render(<WeekBars weeks={[{ week, count: 7 }]} />);
    expect(screen.getByRole('cell', { name: '7' })).toBeInTheDocument();
    await act(async () => {
      rerender(<WeekBars weeks={[{ week, count: 2 }]} />);
    });
    expect(screen.queryByRole('cell', { name: '7' })).toBeNull();
    expect(screen.getByRole('cell', { name: '2' })).toBeInTheDocument();
  });
});
