// Settings: my projects (the research and production work a deep-dive round defends), and what
// this browser stores. Backups and export join here.
import { useCallback, useEffect, useId, useState } from 'react';
import type { Conflict } from '../../domain/backup';
import type { ImportPreview } from '../../store/app-store';
import type { ProjectRecord } from '../../store/db';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { download } from '../../ui/download';
import { useApp } from '../store-context';

const TYPES: { value: ProjectRecord['type']; label: string }[] = [
  { value: 'research', label: 'Research project (to present and defend)' },
  { value: 'production', label: 'Shipped system (a production story)' },
];

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
    hint: 'e.g. "+2.1 BLEU over the strongest baseline, 3 seeds" or "p99 120 → 45 ms".',
  },
  { key: 'limitations', label: 'Known limitations', hint: 'What it does not show or cannot do.' },
];

export function Settings() {
  return (
    <section className="settings">
      <h1 tabIndex={-1}>Settings</h1>
      <Projects />
      <Backup />
      <StorageInfo />
    </section>
  );
}

function blank(now: number): ProjectRecord {
  return {
    id: crypto.randomUUID(),
    type: 'research',
    title: '',
    summary: '',
    role: '',
    result: '',
    limitations: '',
    createdAt: now,
    updatedAt: now,
  };
}

