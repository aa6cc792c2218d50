// @vitest-environment jsdom
// The coding round's views with the two heavy edges replaced: Monaco (it does not run in jsdom)
// by a textarea, and the Python worker by a scripted runner.
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { forwardRef, useImperativeHandle, useRef } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReplayChunk } from '../../src/kinds/coding/replay';
import type { CodingAnswer, CodingTemplate } from '../../src/kinds/coding/spec';
import type { RunOutcome } from '../../src/runner/client';
import type { HarnessRequest } from '../../src/runner/suite';

vi.mock('../../src/kinds/coding/editor', () => ({
  CodeEditor: forwardRef(function FakeEditor(
    props: {
      initialValue: string;
      readOnly: boolean;
      label: string;
      onChange(v: string, c: [number, number, string][]): void;
    },
    ref,
  ) {
    const el = useRef<HTMLTextAreaElement>(null);
    useImperativeHandle(ref, () => ({
      getValue: () => el.current!.value,
      setValue: (v: string) => {
        const before = el.current!.value;
        el.current!.value = v;
        props.onChange(v, [[0, before.length, v]]);
      },
      focus: () => el.current?.focus(),
    }));
    return (
      <textarea
        ref={el}
        aria-label={props.label}
        defaultValue={props.initialValue}
        readOnly={props.readOnly}
        onChange={(e) => {
          // Report the edit as Monaco would: what changed in the text before it.
          const before = (e.target as HTMLTextAreaElement).dataset.before ?? props.initialValue;
          (e.target as HTMLTextAreaElement).dataset.before = e.target.value;
          props.onChange(e.target.value, [[0, before.length, e.target.value]]);
        }}
      />
    );
  }),
}));

const runs: HarnessRequest[] = [];
let nextOutcome: (r: HarnessRequest) => RunOutcome = () => ({ kind: 'crashed', message: 'unset' });
vi.mock('../../src/runner/client', () => {
  const status = { state: 'ready', startMs: 1200 };
  return {
    python: () => ({
      status,
      subscribe: () => () => {},
      warm: () => Promise.resolve(),
      run: async (r: HarnessRequest) => {
        runs.push(r);
        return nextOutcome(r);
      },
    }),
  };
});

const views = (await import('../../src/kinds/coding/views')).default;

const template = {
  id: 'double',
  title: 'Double it',
  summary: 'Double a number.',
  tags: ['ml'],
  tracks: ['mle'],
  minutes: 20,
  difficulty: 'easy',
  topic: 'algorithms',
  entry: 'double',
  signature: 'def double(x: int) -> int',
  hints: ['Multiply.', 'By two.'],
  tolerance: { rel: 1e-6, abs: 1e-9 },
  tests: [
    { name: 'one', visible: true, args: [1], expected: 2 },
    { name: 'big', visible: false, args: [10], expected: 20 },
  ],
  scale: [],
  statement: 'Return $2x$.',
  starter: 'def double(x):\n    pass\n',
  solution: 'def double(x):\n    return 2 * x\n',
} as CodingTemplate;

const empty: CodingAnswer = { code: template.starter, hintsShown: 0, hintTimes: [], runs: [] };

function renderRound(opts: { locked?: boolean; answer?: CodingAnswer } = {}) {
  const onChange = vi.fn();
  const pieces: unknown[] = [];
  const utils = render(
    <views.Round
      seed={1}
      roundIndex={0}
      template={template}
      answer={opts.answer ?? empty}
      onChange={onChange}
      locked={opts.locked ?? false}
      roundClock={() => 65_000}
      timeline={{
        count: 0,
        put: (seq, data) => {
          pieces[seq] = data;
        },
      }}
    />,
  );
  return { ...utils, onChange, pieces };
}

beforeEach(() => {
  runs.length = 0;
});

