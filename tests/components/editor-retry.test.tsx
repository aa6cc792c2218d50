// @vitest-environment jsdom
// The coding editor loads Monaco's chunk itself. When that chunk cannot be loaded (offline before
// it was cached, a deploy replaced it) the round shows the app's plain message with Retry, and
// Retry imports it again and opens the editor with the code the round already has. Monaco does
// not run in jsdom: its chunk is replaced by a textarea that fails to arrive while `failures` is
// above 0, held by the app's own holdUntilRetry as the real one is.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { CodeEditor } from '../../src/kinds/coding/editor';

const state = vi.hoisted(() => ({ failures: 0, imports: 0 }));

function FakeMonacoEditor(props: {
  defaultValue: string;
  onMount(ed: unknown, monaco: unknown): void;
}) {
  const { onMount, defaultValue } = props;
  useEffect(() => {
    onMount({ addCommand: () => {}, getValue: () => defaultValue }, FAKE_MONACO);
  }, [onMount, defaultValue]);
  return <textarea aria-label="Your Python code" defaultValue={defaultValue} />;
}
const FAKE_MONACO = { KeyMod: { CtrlCmd: 1, Shift: 2 }, KeyCode: { Enter: 3 } };

vi.mock('../../src/kinds/coding/load-monaco', async () => {
  const { holdUntilRetry } = await import('../../src/ui/Loadable');
  const owner = {};
  return {
    loadMonaco: () =>
      holdUntilRetry(owner, 'monaco', async () => {
        state.imports++;
        if (state.failures-- > 0)
          throw new TypeError(
            'Failed to fetch dynamically imported module: http://x/assets/monaco-abc.js',
          );
        return { Editor: FakeMonacoEditor, monaco: FAKE_MONACO };
      }),
  };
});

describe('the coding editor when Monaco cannot be loaded', () => {
  it('shows the app’s message with Retry; Retry loads Monaco and keeps the code', async () => {
    state.failures = 1;
    const onReady = vi.fn();
    await act(async () => {
      render(
        <CodeEditor
          initialValue={'def f(x):\n    return x  # typed before\n'}
          readOnly={false}
          label="Your Python code"
          onChange={() => {}}
          onRun={() => {}}
          onSubmit={() => {}}
          onReady={onReady}
        />,
      );
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The editor could not be loaded.');
    expect(alert).toHaveTextContent('Your work is saved.');
    expect(alert).not.toHaveTextContent('dynamically imported module');
    // Python may start although no editor came (see warm.ts).
    expect(onReady).toHaveBeenCalledTimes(1);

    await act(() => userEvent.click(screen.getByRole('button', { name: 'Retry' })));
    const editor = await screen.findByRole('textbox', { name: 'Your Python code' });
    expect(editor).toHaveValue('def f(x):\n    return x  # typed before\n');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(state.imports).toBe(2);
    expect(onReady).toHaveBeenCalledTimes(2);
  });
});