function Projects() {
  const listProjects = useApp((s) => s.listProjects);
  const saveProject = useApp((s) => s.saveProject);
  const deleteProject = useApp((s) => s.deleteProject);
  const [projects, setProjects] = useState<ProjectRecord[] | null>(null);
  const [editing, setEditing] = useState<ProjectRecord | null>(null);
  const [removing, setRemoving] = useState<ProjectRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => listProjects().then(setProjects), [listProjects]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const save = async (p: ProjectRecord) => {
    try {
      await saveProject({ ...p, title: p.title.trim(), updatedAt: Date.now() });
      setEditing(null);
      setError(null);
      await reload();
    } catch (e) {
      setError(`Not saved: ${(e as Error).message}. Your text is still in the form.`);
    }
  };

  return (
    <section className="card" aria-labelledby="projects-h">
      <h2 id="projects-h">My projects</h2>
      <p className="muted">
        The research projects and shipped systems you present in deep-dive rounds. Kept in this
        browser and reused across sessions; a session keeps a copy of the one it was defended with,
        so deleting one here never changes an old session.
      </p>
      {projects === null ? (
        <p className="muted">Loading…</p>
      ) : projects.length === 0 && !editing ? (
        <p>No projects yet.</p>
      ) : (
        <ul className="project-list">
          {projects.map((p) => (
            <li key={p.id}>
              <strong>{p.title}</strong>{' '}
              <span className="muted">
                · {p.type === 'research' ? 'research' : 'production'} ·{' '}
                {p.result || 'no result yet'}
              </span>{' '}
              <button type="button" onClick={() => setEditing(p)} aria-label={`Edit ${p.title}`}>
                Edit
              </button>{' '}
              <button
                type="button"
                className="ghost"
                onClick={() => setRemoving(p)}
                aria-label={`Delete ${p.title}`}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {editing ? (
        <ProjectForm
          key={editing.id}
          project={editing}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <button type="button" className="primary" onClick={() => setEditing(blank(Date.now()))}>
          Add a project
        </button>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={`Delete "${removing?.title ?? ''}"?`}
        confirmLabel="Delete"
        danger
        onCancel={() => setRemoving(null)}
        onConfirm={async () => {
          if (removing) await deleteProject(removing.id);
          setRemoving(null);
          await reload();
        }}
      >
        <p>Sessions that used it keep their own copy.</p>
      </ConfirmDialog>
    </section>
  );
}

export function ProjectForm(props: {
  project: ProjectRecord;
  onSave: (p: ProjectRecord) => void;
  onCancel?: () => void;
  saveLabel?: string;
}) {
  const [p, setP] = useState(props.project);
  const [tried, setTried] = useState(false);
  const id = useId();
  const missingTitle = p.title.trim() === '';
  return (
    <form
      className="project-form"
      aria-label={props.project.title ? `Edit ${props.project.title}` : 'New project'}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!missingTitle) props.onSave(p);
      }}
    >
      <fieldset>
        <legend>Kind of project</legend>
        {TYPES.map((t) => (
          <label key={t.value} className="check">
            <input
              type="radio"
              name={`${id}-type`}
              checked={p.type === t.value}
              onChange={() => setP({ ...p, type: t.value })}
            />{' '}
            {t.label}
          </label>
        ))}
      </fieldset>
      <label className="block">
        <span>Title</span>
        <input
          type="text"
          value={p.title}
          aria-invalid={tried && missingTitle}
          aria-describedby={tried && missingTitle ? `${id}-title-why` : undefined}
          onChange={(e) => setP({ ...p, title: e.target.value })}
        />
        {tried && missingTitle && (
          <span id={`${id}-title-why`} className="field-error">
            Give the project a title.
          </span>
        )}
      </label>
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
          {props.saveLabel ?? 'Save project'}
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

function StorageInfo() {
  const [usage, setUsage] = useState<{ used: number; quota: number } | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  useEffect(() => {
    void navigator.storage
      ?.estimate?.()
      .then((e) => setUsage({ used: e.usage ?? 0, quota: e.quota ?? 0 }))
      .catch(() => {});
    void navigator.storage
      ?.persisted?.()
      .then(setPersisted)
      .catch(() => {});
  }, []);
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return (
    <section className="card" aria-labelledby="storage-h">
      <h2 id="storage-h">Storage in this browser</h2>
      <p>
        Everything you write, score and record stays in this browser&apos;s IndexedDB; nothing is
        sent anywhere.{' '}
        {usage
          ? `This site uses ${mb(usage.used)} of the ${mb(usage.quota)} the browser allows.`
          : ''}
      </p>
      {persisted !== null && (
        <p className="muted">
          {persisted
            ? 'The browser has agreed to keep this data when space runs low.'
            : 'The browser may clear this data when space runs low; a backup keeps it safe.'}
        </p>
      )}
    </section>
  );
}

function Backup() {
  const exportBackup = useApp((s) => s.exportBackup);
  const previewImport = useApp((s) => s.previewImport);
  const applyImport = useApp((s) => s.applyImport);
  const [media, setMedia] = useState(true);
  const [busy, setBusy] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [choices, setChoices] = useState<Conflict[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const fileId = useId();

  const save = async (withMedia: boolean) => {
    const file = await exportBackup({ media: withMedia });
    download(file.name, file.blob);
    return file;
  };
  const run = async (what: string, f: () => Promise<void>) => {
    setBusy(what);
    try {
      await f();
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card" aria-labelledby="backup-h">
      <h2 id="backup-h">Backup and import</h2>
      <p>
        A backup holds every session, answer, replay, project and preference, with its format
        version. It is a <code>.json</code> file, or a <code>.zip</code> of that file and the
        recordings.
      </p>
      <label className="check">
        <input type="checkbox" checked={media} onChange={(e) => setMedia(e.target.checked)} />{' '}
        Include recordings
      </label>{' '}
      <button
        type="button"
        className="primary"
        disabled={busy !== null}
        onClick={() => void run('export', async () => void (await save(media)))}
      >
        {busy === 'export' ? 'Preparing…' : 'Download a backup'}
      </button>
      <h3>Import a backup</h3>
      <p className="muted small">
        Up to 50 MB of JSON, or a zip of up to 1 GB. Everything is checked before anything is
        written; a file with any problem changes nothing.
      </p>
      <label htmlFor={fileId}>Backup file</label>{' '}
      <input
        id={fileId}
        type="file"
        accept=".json,.zip,application/json,application/zip"
        disabled={busy !== null}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          setDone(null);
          void run('read', async () => {
            const p = await previewImport(file);
            setPreview(p);
            setChoices(p.ok ? p.plan.conflicts : []);
          });
        }}
      />
      {busy === 'read' && <p className="muted">Checking the backup…</p>}
      {preview && !preview.ok && (
        <div className="error" role="alert">
          <p>
            <strong>Nothing was imported.</strong> The file has{' '}
            {preview.errors.length === 1 ? 'a problem' : `${preview.errors.length} problems`}:
          </p>
          <ul>
            {preview.errors.slice(0, 12).map((e) => (
              <li key={e}>
                <code>{e}</code>
              </li>
            ))}
            {preview.errors.length > 12 && <li>…and {preview.errors.length - 12} more</li>}
          </ul>
        </div>
      )}
      {preview?.ok && (
        <section className="import-preview" aria-label="What this import does">
          <p>
            Adds {preview.plan.addSessions.length} session
            {preview.plan.addSessions.length === 1 ? '' : 's'} and {preview.plan.addProjects.length}{' '}
            project{preview.plan.addProjects.length === 1 ? '' : 's'}
            {preview.plan.unchanged ? `; ${preview.plan.unchanged} already here unchanged` : ''}
            {preview.read.files.size ? `; ${preview.read.files.size} recorded pieces` : ''}.
          </p>
          {choices.length > 0 && (
            <fieldset>
              <legend>
                {choices.length === 1 ? 'One record differs' : `${choices.length} records differ`}{' '}
                from what is here. The one changed last is kept unless you pick the other:
              </legend>
              {choices.map((c, i) => (
                <div key={`${c.kind}-${c.id}`} className="conflict">
                  <span>
                    {c.kind === 'session' ? 'Session' : 'Project'} {c.title}
                  </span>{' '}
                  {(['mine', 'theirs'] as const).map((side) => (
                    <label key={side} className="check">
                      <input
                        type="radio"
                        name={`conflict-${i}`}
                        checked={c.keep === side}
                        onChange={() =>
                          setChoices(choices.map((x, j) => (j === i ? { ...x, keep: side } : x)))
                        }
                      />{' '}
                      {side === 'mine' ? 'Keep this browser’s' : 'Take the backup’s'} (changed{' '}
                      {new Date(side === 'mine' ? c.mine : c.theirs).toLocaleString()})
                    </label>
                  ))}
                </div>
              ))}
            </fieldset>
          )}
          <p className="muted small">
            Before anything is written, what this browser holds now is downloaded as a backup.
          </p>
          <button
            type="button"
            className="primary"
            disabled={busy !== null}
            onClick={() =>
              void run('import', async () => {
                await save(true);
                await applyImport(preview, choices);
                setDone(
                  `Imported: ${preview.plan.addSessions.length} new sessions, ${preview.plan.addProjects.length} new projects, ${choices.filter((c) => c.keep === 'theirs').length} replaced.`,
                );
                setPreview(null);
              })
            }
          >
            {busy === 'import' ? 'Importing…' : 'Import'}
          </button>{' '}
          <button type="button" onClick={() => setPreview(null)} disabled={busy !== null}>
            Cancel
          </button>
        </section>
      )}
      {done && (
        <p role="status" className="ok">
          {done} See <a href="#/history">History</a>.
        </p>
      )}
    </section>
  );
}
