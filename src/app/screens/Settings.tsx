// Settings: my projects (the research and production work a deep-dive round defends), and what
// this browser stores. Backups and export join here.
import { useCallback, useEffect, useId, useState } from 'react';
import type { ProjectRecord } from '../../store/db';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
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
