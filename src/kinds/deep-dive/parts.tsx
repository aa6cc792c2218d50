// Pieces of the deep-dive views: the soft clocks, a typed answer with live math, the record
// button, a recording's player, reading a question aloud, and choosing the project to present.
import { memo, useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { download } from '../../ui/download';
import { Markdown } from '../../ui/Markdown';
import { mathErrors } from '../../ui/markdown';
import { useNow } from '../../ui/use-now';
import type { Project, ProjectAccess } from '../views';
import { formatDuration } from './clock';
import {
  fileExtension,
  formatBytes,
  recordedMs,
  recordingBlob,
  type StoredRecording,
} from './media';
import { findQuantities } from './quantities';
import type { Clip, ProjectCopy } from './spec';
import { speak, stopSpeaking } from './speech';

/** A step's soft clock: time on it against its budget; running over is shown, never blocked. */
export function SoftClock(props: {
  label: string;
  roundClock: () => number;
  startMs: number;
  budgetMs: number | null;
  running: boolean;
  /** Where the plan would be now, when that is further on (read with each tick). */
  behind?: () => string | null;
}) {
  useNow(1000, props.running);
  const spent = Math.max(0, props.roundClock() - props.startMs);
  const over = props.budgetMs === null ? 0 : Math.max(0, spent - props.budgetMs);
  const behind = props.behind?.() ?? null;
  return (
    <p className={`soft-clock${over ? ' over' : ''}`}>
      <span className="visually-hidden">{props.label}: </span>
      <span aria-hidden="true">{props.label} </span>
      <strong>{formatDuration(spent)}</strong>
      {props.budgetMs !== null && <> of {formatDuration(props.budgetMs)}</>}
      {over > 0 && (
        <span className="over-note"> · {formatDuration(over)} over (recorded, not blocking)</span>
      )}
      {behind && <span className="muted"> · {behind}</span>}
    </p>
  );
}

/** A typed answer: Markdown with $…$ math, previewed as it is typed. */
export const AnswerBox = memo(function AnswerBox(props: {
  id: string;
  label: string;
  value: string;
  locked: boolean;
  rows?: number;
  placeholder?: string;
  showQuantities?: boolean;
  onText: (id: string, text: string) => void;
}) {
  const preview = useDeferredValue(props.value);
  const errors = useMemo(() => mathErrors(preview), [preview]);
  const quantities = useMemo(
    () => (props.showQuantities ? findQuantities(preview) : []),
    [props.showQuantities, preview],
  );
  return (
    <div className="dd-answer">
      <div className="answer-grid">
        <label className="block">
          <span className="visually-hidden">{props.label}</span>
          <textarea
            className="answer"
            rows={props.rows ?? 6}
            value={props.value}
            readOnly={props.locked}
            aria-readonly={props.locked}
            placeholder={
              props.locked ? '(no answer)' : (props.placeholder ?? 'Your answer… ($x^2$ for math)')
            }
            onChange={(e) => props.onText(props.id, e.target.value)}
            spellCheck
          />
        </label>
        <div className="preview">
          <span className="visually-hidden">Preview of {props.label.toLowerCase()}:</span>
          {preview.trim() ? (
            <Markdown source={preview} />
          ) : (
            <p className="muted">Preview appears here.</p>
          )}
        </div>
      </div>
      {errors.length > 0 && (
        <p className="math-errors" role="status">
          {errors.length === 1 ? 'One formula' : `${errors.length} formulas`} will not render:{' '}
          {errors
            .map((e) => `${e.message}${e.position !== null ? ` (at ${e.position})` : ''}`)
            .join('; ')}
          . Your text is kept as typed.
        </p>
      )}
      {props.showQuantities && preview.trim() !== '' && (
        <p className="muted small dd-quantities">
          {quantities.length
            ? `Numbers found: ${quantities.map((q) => q.text).join(', ')}`
            : 'No number with a unit yet (a latency, a QPS, a lift in %, a cost).'}
        </p>
      )}
    </div>
  );
});

/** The record button and this part's recordings (length and size; deletable). */
export function RecordControls(props: {
  label: string;
  clips: Clip[];
  sizes: Record<string, number>;
  recording: { clip: string; startedAt: number } | null;
  starting: boolean;
  available: boolean;
  locked: boolean;
  onStart: () => void;
  onStop: () => void;
  onDelete: (clip: Clip) => void;
}) {
  const mine = props.recording && props.clips.some((c) => c.id === props.recording!.clip);
  return (
    <div className="dd-record">
      {!props.locked && props.available && (
        <button
          type="button"
          className={mine ? 'recording' : undefined}
          onClick={mine ? props.onStop : props.onStart}
          disabled={props.starting}
          aria-label={mine ? `Stop recording ${props.label}` : `Record ${props.label}`}
        >
          {mine ? '■ Stop recording' : props.starting ? 'Asking for the microphone…' : '● Record'}
        </button>
      )}
      {mine && <Elapsed since={props.recording!.startedAt} />}
      {props.clips.length > 0 && (
        <ul className="dd-clips" aria-label={`Recordings of ${props.label}`}>
          {props.clips.map((c, i) => {
            const live = props.recording?.clip === c.id;
            const ms = c.endedAt === null ? null : recordedMs(c);
            return (
              <li key={c.id}>
                Recording {i + 1}
                {live ? ' (recording…)' : ms !== null ? ` · ${formatDuration(ms)}` : ''}
                {props.sizes[c.id] !== undefined && ` · ${formatBytes(props.sizes[c.id]!)}`}
                {!props.locked && !live && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="ghost"
                      onClick={() => props.onDelete(c)}
                      aria-label={`Delete recording ${i + 1} of ${props.label}`}
                    >
                      Delete
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function Elapsed({ since }: { since: number }) {
  const now = useNow(1000);
  return (
    <span className="dd-elapsed" role="status">
      Recording · {formatDuration(Math.max(0, now - since))}
    </span>
  );
}

/**
 * One recording, played from its stored pieces. The length shown comes from the stored times;
 * a file the browser cannot decode says so and offers its download.
 */
export function ClipPlayer(props: {
  clip: Clip;
  stored: StoredRecording | undefined;
  label: string;
  onDelete?: () => void;
  onPlayable?: () => void;
}) {
  const { stored } = props;
  const [failed, setFailed] = useState(false);
  const url = useMemo(() => (stored ? URL.createObjectURL(recordingBlob(stored)) : null), [stored]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  if (!stored)
    return (
      <p className="muted small">{props.label}: the recording is no longer stored (deleted).</p>
    );
  const ms = recordedMs(props.clip, stored);
  const meta = `${ms === null ? '' : `${formatDuration(ms)} · `}${formatBytes(stored.bytes)}`;
  return (
    <div className="dd-player">
      <span className="small">
        {props.label} · {meta}
      </span>
      {failed ? (
        <p className="error small" role="status">
          This recording cannot be played in this browser ({stored.mimeType}).{' '}
          <button
            type="button"
            onClick={() =>
              download(`${props.clip.id}.${fileExtension(stored.mimeType)}`, recordingBlob(stored))
            }
          >
            Download it
          </button>
        </p>
      ) : (
        // biome-ignore lint/a11y/useMediaCaption: a spoken answer of the person's own, with no text to caption
        <audio
          controls
          preload="metadata"
          src={url ?? undefined}
          aria-label={`${props.label}, ${meta}`}
          onError={() => setFailed(true)}
          onLoadedMetadata={props.onPlayable}
        />
      )}
      {props.onDelete && (
        <button
          type="button"
          className="ghost"
          onClick={props.onDelete}
          aria-label={`Delete ${props.label.toLowerCase()}`}
        >
          Delete
        </button>
      )}
    </div>
  );
}

/** Reads a question aloud with a local system voice, or says why it cannot. */
export function ReadAloud({ text, label }: { text: string; label: string }) {
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => () => stopSpeaking(), []);
  return (
    <span className="dd-read-aloud">
      <button
        type="button"
        className="ghost"
        aria-label={`Read aloud: ${label}`}
        onClick={async () => {
          const r = await speak(text);
          setNote(r.ok ? null : r.message);
        }}
      >
        Read aloud
      </button>
      {note && (
        <span className="muted small" role="status">
          {' '}
          {note}
        </span>
      )}
    </span>
  );
}

export const copyProject = (p: Project): ProjectCopy => ({
  id: p.id,
  type: p.type,
  title: p.title,
  summary: p.summary,
  role: p.role,
  result: p.result,
  limitations: p.limitations,
});

const FIELDS: {
  key: 'summary' | 'role' | 'result' | 'limitations';
  label: string;
  hint: string;
}[] = [
  { key: 'summary', label: 'Summary', hint: 'One paragraph: the problem, the gap, the approach.' },
  {
    key: 'role',
    label: 'Your own role',
    hint: 'What you did yourself, as distinct from the team.',
  },
  {
    key: 'result',
    label: 'Key result, with numbers',
    hint: 'e.g. "+2.1 BLEU, 3 seeds" or "p99 120 → 45 ms".',
  },
  { key: 'limitations', label: 'Known limitations', hint: 'What it does not show or cannot do.' },
];

/**
 * Choosing what to present: one of my projects (those of the round's type first), or a new one
 * written here and saved to My projects. (A small copy of Settings' form: kinds do not import
 * the app.)
 */
export function ProjectPicker(props: {
  want: 'research' | 'production';
  projects?: ProjectAccess;
  onPick: (p: Project) => void;
}) {
  const [list, setList] = useState<Project[] | null>(props.projects ? null : []);
  const [writing, setWriting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!props.projects) return;
    let live = true;
    props.projects
      .list()
      .then((l) => live && setList(l))
      .catch(() => live && setList([]));
    return () => {
      live = false;
    };
  }, [props.projects]);
  const noun = props.want === 'research' ? 'research project' : 'system you shipped';
  const fitting = (list ?? []).filter((p) => p.type === props.want);
  const others = (list ?? []).filter((p) => p.type !== props.want);
  const save = async (p: Project) => {
    try {
      await props.projects?.save(p);
      props.onPick(p);
    } catch (e) {
      setError(
        `Not saved to My projects: ${(e as Error).message}. It is used for this round anyway.`,
      );
      props.onPick(p);
    }
  };
  const pickList = (items: Project[], label: string) =>
    items.length > 0 && (
      <ul className="dd-projects" aria-label={label}>
        {items.map((p) => (
          <li key={p.id}>
            <strong>{p.title}</strong>
            {p.result && <span className="muted"> · {p.result}</span>}{' '}
            <button
              type="button"
              className="primary"
              onClick={() => props.onPick(p)}
              aria-label={`Present this: ${p.title}`}
            >
              Present this
            </button>
          </li>
        ))}
      </ul>
    );
  return (
    <section className="card dd-picker" aria-labelledby="dd-picker-h">
      <h2 id="dd-picker-h">Choose the {noun} you will present</h2>
      <p className="muted">
        The round clock is running. Your choice is copied into this session, so editing or deleting
        it later in Settings never changes this round.
      </p>
      {list === null ? (
        <p className="muted">Loading your projects…</p>
      ) : (
        <>
          {fitting.length === 0 && others.length === 0 && (
            <p>You have no projects yet: write one here (it is saved to My projects).</p>
          )}
          {pickList(
            fitting,
            `Your ${props.want === 'research' ? 'research projects' : 'shipped systems'}`,
          )}
          {others.length > 0 && <p className="muted small">Other projects:</p>}
          {pickList(others, 'Other projects')}
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {writing || (list !== null && list.length === 0) ? (
        <NewProjectForm
          type={props.want}
          onSave={save}
          onCancel={list?.length ? () => setWriting(false) : undefined}
        />
      ) : (
        list !== null && (
          <button type="button" onClick={() => setWriting(true)}>
            Write a new one
          </button>
        )
      )}
    </section>
  );
}

function NewProjectForm(props: {
  type: 'research' | 'production';
  onSave: (p: Project) => void;
  onCancel?: () => void;
}) {
  const [p, setP] = useState(() => {
    const now = Date.now();
    return {
      id: crypto.randomUUID(),
      type: props.type,
      title: '',
      summary: '',
      role: '',
      result: '',
      limitations: '',
      createdAt: now,
      updatedAt: now,
    } satisfies Project;
  });
  const [tried, setTried] = useState(false);
  const id = useId();
  const missing = p.title.trim() === '';
  return (
    <form
      className="project-form"
      aria-label="New project"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!missing) props.onSave({ ...p, title: p.title.trim(), updatedAt: Date.now() });
      }}
    >
      <label className="block">
        <span>Title</span>
        <input
          type="text"
          value={p.title}
          aria-invalid={tried && missing}
          aria-describedby={tried && missing ? `${id}-why` : undefined}
          onChange={(e) => setP({ ...p, title: e.target.value })}
        />
      </label>
      {tried && missing && (
        <p id={`${id}-why`} className="field-error">
          Give the project a title.
        </p>
      )}
      {FIELDS.map((f) => (
        <label key={f.key} className="block">
          <span>{f.label}</span>
          <span className="muted small"> {f.hint}</span>
          <textarea
            rows={f.key === 'summary' ? 4 : 2}
            value={p[f.key]}
            onChange={(e) => setP({ ...p, [f.key]: e.target.value })}
          />
        </label>
      ))}
      <div className="actions">
        <button type="submit" className="primary">
          Save and present it
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** The project as the session keeps it. */
export function ProjectCard({ project }: { project: ProjectCopy }) {
  return (
    <details className="card dd-project">
      <summary>
        Presenting: <strong>{project.title}</strong>
      </summary>
      <dl>
        {FIELDS.map((f) =>
          project[f.key].trim() ? (
            <div key={f.key}>
              <dt>{f.label}</dt>
              <dd>{project[f.key]}</dd>
            </div>
          ) : null,
        )}
      </dl>
    </details>
  );
}
