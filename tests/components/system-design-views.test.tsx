// @vitest-environment jsdom
// The system design round's own panels — clarify, stages with the stage clock, estimates, the
// follow-up cue — with Excalidraw replaced at the edge by a board that reports what a test draws.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { forwardRef, useEffect, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardReady } from '../../src/kinds/system-design/board';
import type { BoardElement, BoardFrame } from '../../src/kinds/system-design/replay';
import { type DesignAnswer, emptyDesignAnswer } from '../../src/kinds/system-design/spec';
import type { RoundViewProps } from '../../src/kinds/views';
import { makeDesignTemplate } from '../unit/kinds/system-design/make-template';

const drawn: { draw?: (els: BoardElement[]) => void } = {};

vi.mock('../../src/kinds/system-design/board', () => ({
  Board: forwardRef(function FakeBoard(props: {
    initial: { elements: unknown[] } | null;
    shown?: { elements: unknown[] } | null;
    readOnly: boolean;
    label: string;
    onScene?(els: readonly BoardElement[], files: Record<string, unknown>): void;
    onReady?(r: BoardReady): void;
  }) {
    const elements = (props.shown ?? props.initial)?.elements ?? [];
    // biome-ignore lint/correctness/useExhaustiveDependencies: mounted once, like the real board
    useEffect(() => {
      props.onReady?.({
        ms: 5,
        elements: (props.initial?.elements ?? []) as BoardElement[],
        dropped: 0,
      });
      drawn.draw = (els) => props.onScene?.(els, {});
    }, []);
    return (
      <div role="application" aria-label={props.label} data-readonly={props.readOnly}>
        {elements.length} elements
      </div>
    );
  }),
}));

const views = (await import('../../src/kinds/system-design/views')).default;
const template = makeDesignTemplate();
const MIN = 60_000;

interface HostProps {
  opts: { locked?: boolean; budgetMs?: number | null; answer?: DesignAnswer };
  clock: { t: number };
  changes: { answer: DesignAnswer; journal?: boolean }[];
  pieces: unknown[];
}

/** The round as the app hosts it: the answer kept and handed back, the clock under test control. */
function Host({ opts, clock, changes, pieces }: HostProps) {
  const [answer, setAnswer] = useState<DesignAnswer>(opts.answer ?? emptyDesignAnswer());
  const props: RoundViewProps = {
    template,
    answer,
    onChange: (a, o) => {
      changes.push({ answer: a as DesignAnswer, journal: o?.journal });
      setAnswer(a as DesignAnswer);
    },
    locked: opts.locked ?? false,
    roundClock: () => clock.t,
    budgetMs: opts.budgetMs === undefined ? 45 * MIN : opts.budgetMs,
    seed: 7,
    roundIndex: 0,
    timeline: {
      count: 0,
      put: (seq, data) => {
        pieces[seq] = data;
      },
    },
  };
  return <views.Round {...props} />;
}

function renderRound(opts: HostProps['opts'] = {}) {
  const clock = { t: 65_000 };
  const changes: HostProps['changes'] = [];
  const pieces: unknown[] = [];
  const utils = render(<Host opts={opts} clock={clock} changes={changes} pieces={pieces} />);
  const last = () => changes.at(-1)!.answer;
  return { ...utils, clock, changes, pieces, last };
}

afterEach(() => vi.useRealTimers());

