// Views of the ML coding kind: statement beside a Monaco editor, Run and Submit against real
// Python in a worker, hints, and at scoring the reference and a replay of the round.
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { formatValue } from '../../domain/pyvalue';
import { formatClock } from '../../domain/timer';
import { python } from '../../runner/client';
import { CodeBlock } from '../../ui/CodeBlock';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Markdown } from '../../ui/Markdown';
import type { KindViews, ReviewSummaryProps, RoundViewProps, ScoringExtrasProps } from '../views';
import { CustomRun } from './CustomRun';
import { CodeEditor, type CodeEditorHandle } from './editor';
import { Results, type ShownRun } from './Results';
import { type Change, codeAt, lastMoment, ReplayRecorder, readChunks } from './replay';
import { type RunMode, runSubmission } from './requests';
import { RUN_LIMIT_MS, toRunRecord } from './run-record';
import { type CodingAnswer, type CodingTemplate, countOf, runsAndSubmits } from './spec';
import { editorUp, startPythonAfterEditor } from './warm';

function usePythonStatus() {
  const runner = python();
  return useSyncExternalStore(
    (fn) => runner.subscribe(fn),
    () => runner.status,
  );
}

function PythonBadge() {
  const status = usePythonStatus();
  const text = {
    off: 'Python not started',
    starting: 'Python starting…',
    restarting: 'Restarting Python…',
    ready: 'Python ready',
    running: 'Running…',
    failed: `Python failed to start${status.message ? `: ${status.message}` : ''}`,
  }[status.state];
  return (
    <span className={`badge python-${status.state}`} role="status" aria-live="polite">
      {text}
      {status.state === 'ready' && status.startMs
        ? ` (started in ${(status.startMs / 1000).toFixed(1)} s)`
        : ''}
    </span>
  );
}

