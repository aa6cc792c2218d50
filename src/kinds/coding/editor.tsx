// The code editor: Monaco through @monaco-editor/react, with the app's own trimmed Monaco (see
// monaco.ts; nothing comes from a CDN), created once per round and owning its text. Changes go
// out as events (text + the editor's own change list, for the replay); the page never pushes
// text back in except for an explicit reset. Replaced by a textarea in jsdom tests.
import {
  forwardRef,
  use,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Loadable } from '../../ui/Loadable';
import { useHtmlTheme } from '../../ui/use-html-theme';
import { loadMonaco } from './load-monaco';
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
  /** Called once the editor can be typed in (or could not load), with how long it took. */
  onReady?(ms: number): void;
}

type Loaded = typeof import('./monaco');
type Monaco = Loaded['monaco'];
type Editor = import('monaco-editor/editor/editor.api').editor.IStandaloneCodeEditor;
type ContentChange = import('monaco-editor/editor/editor.api').editor.IModelContentChangedEvent;

let models = 0;

export const CodeEditor = forwardRef<CodeEditorHandle, CodeEditorProps>(
  function CodeEditor(props, ref) {
    const editor = useRef<Editor | null>(null);
    const latest = useRef(props);
    latest.current = props;
    const started = useRef(performance.now());
    const [ready, setReady] = useState(false);

    useImperativeHandle(ref, () => ({
      getValue: () => editor.current?.getValue() ?? latest.current.initialValue,
      setValue: (v) => editor.current?.setValue(v),
      focus: () => editor.current?.focus(),
    }));

    useEffect(() => {
      let live = true;
      // A failed load still counts as "up" for Python's start (see warm.ts).
      loadMonaco().catch(
        () => live && latest.current.onReady?.(performance.now() - started.current),
      );
      return () => {
        live = false;
        editor.current = null;
      };
    }, []);

    const onMount = useCallback((ed: Editor, monaco: Monaco) => {
      editor.current = ed;
      // Taken over from the editor's own bindings (insert line below / above).
      ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onRun());
      ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () =>
        latest.current.onSubmit(),
      );
      setReady(true);
      latest.current.onReady?.(performance.now() - started.current);
    }, []);

    const onChange = useCallback((value: string | undefined, e: ContentChange) => {
      const changes: Change[] = e.changes.map((c) => [c.rangeOffset, c.rangeLength, c.text]);
      latest.current.onChange(value ?? '', changes);
    }, []);

    // Keeps the editor's box while Monaco loads and while the wrapper creates it.
    const loading = (
      <>
        <p className="muted editor-loading">Loading the editor…</p>
        <div className="code-editor-host" />
      </>
    );
    return (
      <div className="code-editor" data-state={ready ? 'ready' : 'loading'}>
        {/* A failed load: the app's message with Retry; the code is in the store, and the
            editor that Retry brings opens with it (initialValue is the stored code). */}
        <Loadable what="the editor" fallback={loading}>
          <MonacoEditor
            initialValue={props.initialValue}
            readOnly={props.readOnly}
            label={props.label}
            loading={loading}
            onMount={onMount}
            onChange={onChange}
          />
        </Loadable>
      </div>
    );
  },
);

function MonacoEditor(props: {
  initialValue: string;
  readOnly: boolean;
  label: string;
  loading: React.ReactNode;
  onMount(ed: Editor, monaco: Monaco): void;
  onChange(value: string | undefined, e: ContentChange): void;
}) {
  const { Editor } = use(loadMonaco());
  const theme = useHtmlTheme() === 'dark' ? 'vs-dark' : 'vs';
  // One model per mounted editor: the wrapper would otherwise share one unnamed model.
  const [path] = useState(() => `round-${++models}.py`);
  const { readOnly, label } = props;
  const options = useMemo(
    () => ({
      readOnly,
      ariaLabel: label,
      minimap: { enabled: false },
      fontSize: 14,
      tabSize: 4,
      insertSpaces: true,
      scrollBeyondLastLine: false,
      accessibilitySupport: 'auto' as const,
      renderWhitespace: 'selection' as const,
      fixedOverflowWidgets: true,
    }),
    [readOnly, label],
  );
  return (
    <Editor
      className="code-editor-host"
      height="auto"
      loading={props.loading}
      defaultPath={path}
      defaultValue={props.initialValue}
      defaultLanguage="python"
      theme={theme}
      options={options}
      onMount={props.onMount}
      onChange={props.onChange}
    />
  );
}
