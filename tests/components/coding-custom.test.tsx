// @vitest-environment jsdom
// The coding round's "try your own input", a run stopped while flooding output, whole floats as
// written, and counts in the review, with Monaco replaced by a textarea and the Python worker by
// a scripted runner (the real Python is in tests/unit/runner and tests/e2e/coding-custom).
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { forwardRef, useImperativeHandle, useRef } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Results } from '../../src/kinds/coding/Results';
import type { CodingAnswer, CodingTemplate } from '../../src/kinds/coding/spec';
import type { RunOutcome } from '../../src/runner/client';
import type { HarnessRequest, TestResult } from '../../src/runner/suite';

vi.mock('../../src/kinds/coding/editor', () => ({
  CodeEditor: forwardRef(function FakeEditor(
    props: { initialValue: string; readOnly: boolean; label: string },
    ref,
  ) {
    const el = useRef<HTMLTextAreaElement>(null);
    useImperativeHandle(ref, () => ({
      getValue: () => el.current!.value,
      setValue: (v: string) => {
        el.current!.value = v;
      },
      focus: () => el.current?.focus(),
    }));
    return (
      <textarea
        ref={el}
        aria-label={props.label}
        defaultValue={props.initialValue}
        readOnly={props.readOnly}
      />
    );
  }),
}));

const runs: HarnessRequest[] = [];
let reply: (r: HarnessRequest) => RunOutcome = () => ({ kind: 'crashed', message: 'unset' });
vi.mock('../../src/runner/client', () => {
  const status = { state: 'ready', startMs: 1000 };
  return {
    python: () => ({
      status,
      subscribe: () => () => {},
      warm: () => Promise.resolve(),
      run: async (r: HarnessRequest) => {
        runs.push(r);
        return reply(r);
      },
    }),
  };
});

const views = (await import('../../src/kinds/coding/views')).default;

const template = {
  id: 'softmax',
  title: 'Softmax',
  summary: 'Softmax.',
  tags: ['ml'],
  tracks: ['mle'],
  minutes: 20,
  difficulty: 'easy',
  topic: 'deep-learning',
  entry: 'softmax',
  signature: 'def softmax(scores: list[float]) -> list[float]',
  hints: ['Shift.', 'By the max.'],
  tolerance: { rel: 1e-6, abs: 1e-9 },
  tests: [
    {
      name: 'huge-ties',
      visible: true,
      args: [[{ $float: '1000.0' }, { $float: '1000.0' }]],
      expected: [0.5, 0.5],
    },
    { name: 'hidden', visible: false, args: [[1, 2]], expected: [0.27, 0.73] },
  ],
  scale: [],
  statement: 'Softmax.',
  starter: 'def softmax(scores):\n    pass\n',
  solution: 'REFERENCE',
} as unknown as CodingTemplate;

const empty: CodingAnswer = { code: template.starter, hintsShown: 0, hintTimes: [], runs: [] };

const result = (over: Partial<TestResult>): RunOutcome => ({
  kind: 'ok',
  ms: 3,
  report: {
    compiled: true,
    stdoutTruncated: false,
    results: [{ name: 'your-input', visible: true, passed: false, ...over }],
  },
});

function renderRound(practice: boolean) {
  return render(
    <views.Round
      seed={1}
      roundIndex={0}
      template={template}
      answer={empty}
      onChange={() => {}}
      locked={false}
      practice={practice}
      roundClock={() => 1000}
      timeline={{ count: 0, put: () => {} }}
    />,
  );
}

beforeEach(() => {
  runs.length = 0;
});