function Round(props: RoundViewProps) {
  const template = props.template as CodingTemplate;
  const answer = props.answer as CodingAnswer;
  const { onChange, locked, roundClock, timeline } = props;
  const editor = useRef<CodeEditorHandle>(null);
  const latest = useRef(answer);
  latest.current = answer;
  const [shown, setShown] = useState<ShownRun | null>(null);
  const [busy, setBusy] = useState<RunMode | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);

  // Python starts once the editor is on screen (see warm.ts), in time for the first Run.
  useEffect(() => startPythonAfterEditor(), []);

  const recorder = useMemo(() => new ReplayRecorder(timeline.count, timeline.put), [timeline]);
  useEffect(() => {
    // A snapshot at every (re)load: the replay never depends on what came before a reload.
    if (!locked) recorder.snapshot(roundClock(), latest.current.code);
  }, [recorder, locked, roundClock]);

  // Every edit goes to the store at once (the store batches the writes to storage): a take-over
  // by another tab, a hidden tab or the time running out never finds code that only the editor has.
  const onEdit = useCallback(
    (value: string, changes: Change[]) => {
      if (locked) return;
      recorder.edit(roundClock(), changes, value);
      const next = { ...latest.current, code: value };
      latest.current = next;
      onChange(next);
    },
    [locked, recorder, roundClock, onChange],
  );

  const execute = useCallback(
    async (mode: RunMode) => {
      if (locked || busy) return;
      const code = editor.current?.getValue() ?? latest.current.code;
      const at = roundClock();
      setBusy(mode);
      const runner = python();
      // Posted to the worker first (when Python is idle), so it runs while the replay's
      // snapshot is journaled and the busy button renders.
      const running = runSubmission(
        (r, ms) => runner.run(r, ms),
        template,
        code,
        mode,
        RUN_LIMIT_MS,
      );
      recorder.snapshot(at, code);
      const outcome = await running;
      setBusy(null);
      setShown({ mode, outcome, entry: template.entry });
      const record = toRunRecord(at, mode, outcome);
      const next = { ...latest.current, runs: [...latest.current.runs, record] };
      latest.current = next;
      onChange(next);
    },
    [locked, busy, roundClock, recorder, template, onChange],
  );

  const showHint = () => {
    const next = {
      ...latest.current,
      hintsShown: Math.min(template.hints.length, latest.current.hintsShown + 1),
      hintTimes: [...latest.current.hintTimes, roundClock()],
    };
    latest.current = next;
    onChange(next);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      void execute(e.shiftKey ? 'submit' : 'run');
    }
  };

  const visible = template.tests.filter((t) => t.visible);
  const lastSubmit = [...answer.runs].reverse().find((r) => r.mode === 'submit');

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Ctrl+Enter anywhere in the round runs the code
    <div className="coding" onKeyDown={onKeyDown}>
      <section className="coding-problem" aria-label="Problem">
        <p className="muted">
          {template.difficulty} · {template.topic.replace(/-/g, ' ')} · about {template.minutes} min
        </p>
        <StatementBlock template={template} />
        <h2>Examples</h2>
        <ul className="examples">
          {visible.map((t) => (
            <li key={t.name}>
              <code>{callText(template.entry, t)}</code>
              {t.note && <span className="muted small"> — {t.note}</span>}
            </li>
          ))}
        </ul>
        <h2>Hints</h2>
        {template.hints.slice(0, answer.hintsShown).map((h, i) => (
          <div key={h} className="hint">
            <strong>Hint {i + 1}.</strong> <Markdown source={h} className="inline" />
          </div>
        ))}
        {answer.hintsShown < template.hints.length ? (
          <button type="button" onClick={showHint} disabled={locked}>
            Show hint {answer.hintsShown + 1} of {template.hints.length}
          </button>
        ) : (
          <p className="muted small">All hints shown. Each reveal is recorded for scoring.</p>
        )}
      </section>
      <section className="coding-work" aria-label="Your code">
        <div className="coding-toolbar">
          <button
            type="button"
            className="primary"
            onClick={() => void execute('run')}
            disabled={locked || busy !== null}
          >
            {busy === 'run' ? 'Running…' : 'Run'} <kbd>Ctrl+Enter</kbd>
          </button>
          <button
            type="button"
            onClick={() => void execute('submit')}
            disabled={locked || busy !== null}
          >
            {busy === 'submit' ? 'Submitting…' : 'Submit'} <kbd>Ctrl+Shift+Enter</kbd>
          </button>
          <button
            type="button"
            className="ghost"
            onClick={() => setConfirmReset(true)}
            disabled={locked}
          >
            Reset to starter
          </button>
          <PythonBadge />
        </div>
        <p className="muted small">
          <code>{template.signature}</code> · Submit stops after {RUN_LIMIT_MS / 1000} s · plain
          Python, no NumPy · Tab indents (Ctrl+M lets Tab move focus)
        </p>
        <CodeEditor
          ref={editor}
          initialValue={answer.code}
          readOnly={locked}
          label="Your Python code"
          onChange={onEdit}
          onRun={() => void execute('run')}
          onSubmit={() => void execute('submit')}
          onReady={editorUp}
        />
        <section className="results-panel" aria-label="Results">
          {shown === null && lastSubmit && (
            <p className="muted">
              Last Submit at {formatClock(lastSubmit.at)}: {lastSubmit.passed} of {lastSubmit.total}{' '}
              passed.
            </p>
          )}
          <Results run={shown} />
        </section>
        <CustomRun
          template={template}
          getCode={() => editor.current?.getValue() ?? latest.current.code}
          disabled={locked}
          withReference={props.practice === true}
        />
      </section>
      <ConfirmDialog
        open={confirmReset}
        title="Reset to the starter code?"
        confirmLabel="Reset"
        danger
        onCancel={() => setConfirmReset(false)}
        onConfirm={() => {
          setConfirmReset(false);
          editor.current?.setValue(template.starter);
        }}
      >
        <p>Your current code is replaced by the starter. The replay keeps what you had.</p>
      </ConfirmDialog>
    </div>
  );
}

const StatementBlock = ({ template }: { template: CodingTemplate }) => (
  <Markdown source={template.statement} className="statement" />
);

