// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ShortcutProvider, useShortcuts } from '../../src/app/shortcuts';
import { Markdown } from '../../src/ui/Markdown';
import { RubricForm } from '../../src/ui/RubricForm';
import { makeRubric, policy } from '../helpers/factories';

describe('the rubric form', () => {
  it('shows every anchored level of every dimension, and reports a choice', async () => {
    const onScore = vi.fn();
    render(
      <RubricForm rubric={makeRubric()} policy={policy} scores={{ depth: 2 }} onScore={onScore} />,
    );
    expect(screen.getAllByRole('radio')).toHaveLength(16);
    const depth = screen.getByRole('group', { name: /Depth/ });
    expect(depth).toHaveTextContent('2 · Lean no hire');
    expect(screen.getAllByText('excellent')).toHaveLength(4);
    expect(
      screen.getByRole('group', { name: /Depth/ }).querySelector('input:checked'),
    ).toHaveAttribute('value', '2');
    await userEvent.click(
      screen.getByRole('group', { name: /Accuracy/ }).querySelectorAll('input')[3]!,
    );
    expect(onScore).toHaveBeenCalledWith('accuracy', 4);
  });

  it('read-only: nothing can be changed', () => {
    render(
      <RubricForm rubric={makeRubric()} policy={policy} scores={{}} onScore={() => {}} readOnly />,
    );
    for (const r of screen.getAllByRole('radio')) expect(r).toBeDisabled();
  });
});

function Harness({ run }: { run: () => void }) {
  useShortcuts([{ key: 'd', label: 'Done', run }]);
  return (
    <>
      <textarea aria-label="answer" />
      <input aria-label="field" />
      <input type="radio" aria-label="score" />
      <button type="button">plain</button>
    </>
  );
}

describe('keyboard shortcuts', () => {
  it('fire on the page, never while typing in a field, and not with modifiers', () => {
    const run = vi.fn();
    render(
      <ShortcutProvider>
        <Harness run={run} />
      </ShortcutProvider>,
    );
    fireEvent.keyDown(screen.getByLabelText('answer'), { key: 'd' });
    fireEvent.keyDown(screen.getByLabelText('field'), { key: 'd' });
    fireEvent.keyDown(document.body, { key: 'd', ctrlKey: true });
    expect(run).not.toHaveBeenCalled();
    fireEvent.keyDown(screen.getByRole('button', { name: 'plain' }), { key: 'd' });
    fireEvent.keyDown(screen.getByLabelText('score'), { key: 'd' });
    expect(run).toHaveBeenCalledTimes(2);
  });
});

describe('Markdown with math', () => {
  it('renders math and shows a LaTeX error in place without losing the rest', () => {
    const { container } = render(
      <Markdown source={'Good $x^2$, bad $\\frac{1}{$, then **more**.'} />,
    );
    expect(container.querySelector('.katex')).not.toBeNull();
    expect(screen.getByText(/LaTeX error at position/)).toBeInTheDocument();
    expect(screen.getByText('more')).toBeInTheDocument();
  });
});
