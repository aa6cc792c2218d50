import { useEffect, useMemo, useRef, useState } from 'react';
import { findTemplate } from '../../domain/content';
import type { Session } from '../../domain/session';
import { kindEntry, kindSpecs } from '../../kinds/registry';
import { markResumed } from '../resumed';
import { navigate } from '../routes';
import { useApp } from '../store-context';
import { useStartSession } from '../use-start';
import { NotFound } from './NotFound';

export function Practice() {
  const catalog = useApp((s) => s.catalog);
  return (
    <section>
      <h1 tabIndex={-1}>Practise one round</h1>
      <p className="lead">
        Same round screen and scoring as a loop, with pause, +5 min and untimed free to use.
      </p>
      <ul className="cards">
        {kindSpecs.map((k) => (
          <li key={k.kind} className="card">
            <h2>
              <a href={`#/practice/${k.kind}`}>{k.title}</a>
            </h2>
            <p>{k.blurb}</p>
            <p className="muted">{(catalog.templates[k.kind] ?? []).length} templates</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PracticeKind({ kind }: { kind: string }) {
  const catalog = useApp((s) => s.catalog);
  const { start, busy, error } = useStartSession();
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const spec = kindEntry(kind)?.spec;
  const all = catalog.templates[kind] ?? [];
  const tags = useMemo(() => {
    const counts = new Map<string, number>();
    for (const t of all) for (const x of t.tags) counts.set(x, (counts.get(x) ?? 0) + 1);
    return [...counts.entries()].filter(([, n]) => n > 1).sort((a, b) => a[0].localeCompare(b[0]));
  }, [all]);
  if (!spec) return <NotFound what="kind" />;
  const q = query.trim().toLowerCase();
  const shown = all
    .filter((t) => !tag || t.tags.includes(tag))
    .filter((t) => !q || `${t.title} ${t.summary} ${t.tags.join(' ')}`.toLowerCase().includes(q))
    .sort((a, b) => a.title.localeCompare(b.title));
  return (
    <section>
      <h1 tabIndex={-1}>Practise: {spec.title}</h1>
      <p className="lead">{spec.blurb}</p>
      <div className="filters">
        <label>
          Search{' '}
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="attention, heap…"
          />
        </label>
        <label>
          Tag{' '}
          <select value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">all</option>
            {tags.map(([name, n]) => (
              <option key={name} value={name}>
                {name} ({n})
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() =>
            start({ type: 'practice', kind, tags: tag ? [tag] : [] }, { startNow: true })
          }
        >
          Surprise me{tag ? ` (${tag})` : ''}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p className="muted" aria-live="polite">
        {shown.length} of {all.length} templates
      </p>
      <ul className="template-list">
        {shown.map((t) => (
          <li key={t.id}>
            <a href={`#/practice/${kind}/${t.id}`}>{t.title}</a>{' '}
            <span className="muted">
              · {t.minutes} min · {t.difficulty}
            </span>
            <div className="muted small">{t.summary}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function inProgressPractice(s: Session, kind: string, templateId: string): boolean {
  const r = s.plan.rounds[0];
  return (
    s.mode === 'practice' &&
    s.startedAt !== null &&
    s.phase.name !== 'done' &&
    r?.kind === kind &&
    r.templateId === templateId
  );
}

// StrictMode (and a fast double navigation) may mount twice: one session per address.
const starting = new Set<string>();

/**
 * #/practice/<kind>/<id>: resumes this template's practice round if one is in progress, else
 * creates a practice session and moves to its own address. …/<id>/new always starts afresh.
 */
export function PracticeStart({
  kind,
  templateId,
  fresh = false,
}: {
  kind: string;
  templateId: string;
  fresh?: boolean;
}) {
  const catalog = useApp((s) => s.catalog);
  const refreshSessions = useApp((s) => s.refreshSessions);
  const { start, error } = useStartSession();
  const exists = Boolean(kindEntry(kind) && findTemplate(catalog, kind, templateId));
  const once = useRef(false);
  useEffect(() => {
    const key = `${kind}/${templateId}`;
    if (!exists || once.current || starting.has(key)) return;
    once.current = true;
    starting.add(key);
    void (async () => {
      const open = fresh
        ? undefined
        : (await refreshSessions()).find((s) => inProgressPractice(s, kind, templateId));
      if (open) {
        markResumed(open.id, { kind, templateId });
        navigate({ name: 'loop', sessionId: open.id }, { replace: true });
      } else {
        await start({ type: 'practice', kind, templateId }, { replace: true, startNow: true });
      }
    })().finally(() => starting.delete(key));
  }, [exists, kind, templateId, start, fresh, refreshSessions]);
  if (!kindEntry(kind)) return <NotFound what="kind" />;
  if (!exists) return <NotFound what="template" />;
  return error ? (
    <p className="error" role="alert">
      {error}
    </p>
  ) : (
    <p className="muted">Starting the round…</p>
  );
}