describe('try your own input', () => {
  it('starts from the first example, written as Python writes it', () => {
    renderRound(true);
    const box = screen.getByLabelText('Arguments to softmax, one Python literal per line');
    expect(box).toHaveValue('[1000.0, 1000.0]');
    // The example list shows the floats as floats too.
    expect(screen.getByText('softmax([1000.0, 1000.0]) → [0.5, 0.5]')).toBeInTheDocument();
  });

  it('in practice, runs the input through the code and the reference and compares them', async () => {
    reply = (r) =>
      r.source === 'REFERENCE'
        ? result({ input: [[1, 2]], got: [0.2689414213699951, 0.7310585786300049] })
        : result({
            input: [[1, 2]],
            got: [{ $float: '0.0' }, { $float: '1.0' }],
            stdout: 'shifting\n',
          });
    renderRound(true);
    const box = screen.getByLabelText('Arguments to softmax, one Python literal per line');
    fireEvent.change(box, { target: { value: '[1, 2]' } });
    await userEvent.click(screen.getByRole('button', { name: 'Try it' }));
    expect(await screen.findByText('Not the same as the reference.')).toBeInTheDocument();
    // The literal goes to Python as typed, to be read there with ast.literal_eval.
    expect(runs.map((r) => (r.tests[0] as { custom: { text: string } }).custom.text)).toEqual([
      '[1, 2]',
      '[1, 2]',
    ]);
    expect(runs.map((r) => r.source)).toEqual([template.starter, 'REFERENCE']);
    const section = screen.getByRole('region', { name: 'Try your own input' });
    expect(within(section).getAllByText('softmax([1, 2])')).toHaveLength(2);
    expect(within(section).getByText('[0.0, 1.0]')).toBeInTheDocument();
    expect(within(section).getByText('[0.2689414214, 0.7310585786]')).toBeInTheDocument();
    expect(within(section).getByText('shifting')).toBeInTheDocument();
  });

  it('says the answers agree when they match within the tolerance', async () => {
    reply = () => result({ input: [[1, 2]], got: [0.5, 0.5] });
    renderRound(true);
    await userEvent.click(screen.getByRole('button', { name: 'Try it' }));
    expect(await screen.findByText('Same answer as the reference.')).toBeInTheDocument();
  });

  it('in a timed loop round, runs only the person’s code: the reference stays hidden', async () => {
    reply = () => result({ input: [[1, 2]], got: [0.5, 0.5] });
    renderRound(false);
    await userEvent.click(screen.getByRole('button', { name: 'Try it' }));
    expect(await screen.findByText('Returned')).toBeInTheDocument();
    expect(runs).toHaveLength(1);
    expect(screen.queryByText('Reference')).toBeNull();
  });

  it('bad arguments get a clear message, and the reference is not run', async () => {
    reply = () =>
      result({
        badInput: true,
        error: {
          type: 'ArgumentError',
          message:
            'softmax(scores): too many positional arguments; you gave 2 arguments, one per line',
          line: null,
          traceback: '',
        },
      });
    renderRound(true);
    await userEvent.click(screen.getByRole('button', { name: 'Try it' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Those arguments cannot be used: softmax(scores): too many positional arguments; you gave 2 arguments, one per line',
    );
    expect(runs).toHaveLength(1);
  });

  it('at scoring, the locked code can be tried beside the reference', async () => {
    reply = () => result({ input: [[3]], got: [{ $float: '1.0' }] });
    render(
      <views.ScoringExtras
        template={template}
        answer={{ ...empty, code: 'MINE' }}
        scoring={{}}
        onScoringChange={() => {}}
        readOnly={false}
        timeline={[]}
        usedMs={1000}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Try it' }));
    expect(await screen.findByText('Same answer as the reference.')).toBeInTheDocument();
    expect(runs.map((r) => r.source)).toEqual(['MINE', 'REFERENCE']);
  });
});

describe('a run stopped at the limit', () => {
  it('shows what it printed until then, the cap notice and the test it was in', () => {
    const flood = 'spam\n'.repeat(20_000);
    render(
      <Results
        run={{
          mode: 'run',
          entry: 'softmax',
          outcome: {
            kind: 'stopped',
            afterMs: 5000,
            how: 'interrupt',
            report: {
              compiled: true,
              stdoutTruncated: true,
              stopped: true,
              results: [
                { name: 'first', visible: true, passed: true },
                {
                  name: 'huge-ties',
                  visible: true,
                  passed: false,
                  stopped: true,
                  input: [[{ $float: '1000.0' }]],
                  stdout: flood,
                },
              ],
            },
          },
        }}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Stopped after 5 s. Your code may loop forever or be far too slow. The next Run works as usual.',
    );
    expect(
      screen.getByText('It was in test huge-ties, after 1 finished (1 passed).'),
    ).toBeInTheDocument();
    expect(screen.getByText('Printed output was cut at 100 kB.')).toBeInTheDocument();
    const row = screen.getByText('huge-ties').closest('li')!;
    expect(row.querySelector('.stdout')!.textContent).toBe(flood);
    expect(within(row).getByText('softmax([1000.0])')).toBeInTheDocument();
  });
});

describe('the review', () => {
  it('counts one run, one submit and one hint in the singular', () => {
    render(
      <views.ReviewSummary
        template={template}
        answer={{
          ...empty,
          hintsShown: 1,
          runs: [
            { at: 1000, mode: 'run', passed: 0, total: 1, outcome: 'ok' },
            { at: 2000, mode: 'submit', passed: 2, total: 2, outcome: 'ok' },
          ],
        }}
        scoring={{}}
        timeline={[]}
        usedMs={3000}
      />,
    );
    expect(screen.getByText('1 run, 1 submit, 1 hint.')).toBeInTheDocument();
  });
});