describe('the clarify panel', () => {
  it('lists the questions without their answers; an ask shows the answer and is stamped', async () => {
    const { last, changes } = renderRound();
    expect(screen.queryByText('10M a day, 8 requests each.')).toBeNull();
    expect(screen.queryByText(/important/i)).toBeNull();
    expect(screen.getAllByRole('button', { name: /^Ask: / })).toHaveLength(6);
    await userEvent.click(screen.getByRole('button', { name: 'Ask: How many users?' }));
    expect(screen.getByText('10M a day, 8 requests each.')).toBeInTheDocument();
    expect(screen.getByText('asked at 1:05')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ask: How many users?' })).toBeNull();
    expect(last().asks).toEqual([{ id: 'scale', at: 65_000 }]);
    // The answer holds the board: it never goes to the synchronous journal.
    expect(changes.every((c) => c.journal === false)).toBe(true);
  });

  it('cannot be asked once the round is locked', () => {
    renderRound({ locked: true });
    for (const b of screen.getAllByRole('button', { name: /^Ask: / })) expect(b).toBeDisabled();
  });
});

describe('the stage panel and the stage clock', () => {
  it('says where the plan expects the person now, scaled to the round’s actual length', () => {
    vi.useFakeTimers({
      toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'],
    });
    const { clock } = renderRound();
    const line = () => screen.getByText(/the plan expects/).closest('p');
    expect(line()).toHaveTextContent(
      '1:05 — the plan expects problem framing and metrics (until 5:00)',
    );
    clock.t = 25 * MIN;
    act(() => vi.advanceTimersByTime(1100));
    expect(line()).toHaveTextContent(
      '25:00 — the plan expects model and offline evaluation (until 28:00)',
    );
  });

  it('in a round extended to 90 minutes, every stage stretches with it', () => {
    renderRound({ budgetMs: 90 * MIN });
    expect(screen.getByText(/the plan expects/).closest('p')).toHaveTextContent('(until 10:00)');
    expect(screen.getByRole('radio', { name: /^Model/ }).closest('label')).toHaveTextContent(
      '36:00–56:00',
    );
  });

  it('untimed, shows the template’s plan against the time elapsed', () => {
    renderRound({ budgetMs: null });
    expect(screen.getByText(/the plan expects/).closest('p')).toHaveTextContent('(until 5:00)');
    expect(
      screen.getByText(/Untimed: the template's plan against the time elapsed/),
    ).toBeInTheDocument();
  });

  it('typing in a stage’s notes moves "now on" to it, and the move is recorded with its time', () => {
    const { last, clock } = renderRound();
    clock.t = 7 * MIN;
    fireEvent.change(screen.getByLabelText('Notes: Data'), { target: { value: 'click logs' } });
    expect(screen.getByRole('radio', { name: /^Data/ })).toBeChecked();
    expect(last()).toMatchObject({
      current: 'data',
      notes: { data: 'click logs' },
      stageLog: [{ stage: 'data', at: 7 * MIN }],
    });
    expect(screen.getByText(/You are on/).closest('p')).toHaveTextContent(
      'You are on data: on plan.',
    );
  });

  it('the explicit "now on" control moves the stage and shows drift from the plan', async () => {
    const { last, clock } = renderRound();
    clock.t = 26 * MIN;
    await userEvent.click(screen.getByRole('radio', { name: /^Features/ }));
    expect(last().stageLog).toEqual([{ stage: 'features', at: 26 * MIN }]);
    expect(screen.getByText(/You are on/).closest('p')).toHaveTextContent(
      'You are on features: 1 stage behind the plan.',
    );
  });
});

describe('the estimates', () => {
  it('say what an entry reads as, and keep an unreadable one as typed with the reason', () => {
    const { last } = renderRound();
    const qps = screen.getByRole('textbox', { name: /Peak requests per second/ });
    fireEvent.change(qps, { target: { value: '3k/s' } });
    expect(screen.getByText('Reads as 3000 per second.')).toBeInTheDocument();
    fireEvent.change(qps, { target: { value: 'about three thousand' } });
    expect(qps).toHaveValue('about three thousand');
    expect(
      screen.getByText(/Cannot read it: start with a number.*Kept as typed\./),
    ).toBeInTheDocument();
    expect(last().estimates['peak-qps']).toEqual({ text: 'about three thousand', at: 65_000 });
  });
});

describe('the follow-up cue', () => {
  it('appears at the follow-up’s minute, scaled to the round, and leads to its answer field', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    const { clock, last } = renderRound({ budgetMs: 90 * MIN });
    // Written at minute 10 of 45: in a 90-minute round it comes at 20:00.
    clock.t = 19 * MIN;
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.queryByText('Cold start?')).toBeNull();
    expect(screen.getByText('The first follow-up comes at 20:00.')).toBeInTheDocument();
    clock.t = 20 * MIN;
    act(() => vi.advanceTimersByTime(1000));
    const cue = screen.getByRole('status', { name: '' }).querySelector('.sd-cue') as HTMLElement;
    expect(cue).toHaveTextContent('Follow-up from the interviewer at 20:00: Cold start?');
    expect(last().followups['cold-start']).toEqual({
      shownAt: 20 * MIN,
      answer: '',
      answeredAt: null,
    });
    fireEvent.click(within(cue).getByRole('button', { name: 'Answer it' }));
    const field = screen.getByRole('textbox', { name: /Cold start\?/ });
    expect(field).toHaveFocus();
    expect(document.querySelector('.sd-cue')).toBeNull();
    clock.t = 21 * MIN;
    fireEvent.change(field, { target: { value: 'popular items first' } });
    expect(last().followups['cold-start']).toEqual({
      shownAt: 20 * MIN,
      answer: 'popular items first',
      answeredAt: 21 * MIN,
    });
  });

  it('a follow-up already shown before a reload comes back without a new cue', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    const answer: DesignAnswer = {
      ...emptyDesignAnswer(),
      followups: { 'cold-start': { shownAt: 10 * MIN, answer: 'kept', answeredAt: 11 * MIN } },
    };
    const { clock } = renderRound({ answer });
    clock.t = 12 * MIN;
    act(() => vi.advanceTimersByTime(1000));
    expect(document.querySelector('.sd-cue')).toBeNull();
    expect(screen.getByRole('textbox', { name: /Cold start\?/ })).toHaveValue('kept');
  });
});