describe('the coding round', () => {
  it('shows the statement with math, the examples and the signature', () => {
    renderRound();
    expect(document.querySelector('.statement .katex')).not.toBeNull();
    expect(screen.getByText('double(1) → 2')).toBeInTheDocument();
    expect(screen.getAllByText('def double(x: int) -> int').length).toBeGreaterThan(0);
    expect(screen.getByText(/Python ready \(started in 1.2 s\)/)).toBeInTheDocument();
  });

  it('keeps the code as typed: every edit reaches the store at once', async () => {
    const { onChange, pieces } = renderRound();
    fireEvent.change(screen.getByLabelText('Your Python code'), {
      target: { value: 'def double(x):\n    return x + x\n' },
    });
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ code: 'def double(x):\n    return x + x\n' }),
    );
    // A snapshot at load, then the edit, both on the round clock.
    expect((pieces[0] as ReplayChunk).snapshot).toBe(template.starter);
    expect((pieces[0] as ReplayChunk).edits).toHaveLength(1);
  });

  it('Run sends the visible examples, shows what failed with expected vs got, and records the run', async () => {
    nextOutcome = () => ({
      kind: 'ok',
      ms: 12,
      report: {
        compiled: true,
        stdoutTruncated: false,
        results: [
          {
            name: 'one',
            visible: true,
            passed: false,
            input: [1],
            expected: 2,
            got: 3,
            tolerance: { rel: 1e-6, abs: 1e-9 },
            mismatches: [{ path: '', message: 'value: expected 2, got 3 (off by 1)' }],
          },
        ],
      },
    });
    const { onChange } = renderRound();
    await userEvent.click(screen.getByRole('button', { name: /^Run/ }));
    expect(runs).toHaveLength(1);
    expect(runs[0]!.tests).toHaveLength(1);
    expect(await screen.findByText('0 of 1 examples passed')).toBeInTheDocument();
    const row = screen.getByText('one').closest('li')!;
    expect(within(row).getByText('value: expected 2, got 3 (off by 1)')).toBeInTheDocument();
    expect(within(row).getByText(/\|got − expected\| ≤ max\(1e−6/)).toBeInTheDocument();
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({
        runs: [{ at: 65_000, mode: 'run', passed: 0, total: 1, outcome: 'ok' }],
      }),
    );
  });

  it('a runaway Submit reads "stopped after 5 s" and is recorded as stopped', async () => {
    nextOutcome = () => ({ kind: 'stopped', afterMs: 5000, how: 'interrupt' });
    const { onChange } = renderRound();
    await userEvent.click(screen.getByRole('button', { name: /^Submit/ }));
    expect(await screen.findByText(/Stopped after 5 s/)).toBeInTheDocument();
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({
        runs: [expect.objectContaining({ mode: 'submit', outcome: 'stopped' })],
      }),
    );
  });

  it('hints are revealed one at a time, each reveal recorded', async () => {
    const { onChange, rerender } = renderRound();
    await userEvent.click(screen.getByRole('button', { name: 'Show hint 1 of 2' }));
    const after = onChange.mock.lastCall![0] as CodingAnswer;
    expect(after).toMatchObject({ hintsShown: 1, hintTimes: [65_000] });
    rerender(
      <views.Round
        seed={1}
        roundIndex={0}
        template={template}
        answer={after}
        onChange={onChange}
        locked={false}
        roundClock={() => 70_000}
        timeline={{ count: 1, put: () => {} }}
      />,
    );
    expect(screen.getByText('Multiply.')).toBeInTheDocument();
    expect(screen.queryByText('By two.')).toBeNull();
  });

  it('reset to starter asks first', async () => {
    renderRound({ answer: { ...empty, code: 'my work' } });
    const box = screen.getByLabelText('Your Python code') as HTMLTextAreaElement;
    await userEvent.click(screen.getByRole('button', { name: 'Reset to starter' }));
    expect(box.value).toBe('my work');
    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(box.value).toBe(template.starter);
  });

  it('locked: the editor is read-only and nothing can run', () => {
    renderRound({ locked: true });
    expect(screen.getByLabelText('Your Python code')).toHaveAttribute('readonly');
    expect(screen.getByRole('button', { name: /^Run/ })).toBeDisabled();
    expect(screen.getByRole('button', { name: /^Submit/ })).toBeDisabled();
  });
});

describe('coding scoring', () => {
  it('replays the code at any minute, with the runs marked, and reveals the reference', async () => {
    const chunks: ReplayChunk[] = [
      { v: 1, at: 0, snapshot: 'start', edits: [[30_000, [[5, 0, ' middle']]]] },
      { v: 1, at: 120_000, snapshot: 'final code', edits: [] },
    ];
    const answer: CodingAnswer = {
      ...empty,
      code: 'final code',
      runs: [{ at: 120_000, mode: 'submit', passed: 2, total: 2, hiddenPassed: 1, outcome: 'ok' }],
    };
    render(
      <views.ScoringExtras
        template={template}
        answer={answer}
        scoring={{}}
        onScoringChange={() => {}}
        readOnly={false}
        timeline={chunks}
        usedMs={180_000}
      />,
    );
    expect(screen.getByText('final code')).toBeInTheDocument();
    const slider = screen.getByRole('slider');
    fireEvent.change(slider, { target: { value: '60000' } });
    expect(screen.getByText('start middle')).toBeInTheDocument();
    fireEvent.change(slider, { target: { value: '10000' } });
    expect(screen.getByText('start')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /2:00 Submit 2\/2/ }));
    expect(screen.getByText('final code')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Reference solution' })).toBeInTheDocument();
    expect(screen.getByText(/return 2 \* x/)).toBeInTheDocument();
  });
});
