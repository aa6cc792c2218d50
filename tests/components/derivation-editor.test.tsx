// @vitest-environment jsdom
// The derivation round's step editor with real KaTeX and the real checker (jsdom has no Worker,
// so the checker runs in the page, as the app does where workers are missing). The store is a
// little stateful wrapper; KaTeX's entry points are wrapped only to count which steps re-render.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useCallback, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { DerivationAnswer, DerivationTemplate } from '../../src/kinds/derivation/spec';

const rendered: string[] = [];
vi.mock('../../src/kinds/derivation/render', async (original) => {
  const real = await original<typeof import('../../src/kinds/derivation/render')>();
  return {
    ...real,
    renderStep: (tex: string, display?: boolean) => {
      rendered.push(tex);
      return real.renderStep(tex, display);
    },
    paintStep: (el: HTMLElement, tex: string) => {
      rendered.push(tex);
      return real.paintStep(el, tex);
    },
  };
});

const views = (await import('../../src/kinds/derivation/views')).default;
const Round = views.Round;

const template = {
  id: 'sigmoid-derivative',
  title: 'Derivative of the sigmoid',
  summary: 'Differentiate σ.',
  tags: [],
  tracks: ['rs'],
  minutes: 15,
  difficulty: 'easy',
  statement: "Show that $\\sigma'(x) = \\sigma(x)(1-\\sigma(x))$.",
  symbols: [
    { name: 'x', domain: 'real' },
    { name: '\\sigma', domain: 'real', function: ['t'], definition: '\\frac{1}{1+e^{-t}}' },
  ],
  sizes: {},
  hints: ['Write σ as a power.', 'Chain rule.'],
  reference: [
    { step: "\\sigma'(x) = \\sigma(x)(1-\\sigma(x))" },
    { step: '= \\sigma(x) - \\sigma(x)^2' },
  ],
  final: {
    lhs: "\\sigma'(x)",
    answer: '\\sigma(x)\\left(1-\\sigma(x)\\right)',
    check: 'numeric',
    equivalent: '\\sigma(x) - \\sigma(x)^2',
    wrong: '\\sigma(x)',
  },
} as DerivationTemplate;

const steps = (...tex: string[]) => tex.map((t, i) => ({ id: `s${i + 1}`, tex: t, why: '' }));
const answerOf = (...tex: string[]): DerivationAnswer => ({
  steps: steps(...(tex.length ? tex : [''])),
  final: '',
  hintsShown: 0,
  hintTimes: [],
  checks: [],
});

