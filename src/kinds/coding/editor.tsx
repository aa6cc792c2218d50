// The code editor: Monaco, created once per round and owning its text. Changes go out as
// events (text + the editor's own change list, for the replay); the page never pushes text
// back in except for an explicit reset. Replaced by a textarea in jsdom tests.
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { Change } from './replay';

export interface CodeEditorHandle {
  getValue(): string;
  setValue(value: string): void;
  focus(): void;
}

export interface CodeEditorProps {
  initialValue: string;
  readOnly: boolean;
  label: string;
  onChange(value: string, changes: Change[]): void;
  onRun(): void;
  onSubmit(): void;
  /** Called once the editor can be typed in, with how long it took to load. */
  onReady?(ms: number): void;
}

type Monaco = typeof import('monaco-editor/editor/editor.api');
type Editor = import('monaco-editor/editor/editor.api').editor.IStandaloneCodeEditor;

const themeName = () => (document.documentElement.dataset.theme === 'dark' ? 'vs-dark' : 'vs');

export const CodeEditor = forwardRef<CodeEditorHandle, CodeEditorProps>(
  function CodeEditor(props, ref) {
    const host = useRef<HTMLDivElement>(null);
    const editor = useRef<Editor | null>(null);
    const latest = useRef(props);
    latest.current = props;
    const [state, setState] = useState<'loading' | 'ready' | { error: string }>('loading');

    useImperativeHandle(ref, () => ({
      getValue: () => editor.current?.getValue() ?? latest.current.initialValue,
      setValue: (v) => editor.current?.setValue(v),
      focus: () => editor.current?.focus(),
    }));

    useEffect(() => {
      let disposed = false;
      const started = performance.now();
      let observer: MutationObserver | null = null;
      import('./monaco')
        .then(({ monaco }: { monaco: Monaco }) => {
          if (disposed || !host.current) return;
          const ed = monaco.editor.create(host.current, {
            value: latest.current.initialValue,
            language: 'python',
            theme: themeName(),
            readOnly: latest.current.readOnly,
            automaticLayout: true,
            minimap: { enabled: false },
            fontSize: 14,
            tabSize: 4,
            insertSpaces: true,
            scrollBeyondLastLine: false,
            ariaLabel: latest.current.label,
            accessibilitySupport: 'auto',
            renderWhitespace: 'selection',
            fixedOverflowWidgets: true,
          });
          editor.current = ed;
          ed.onDidChangeModelContent((e) => {
            const changes: Change[] = e.changes.map((c) => [c.rangeOffset, c.rangeLength, c.text]);
            latest.current.onChange(ed.getValue(), changes);
          });
          // Taken over from the editor's own bindings (insert line below / above).
          ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onRun());
          ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () =>
            latest.current.onSubmit(),
          );
          observer = new MutationObserver(() => monaco.editor.setTheme(themeName()));
          observer.observe(document.documentElement, {
            attributes: true,
            attributeFilter: ['data-theme'],
          });
          setState('ready');
          latest.current.onReady?.(performance.now() - started);
        })
        .catch((e: Error) => setState({ error: e.message }));
      return () => {
        disposed = true;
        observer?.disconnect();
        editor.current?.dispose();
        editor.current = null;
      };
    }, []);

    useEffect(() => {
      editor.current?.updateOptions({ readOnly: props.readOnly });
    }, [props.readOnly]);

    return (
      <div className="code-editor" data-state={typeof state === 'string' ? state : 'error'}>
        {state === 'loading' && <p className="muted editor-loading">Loading the editor…</p>}
        {typeof state === 'object' && (
          <p className="error" role="alert">
            The editor could not load ({state.error}). Your code is safe; reload the page to try
            again.
          </p>
        )}
        <div ref={host} className="code-editor-host" />
      </div>
    );
  },
);
