// The step editor: one LaTeX line per step with its KaTeX rendering beside it, an optional
// justification, and keyboard moves. Each row is memoised and KaTeX runs only when a row's own
// text changes, so typing in one step never re-renders another.
//
// A keystroke costs KaTeX's render of that step and nothing else before the frame: the inputs
// are uncontrolled (React does not re-render anything for a typed character) and the typed
// text reaches the answer, and so the store and its journal, just after the frame is painted
// (afterPaint). Anything else that changes the steps, and a hidden or closing tab, sends what
// was typed first.
import {
  type KeyboardEvent,
  memo,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { afterPaint } from '../../ui/after-paint';
import { MathLine, SourceError } from './MathLine';
import { paintStep, type RenderError } from './render';
import { commandBefore, completions, insertSnippet, type Snippet } from './snippets';
import { newStepId, type Step, type StepMark } from './spec';

/** The field the palette writes into: the last one focused. */
export interface FieldHandle {
  el: HTMLInputElement;
  /** Replaces the field's text and puts the caret at `caret`. */
  set(text: string, caret: number): void;
}

type Field = 'tex' | 'why';

interface Actions {
  /** A change made in the field itself (typing): the answer has it just after the frame. */
  typed(id: string, field: Field, text: string): void;
  /** Sends typed text to the answer now, if any is waiting. */
  flush(): void;
  setText(id: string, field: Field, text: string, caret?: number): void;
  keyDown(e: KeyboardEvent<HTMLInputElement>, id: string, field: Field): void;
  register(id: string, field: Field, el: HTMLInputElement | null): void;
  focused(id: string, field: Field, el: HTMLInputElement): void;
}

export interface MarkEntry {
  tex: string;
  mark: StepMark;
}

export function StepEditor(props: {
  steps: Step[];
  locked: boolean;
  onSteps(steps: Step[]): void;
  /** Marks by step id from the last check, with the text they were computed for. */
  marks: ReadonlyMap<string, MarkEntry> | null;
  onFieldFocus(handle: FieldHandle): void;
  /** Set to a function that sends typed text to the answer at once (before other updates). */
  flushRef?: RefObject<(() => void) | null>;
}) {
  const { steps, onSteps, onFieldFocus, flushRef } = props;
  // Steps typed but not yet sent: until they are, they, not the props, are the steps.
  const typed = useRef<Step[] | null>(null);
  const cancelSend = useRef<(() => void) | null>(null);
  const latest = useRef(steps);
  latest.current = typed.current ?? steps;
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const pending = useRef<{ id: string; field: Field; caret: number | 'end' } | null>(null);

  // After every change of the steps: put the focus (and caret) where the last action said.
  useLayoutEffect(() => {
    const p = pending.current;
    if (!p) return;
    const el = inputs.current.get(`${p.id}:${p.field}`);
    if (!el) return;
    pending.current = null;
    el.focus();
    const at = p.caret === 'end' ? el.value.length : Math.min(p.caret, el.value.length);
    el.setSelectionRange(at, at);
  });

  const focusNow = useCallback((id: string, field: Field, caret: number | 'end') => {
    const el = inputs.current.get(`${id}:${field}`);
    if (!el) return;
    el.focus();
    const at = caret === 'end' ? el.value.length : Math.min(caret, el.value.length);
    el.setSelectionRange(at, at);
  }, []);

  const actions = useMemo<Actions>(() => {
    const stopSend = () => {
      cancelSend.current?.();
      cancelSend.current = null;
    };
    const commit = (next: Step[], focus?: { id: string; field: Field; caret: number | 'end' }) => {
      stopSend();
      typed.current = null;
      if (focus) pending.current = focus;
      latest.current = next;
      onSteps(next);
    };
    const flush = () => {
      stopSend();
      const next = typed.current;
      if (!next) return;
      typed.current = null;
      onSteps(next);
    };
    return {
      flush,
      typed(id, field, text) {
        const next = latest.current.map((s) => (s.id === id ? { ...s, [field]: text } : s));
        latest.current = next;
        typed.current = next;
        cancelSend.current ??= afterPaint(flush);
      },
      setText(id, field, text, caret) {
        const next = latest.current.map((s) => (s.id === id ? { ...s, [field]: text } : s));
        commit(next, caret === undefined ? undefined : { id, field, caret });
      },
      register(id, field, el) {
        const k = `${id}:${field}`;
        if (el) inputs.current.set(k, el);
        else inputs.current.delete(k);
      },
      focused(id, field, el) {
        onFieldFocus({
          el,
          set: (text, caret) => actions.setText(id, field, text, caret),
        });
      },
      keyDown(e, id, field) {
        const list = latest.current;
        const i = list.findIndex((s) => s.id === id);
        const step = list[i];
        if (!step) return;
        const el = e.currentTarget;
        const plain = !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;
        if (e.key === 'Enter' && plain) {
          e.preventDefault();
          const fresh: Step = { id: newStepId(), tex: '', why: '' };
          commit([...list.slice(0, i + 1), fresh, ...list.slice(i + 1)], {
            id: fresh.id,
            field: 'tex',
            caret: 0,
          });
          return;
        }
        if (
          e.altKey &&
          !e.ctrlKey &&
          !e.metaKey &&
          (e.key === 'ArrowUp' || e.key === 'ArrowDown')
        ) {
          e.preventDefault();
          const j = e.key === 'ArrowUp' ? i - 1 : i + 1;
          if (j < 0 || j >= list.length) return;
          const next = [...list];
          next[i] = list[j]!;
          next[j] = step;
          commit(next, { id, field, caret: el.selectionStart ?? 0 });
          return;
        }
        if (e.key === 'Backspace' && plain && el.value === '' && el.selectionStart === 0) {
          if (field === 'why') {
            e.preventDefault();
            focusNow(id, 'tex', 'end');
            return;
          }
          if (step.why === '' && list.length > 1) {
            e.preventDefault();
            const target = i > 0 ? list[i - 1]! : list[i + 1]!;
            commit(
              list.filter((s) => s.id !== id),
              { id: target.id, field: 'tex', caret: i > 0 ? 'end' : 0 },
            );
          }
          return;
        }
        if (field === 'tex' && plain && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
          const target = list[e.key === 'ArrowUp' ? i - 1 : i + 1];
          if (!target) return;
          e.preventDefault();
          focusNow(target.id, 'tex', el.selectionStart ?? 0);
        }
      },
    };
  }, [onSteps, onFieldFocus, focusNow]);

  useLayoutEffect(() => {
    if (flushRef) flushRef.current = actions.flush;
  }, [actions, flushRef]);

  // A hidden or closing tab sends what was typed at once. Capture on window runs before the
  // app's own listeners on document, so the store's flush then writes it too.
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') actions.flush();
    };
    window.addEventListener('visibilitychange', onVisibility, true);
    window.addEventListener('pagehide', actions.flush, true);
    return () => {
      window.removeEventListener('visibilitychange', onVisibility, true);
      window.removeEventListener('pagehide', actions.flush, true);
      actions.flush();
    };
  }, [actions]);

  return (
    <ol className="drv-steps" aria-label="Your steps">
      {steps.map((s, i) => (
        <StepRow
          key={s.id}
          step={s}
          index={i}
          locked={props.locked}
          entry={props.marks?.get(s.id)}
          actions={actions}
        />
      ))}
    </ol>
  );
}