/** user-event reads { and [ as key names; doubled they are typed. */
const typed = (s: string) => s.replace(/[{[]/g, (c) => c + c);

function Harness(props: {
  initial: DerivationAnswer;
  practice?: boolean;
  locked?: boolean;
  seen: DerivationAnswer[];
}) {
  const [answer, setAnswer] = useState(props.initial);
  // Stable, as the app's is.
  const { seen } = props;
  const onChange = useCallback(
    (a: unknown) => {
      seen.push(a as DerivationAnswer);
      setAnswer(a as DerivationAnswer);
    },
    [seen],
  );
  return (
    <Round
      seed={1}
      roundIndex={0}
      template={template}
      answer={answer}
      onChange={onChange}
      locked={props.locked ?? false}
      roundClock={() => 42_000}
      timeline={{ count: 0, put: () => {} }}
      practice={props.practice}
    />
  );
}

function renderRound(
  initial: DerivationAnswer,
  opts: { practice?: boolean; locked?: boolean } = {},
) {
  const seen: DerivationAnswer[] = [];
  render(<Harness initial={initial} seen={seen} {...opts} />);
  return { last: () => seen.at(-1)!, seen };
}

const step = (n: number) => screen.getByRole('combobox', { name: `Step ${n}` }) as HTMLInputElement;
const rowOf = (n: number) => step(n).closest('li')!;

describe('the step editor', () => {
  it('renders what is typed in a step with KaTeX, live', async () => {
    const { last } = renderRound(answerOf());
    await userEvent.type(step(1), typed('x^2 = x \\cdot x'));
    expect(rowOf(1).querySelector('.katex')).not.toBeNull();
    // The answer has it just after the frame is painted.
    await waitFor(() => expect(last().steps[0]!.tex).toBe('x^2 = x \\cdot x'));
  });

  it('what was typed reaches the answer at once when the tab closes or hides', () => {
    const { last } = renderRound(answerOf('a = b', 'c'));
    fireEvent.change(step(2), { target: { value: 'c = d' } });
    window.dispatchEvent(new Event('pagehide'));
    expect(last().steps.map((s) => s.tex)).toEqual(['a = b', 'c = d']);
    fireEvent.change(screen.getByRole('textbox', { name: 'Why, step 1 (optional)' }), {
      target: { value: 'given' },
    });
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    try {
      document.dispatchEvent(new Event('visibilitychange'));
    } finally {
      visibility.mockRestore();
    }
    expect(last().steps.map((s) => [s.tex, s.why])).toEqual([
      ['a = b', 'given'],
      ['c = d', ''],
    ]);
  });

  it('an update right after typing (the final answer, a hint) keeps what was typed', async () => {
    const { last } = renderRound(answerOf('x = 1'), { practice: true });
    fireEvent.change(step(1), { target: { value: 'x = 2' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Final answer (LaTeX)' }), {
      target: { value: '2' },
    });
    expect(last()).toMatchObject({ steps: [{ tex: 'x = 2' }], final: '2' });
    fireEvent.change(step(1), { target: { value: 'x = 3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show hint 1 of 2' }));
    expect(last()).toMatchObject({ steps: [{ tex: 'x = 3' }], final: '2', hintsShown: 1 });
    expect(step(1)).toHaveValue('x = 3');
  });

  it('Enter adds a step below and puts the caret in it', async () => {
    renderRound(answerOf('a = b', 'c = d'));
    await userEvent.click(step(1));
    await userEvent.keyboard('{Enter}');
    expect(screen.getAllByRole('combobox')).toHaveLength(3);
    expect(step(2)).toHaveFocus();
    expect(step(2)).toHaveValue('');
    expect(step(3)).toHaveValue('c = d');
    await userEvent.keyboard('= b');
    expect(step(2)).toHaveValue('= b');
  });

  it('Alt+↑ and Alt+↓ move a step, and the focus and caret go with it', async () => {
    const { last } = renderRound(answerOf('first', 'second', 'third'));
    const third = step(3);
    await userEvent.click(third);
    third.setSelectionRange(2, 2);
    await userEvent.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(last().steps.map((s) => s.tex)).toEqual(['first', 'third', 'second']);
    expect(step(2)).toHaveValue('third');
    expect(step(2)).toHaveFocus();
    expect((step(2) as HTMLInputElement).selectionStart).toBe(2);
    await userEvent.keyboard('{Alt>}{ArrowDown}{/Alt}{Alt>}{ArrowDown}{/Alt}');
    expect(last().steps.map((s) => s.tex)).toEqual(['first', 'second', 'third']);
    expect(step(3)).toHaveFocus();
  });

  it('Backspace on an empty step removes it and puts the caret at the end of the one above', async () => {
    const { last } = renderRound(answerOf('a = b', '', 'c'));
    await userEvent.click(step(2));
    await userEvent.keyboard('{Backspace}');
    expect(last().steps.map((s) => s.tex)).toEqual(['a = b', 'c']);
    expect(step(1)).toHaveFocus();
    expect((step(1) as HTMLInputElement).selectionStart).toBe(5);
    // In a step with text, Backspace deletes a character and nothing else.
    await userEvent.keyboard('{Backspace}');
    await waitFor(() => expect(last().steps.map((s) => s.tex)).toEqual(['a = ', 'c']));
  });

  it('Backspace never removes the only step', async () => {
    renderRound(answerOf(''));
    await userEvent.click(step(1));
    await userEvent.keyboard('{Backspace}');
    expect(screen.getAllByRole('combobox')).toHaveLength(1);
    expect(step(1)).toHaveFocus();
  });

  it('↑ and ↓ move between steps', async () => {
    renderRound(answerOf('one', 'two'));
    await userEvent.click(step(1));
    await userEvent.keyboard('{ArrowDown}');
    expect(step(2)).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}');
    expect(step(1)).toHaveFocus();
  });

  it('typing \\ offers commands; Enter inserts one with the caret inside it', async () => {
    renderRound(answerOf());
    await userEvent.click(step(1));
    await userEvent.keyboard('\\fr');
    const list = screen.getByRole('listbox', { name: 'Commands for step 1' });
    expect(within(list).getAllByRole('option')[0]).toHaveTextContent('\\frac');
    expect(step(1)).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{Enter}');
    expect(step(1)).toHaveValue('\\frac{}{}');
    expect(screen.getAllByRole('combobox')).toHaveLength(1);
    await userEvent.keyboard('1');
    expect(step(1)).toHaveValue('\\frac{1}{}');
  });

  it('Escape closes the command list; ↓ picks another command', async () => {
    renderRound(answerOf());
    await userEvent.click(step(1));
    await userEvent.keyboard('\\s');
    expect(step(1)).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{ArrowDown}');
    const options = within(screen.getByRole('listbox', { hidden: true })).getAllByRole('option');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Escape}');
    expect(step(1)).toHaveAttribute('aria-expanded', 'false');
    await userEvent.keyboard('{Enter}');
    // With the list closed, Enter adds a step as usual.
    expect(screen.getAllByRole('combobox')).toHaveLength(2);
  });

  it('the palette inserts at the caret of the last focused step, which keeps the focus', async () => {
    renderRound(answerOf('a + b', 'c'));
    await userEvent.click(step(1));
    (step(1) as HTMLInputElement).setSelectionRange(1, 1);
    await userEvent.click(screen.getByRole('button', { name: 'Insert fraction' }));
    expect(step(1)).toHaveValue('a\\frac{}{} + b');
    expect(step(1)).toHaveFocus();
    expect((step(1) as HTMLInputElement).selectionStart).toBe(7);
    await userEvent.click(screen.getByRole('button', { name: 'Insert sigma' }));
    expect(step(1)).toHaveValue('a\\frac{\\sigma }{} + b');
  });

  it("an error shows KaTeX's message and position on that step only", async () => {
    renderRound(answerOf('x = 1', '= \\sqrtt{2}', '= 1'));
    const bad = rowOf(2);
    expect(
      within(bad).getByText('LaTeX error at position 2: Undefined control sequence: \\sqrtt'),
    ).toBeInTheDocument();
    expect(bad.querySelector('mark')).toHaveTextContent('\\');
    expect(step(2)).toHaveAttribute('aria-invalid', 'true');
    expect(rowOf(1).querySelector('.katex')).not.toBeNull();
    expect(rowOf(3).querySelector('.katex')).not.toBeNull();
    expect(rowOf(1).querySelector('.drv-error')).toBeNull();
  });

  it('a step over 10 kB is kept as typed and not rendered, with the reason', () => {
    const huge = `x = ${'x + '.repeat(3000)}x`;
    renderRound(answerOf(huge));
    expect(step(1)).toHaveValue(huge);
    expect(
      within(rowOf(1)).getByText(/over the 10 kB limit \(it is kept as typed\)/),
    ).toBeInTheDocument();
  });

  it('typing in one of 30 steps renders that step only', async () => {
    renderRound(answerOf(...Array.from({ length: 30 }, (_, i) => `x_{${i}} = ${i}`)));
    await userEvent.click(step(17));
    rendered.length = 0;
    await userEvent.keyboard('+1');
    expect(new Set(rendered)).toEqual(new Set(['x_{16} = 16+', 'x_{16} = 16+1']));
  });

  it('a locked round shows the steps read-only', () => {
    renderRound(answerOf('x = 1'), { locked: true });
    expect(step(1)).toHaveAttribute('readonly');
    expect(screen.getByRole('button', { name: 'Add a step' })).toBeDisabled();
  });
});

describe('checking and hints', () => {
  it('in practice, "Check my steps" marks each step and records the press', async () => {
    const { last } = renderRound(
      answerOf(
        "\\sigma'(x) = \\sigma(x)(1-\\sigma(x))",
        '= \\sigma(x) - \\sigma(x)^2',
        '= \\sigma(x)^2',
      ),
      { practice: true },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Check my steps' }));
    expect(await within(rowOf(2)).findByText('follows from step 1')).toBeInTheDocument();
    expect(
      within(rowOf(3)).getByText(/^does not follow from step 2 \(at x = /),
    ).toBeInTheDocument();
    expect(within(rowOf(2)).getByText('Read as')).toBeInTheDocument();
    expect(screen.getByText(/2 follow, 1 do not follow, 0 not checked/)).toBeInTheDocument();
    expect(last().checks).toEqual([{ at: 42_000, follows: 2, broken: 1, unchecked: 0 }]);
    // Editing a checked step says its mark is stale instead of showing it, once the edit is
    // flushed to the round's state (just after the next frame, so it may trail the keystroke).
    await userEvent.type(step(3), ' + 0');
    expect(await within(rowOf(3)).findByText('Edited since the last check.')).toBeInTheDocument();
    expect(within(rowOf(3)).queryByText(/^does not follow from step 2/)).toBeNull();
  });

  it('in a loop there is no check button: marks wait for scoring', () => {
    renderRound(answerOf('x = x'));
    expect(screen.queryByRole('button', { name: 'Check my steps' })).toBeNull();
    expect(screen.getByText(/Your steps are checked when the round ends/)).toBeInTheDocument();
  });

  it('judges the final answer in practice', async () => {
    renderRound({ ...answerOf('x = x'), final: '\\sigma(x)(1+\\sigma(x))' }, { practice: true });
    await userEvent.click(screen.getByRole('button', { name: 'Check my steps' }));
    expect(await screen.findByText(/^not equivalent \(differs at x = /)).toBeInTheDocument();
  });

  it('hints are revealed one at a time, each with its time', async () => {
    const { last } = renderRound(answerOf());
    await userEvent.click(screen.getByRole('button', { name: 'Show hint 1 of 2' }));
    expect(screen.getByText('Write σ as a power.')).toBeInTheDocument();
    expect(screen.queryByText('Chain rule.')).toBeNull();
    expect(last()).toMatchObject({ hintsShown: 1, hintTimes: [42_000] });
    await act(() => userEvent.click(screen.getByRole('button', { name: 'Show hint 2 of 2' })));
    expect(last()).toMatchObject({ hintsShown: 2, hintTimes: [42_000, 42_000] });
  });
});