describe('the board at the edge', () => {
  it('saves what is drawn as copies, with the answer, and records a key frame at load', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    const { last, pieces } = renderRound();
    expect((pieces[0] as BoardFrame).key).toBe(true);
    const live: BoardElement[] = [{ id: 'r1', version: 1, type: 'rectangle' }];
    act(() => drawn.draw!(live));
    act(() => vi.advanceTimersByTime(150));
    expect(last().scene?.elements).toEqual([{ id: 'r1', version: 1, type: 'rectangle' }]);
    live[0]!.x = 40; // Excalidraw mutates its elements in place
    expect(last().scene?.elements[0]).not.toHaveProperty('x');
    expect(screen.getByRole('application', { name: 'Whiteboard' })).toHaveAttribute(
      'data-readonly',
      'false',
    );
  });
});

describe('scoring', () => {
  it('judges the estimates with the working, reveals every question and lists unanswered follow-ups', () => {
    const answer: DesignAnswer = {
      ...emptyDesignAnswer(),
      asks: [{ id: 'scale', at: 2 * MIN }],
      estimates: { 'peak-qps': { text: '3k/s', at: 1 }, 'log-volume': { text: '4 TB/day', at: 2 } },
      followups: { 'cold-start': { shownAt: 10 * MIN, answer: '', answeredAt: null } },
      notes: { framing: 'time well spent' },
    };
    render(
      <views.ScoringExtras
        template={template}
        answer={answer}
        scoring={{}}
        onScoringChange={() => {}}
        readOnly={false}
        timeline={[]}
        usedMs={30 * MIN}
      />,
    );
    const judged = document.querySelectorAll('.sd-judged li');
    expect(judged[0]).toHaveTextContent('within 2×');
    expect(judged[0]).toHaveTextContent('reference 2.78k requests/s');
    expect(judged[0]).toHaveTextContent('10M × 8 × 3 / 86,400');
    expect(judged[1]).toHaveTextContent('off by 100.0×');
    expect(screen.getByText('How many users?').closest('li')).toHaveTextContent('asked at 2:00');
    expect(screen.getByText('How peaky?').closest('li')).toHaveTextContent('important');
    expect(screen.getByText('How peaky?').closest('li')).toHaveTextContent('not asked');
    expect(screen.getByText(/^Unanswered:/)).toHaveTextContent('Unanswered: Cold start?');
    expect(screen.getByText(/Not reached before the round ended/)).toHaveTextContent('Drift?');
    expect(screen.getByText('No metric.')).toBeInTheDocument();
  });
});