const StepRow = memo(function StepRow(props: {
  step: Step;
  index: number;
  locked: boolean;
  entry: MarkEntry | undefined;
  actions: Actions;
}) {
  const { step, index, locked, entry, actions } = props;
  const uid = useId();
  const [complete, setComplete] = useState<{
    from: number;
    caret: number;
    items: Snippet[];
    active: number;
  } | null>(null);
  const dismissed = useRef<number | null>(null);
  const n = index + 1;
  const listId = `${uid}-list`;
  const errorId = `${uid}-error`;
  const markId = `${uid}-mark`;

  const refresh = (el: HTMLInputElement) => {
    const caret = el.selectionStart ?? el.value.length;
    const cmd = el.selectionStart === el.selectionEnd ? commandBefore(el.value, caret) : null;
    if (!cmd || dismissed.current === cmd.from) {
      if (!cmd) dismissed.current = null;
      setComplete(null);
      return;
    }
    const items = completions(cmd.query);
    setComplete(items.length ? { from: cmd.from, caret, items, active: 0 } : null);
  };

  const texEl = useRef<HTMLInputElement | null>(null);
  const whyEl = useRef<HTMLInputElement | null>(null);
  // The fields are uncontrolled: text that comes from the answer (a reload, the palette, a
  // completion, a move) is written into them here; what was typed is already there.
  useLayoutEffect(() => syncValue(texEl.current, step.tex), [step.tex]);
  useLayoutEffect(() => syncValue(whyEl.current, step.why), [step.why]);
  const liveTex = () => texEl.current?.value ?? step.tex;

  const accept = (item: Snippet) => {
    if (!complete) return;
    const r = insertSnippet(liveTex(), complete.from, complete.caret, item.tex);
    setComplete(null);
    actions.setText(step.id, 'tex', r.text, r.caret);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (complete) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (e.altKey) {
          setComplete(null);
        } else {
          e.preventDefault();
          const d = e.key === 'ArrowDown' ? 1 : -1;
          const len = complete.items.length;
          setComplete({ ...complete, active: (complete.active + d + len) % len });
          return;
        }
      } else if (e.key === 'Enter' || e.key === 'Tab') {
        const item = complete.items[complete.active]!;
        const typedCmd = liveTex().slice(complete.from, complete.caret);
        // "\pi" fully typed: Enter means a new step, not "insert \pi again".
        if (!(e.key === 'Enter' && typedCmd === item.label && item.tex === `${item.label} §`)) {
          e.preventDefault();
          accept(item);
          return;
        }
        setComplete(null);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        dismissed.current = complete.from;
        setComplete(null);
        return;
      }
    }
    actions.keyDown(e, step.id, 'tex');
  };

  // KaTeX paints the step into its own element when its text changes (React never diffs it);
  // the row re-renders only while the step fails (the message shows the source) or when it
  // turns blank, rendered or failed.
  const preview = useRef<HTMLSpanElement>(null);
  const painted = useRef<string | null>(null);
  const [shown, setShown] = useState<{ error: RenderError | null; blank: boolean; tex: string }>(
    () => ({ error: null, blank: step.tex.trim() === '', tex: step.tex }),
  );
  const paint = useCallback((tex: string) => {
    if (!preview.current || painted.current === tex) return;
    painted.current = tex;
    const error = paintStep(preview.current, tex);
    const blank = tex.trim() === '';
    setShown((prev) =>
      error === null && prev.error === null && prev.blank === blank ? prev : { error, blank, tex },
    );
  }, []);
  // Text that arrives from the answer (the palette, a completion, a reload) is painted here;
  // a keystroke paints at once in onChange.
  useLayoutEffect(() => paint(step.tex), [paint, step.tex]);
  const { error, blank } = shown;
  const rendered = { ok: error === null };
  const status = entry && entry.tex === step.tex ? entry.mark.status : null;
  const describedBy =
    [entry ? markId : null, rendered.ok || blank ? null : errorId].filter(Boolean).join(' ') ||
    undefined;
  return (
    <li className={`drv-step${status ? ` drv-${status}` : ''}`}>
      <div className="drv-step-inputs">
        <label className="drv-step-label" htmlFor={`${uid}-tex`}>
          Step {n}
        </label>
        <div className="drv-combo">
          <input
            id={`${uid}-tex`}
            ref={(el) => {
              texEl.current = el;
              actions.register(step.id, 'tex', el);
            }}
            className="drv-tex"
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={complete !== null}
            aria-controls={listId}
            aria-activedescendant={complete ? `${uid}-opt-${complete.active}` : undefined}
            aria-describedby={describedBy}
            aria-invalid={!rendered.ok && !blank}
            readOnly={locked}
            aria-readonly={locked}
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="off"
            placeholder={index === 0 ? 'f(x) = …  (LaTeX; Enter adds a step)' : '= …'}
            onChange={(e) => {
              paint(e.target.value);
              actions.typed(step.id, 'tex', e.target.value);
              refresh(e.target);
            }}
            onSelect={(e) => {
              const el = e.currentTarget;
              if (complete || commandBefore(el.value, el.selectionStart ?? 0)) refresh(el);
            }}
            onFocus={(e) => actions.focused(step.id, 'tex', e.currentTarget)}
            onBlur={() => {
              setComplete(null);
              actions.flush();
            }}
            onKeyDown={onKeyDown}
          />
          <div
            id={listId}
            role="listbox"
            aria-label={`Commands for step ${n}`}
            className="drv-complete"
            hidden={complete === null}
          >
            {complete?.items.map((item, i) => (
              <div
                key={item.label}
                id={`${uid}-opt-${i}`}
                role="option"
                tabIndex={-1}
                aria-selected={i === complete.active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  accept(item);
                }}
              >
                <code>{item.label}</code> <span className="muted">{item.name}</span>
              </div>
            ))}
          </div>
        </div>
        <input
          ref={(el) => {
            whyEl.current = el;
            actions.register(step.id, 'why', el);
          }}
          className="drv-why"
          type="text"
          aria-label={`Why, step ${n} (optional)`}
          placeholder="why (optional)"
          readOnly={locked}
          aria-readonly={locked}
          onChange={(e) => actions.typed(step.id, 'why', e.target.value)}
          onFocus={(e) => actions.focused(step.id, 'why', e.currentTarget)}
          onBlur={actions.flush}
          onKeyDown={(e) => actions.keyDown(e, step.id, 'why')}
        />
      </div>
      <div className="drv-step-render">
        <span className="visually-hidden">Step {n} rendered: </span>
        <span ref={preview} className="drv-math" />
        {blank ? (
          <span className="muted drv-placeholder">(empty)</span>
        ) : error?.tooLong ? (
          <span className="drv-error" id={errorId}>
            {error.message}
          </span>
        ) : error ? (
          <SourceError
            source={shown.tex}
            message={error.message}
            position={error.position}
            id={errorId}
          />
        ) : null}
        {entry && <StepMarkView id={markId} entry={entry} current={step.tex} />}
      </div>
    </li>
  );
});

function syncValue(el: HTMLInputElement | null, value: string) {
  if (el && el.value !== value) el.value = value;
}

const SYMBOL = { follows: '✓', broken: '✗', unchecked: '–', empty: '' } as const;

export function StepMarkView({
  entry,
  current,
  id,
}: {
  entry: MarkEntry;
  current: string;
  id?: string;
}) {
  if (entry.tex !== current)
    return (
      <p className="drv-mark drv-stale muted small" id={id}>
        Edited since the last check.
      </p>
    );
  const m = entry.mark;
  if (m.status === 'empty') return null;
  return (
    <div className={`drv-mark drv-mark-${m.status}`} id={id}>
      <p>
        <span aria-hidden="true">{SYMBOL[m.status]} </span>
        {m.message}
        {m.position !== undefined ? ` (at position ${m.position})` : ''}
      </p>
      {m.readAs && (
        <p className="drv-read-as small">
          <span className="muted">Read as </span>
          <MathLine tex={m.readAs} />
        </p>
      )}
    </div>
  );
}