function callText(entry: string, t: CodingTemplate['tests'][number]): string {
  if (t.calls) {
    return `${t.calls.map(([name, args]) => `${name}(${(args as unknown[]).map((a) => formatValue(a)).join(', ')})`).join('; ')} → ${formatValue(t.expected)}`;
  }
  const call = `${entry}(${(t.args ?? []).map((a) => formatValue(a)).join(', ')})`;
  if (t.raises) return `${call} raises ${t.raises}`;
  if (t.property) return `${call} (checked by property: ${t.property})`;
  return `${call} → ${formatValue(t.expected)}`;
}

function Replay({
  template,
  answer,
  timeline,
  usedMs,
}: {
  template: CodingTemplate;
  answer: CodingAnswer;
  timeline: unknown[];
  usedMs: number;
}) {
  const chunks = useMemo(() => readChunks(timeline.filter(Boolean)), [timeline]);
  const end = Math.max(usedMs, lastMoment(chunks), ...answer.runs.map((r) => r.at));
  const [t, setT] = useState(end);
  const listId = useId();
  const code = codeAt(chunks, t, template.starter);
  const lines = code.split('\n');
  return (
    <div className="replay">
      <h3>Replay</h3>
      {chunks.length === 0 ? (
        <p className="muted">No edits were recorded in this round.</p>
      ) : (
        <>
          <label className="block">
            <span>
              Code at {formatClock(t)} of {formatClock(end)}
            </span>
            <input
              type="range"
              min={0}
              max={Math.max(1000, end)}
              step={1000}
              value={t}
              onChange={(e) => setT(Number(e.target.value))}
              list={listId}
              style={{ width: '100%' }}
            />
            <datalist id={listId}>
              {answer.runs.map((r) => (
                <option key={`${r.at}-${r.mode}`} value={r.at} />
              ))}
            </datalist>
          </label>
          <fieldset className="run-marks">
            <legend className="visually-hidden">Jump to a Run or Submit</legend>
            {answer.runs.map((r) => (
              <button
                type="button"
                key={`${r.at}-${r.mode}`}
                className={`run-mark ${r.outcome === 'ok' && r.passed === r.total && r.total > 0 ? 'pass' : 'fail'}`}
                onClick={() => setT(r.at)}
                title={`${r.mode} at ${formatClock(r.at)}`}
              >
                {formatClock(r.at)} {r.mode === 'submit' ? 'Submit' : 'Run'}{' '}
                {r.outcome === 'ok' ? `${r.passed}/${r.total}` : r.outcome}
              </button>
            ))}
          </fieldset>
          <CodeBlock className="replay-code">
            {lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a line is its position
              <span key={i} className="replay-line">
                <span className="ln" aria-hidden="true">
                  {i + 1}
                </span>
                {line}
                {'\n'}
              </span>
            ))}
          </CodeBlock>
        </>
      )}
    </div>
  );
}

function ScoringExtras(props: ScoringExtrasProps) {
  const template = props.template as CodingTemplate;
  const answer = props.answer as CodingAnswer;
  return (
    <div className="coding-scoring">
      <Replay template={template} answer={answer} timeline={props.timeline} usedMs={props.usedMs} />
      {answer.hintsShown > 0 && (
        <p>
          Hints used: {answer.hintsShown} of {template.hints.length} (at{' '}
          {answer.hintTimes
            .slice(0, answer.hintsShown)
            .map((t) => formatClock(t))
            .join(', ')}
          )
        </p>
      )}
      <h3>Reference solution</h3>
      <CodeBlock className="reference-code">{template.solution}</CodeBlock>
      <CustomRun template={template} getCode={() => answer.code} withReference />
    </div>
  );
}

function ReviewSummary(props: ReviewSummaryProps) {
  const template = props.template as CodingTemplate;
  const answer = props.answer as CodingAnswer;
  return (
    <div className="coding-summary">
      <p>
        {runsAndSubmits(answer.runs)}, {countOf(answer.hintsShown, 'hint')}.
      </p>
      <Replay template={template} answer={answer} timeline={props.timeline} usedMs={props.usedMs} />
    </div>
  );
}

const views: KindViews = { Round, ScoringExtras, ReviewSummary };
export default views;
