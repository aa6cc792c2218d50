// The code editor: Monaco through @monaco-editor/react, with the app's own trimmed Monaco (see
// monaco.ts; nothing comes from a CDN), created once per round and owning its text. Changes go
// out as events (text + the editor's own change list, for the replay); the page never pushes
// text back in except for an explicit reset. Replaced by a textarea in jsdom tests.
import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useHtmlTheme } from '../../ui/use-html-theme';
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
    const [loaded, setLoaded] = useState<Loaded | { error: string } | null>(null);
    const [ready, setReady] = useState(false);
    const theme = useHtmlTheme() === 'dark' ? 'vs-dark' : 'vs';
    // One model per mounted editor: the wrapper would otherwise share one unnamed model.
    const [path] = useState(() => `round-${++models}.py`);

    useImperativeHandle(ref, () => ({
      getValue: () => editor.current?.getValue() ?? latest.current.initialValue,
      setValue: (v) => editor.current?.setValue(v),
      focus: () => editor.current?.focus(),
    }));

    useEffect(() => {
      let live = true;
      import('./monaco').then(
        (m) => live && setLoaded(m),
        (e: Error) => {
          if (!live) return;
          setLoaded({ error: e.message });
          latest.current.onReady?.(performance.now() - started.current);
        },
      );
      return () => {
        live = false;
        editor.current = null;
      };
    }, []);

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

    const error = loaded && 'error' in loaded ? loaded.error : null;
    // Keeps the editor's box while Monaco loads and while the wrapper creates it.
    const placeholder = <div className="code-editor-host" />;
    return (
      <div className="code-editor" data-state={error ? 'error' : ready ? 'ready' : 'loading'}>
        {!ready && !error && <p className="muted editor-loading">Loading the editor…</p>}
        {error && (
          <p className="error" role="alert">
            The editor could not load ({error}). Your code is safe; reload the page to try again.
          </p>
        )}
        {loaded && !error && 'Editor' in loaded ? (
          <loaded.Editor
            className="code-editor-host"
            height="auto"
            loading={placeholder}
            defaultPath={path}
            defaultLanguage="python"
            defaultValue={props.initialValue}
            theme={theme}
            options={options}
            onMount={onMount}
            onChange={onChange}
          />
        ) : (
          placeholder
        )}
      </div>
    );
  },
);
