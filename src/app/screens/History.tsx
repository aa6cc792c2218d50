import { useEffect, useMemo, useState } from 'react';
import type { Session } from '../../domain/session';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { download, safeJson } from '../../ui/download';
import { reviewModel } from '../review-model';
import { useApp } from '../store-context';
import { useFullCatalog } from '../use-full-catalog';

export function History() {
  const sessions = useApp((s) => s.sessions);
  const refresh = useApp((s) => s.refreshSessions);
  const deleteSession = useApp((s) => s.deleteSession);
  const [pending, setPending] = useState<Session | null>(null);
  const [undo, setUndo] = useState<{ label: string; run: () => Promise<void> } | null>(null);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    if (!undo) return;
    const t = setTimeout(() => setUndo(null), 10_000);
    return () => clearTimeout(t);
  }, [undo]);

  const list = (sessions ?? []).filter((s) => s.startedAt !== null);
  return (
    <section>
      <h1 tabIndex={-1}>History</h1>
      <DamagedRecords />
      {sessions === null ? (
        <p className="muted">Loading…</p>
      ) : list.length === 0 ? (
        <p>
          No sessions yet. <a href="#/">Start a loop</a> or{' '}
          <a href="#/practice">practise one round</a>.
        </p>
      ) : (
        <ul className="history">
          {list.map((s) => (
            <HistoryItem key={s.id} session={s} onDelete={() => setPending(s)} />
          ))}
        </ul>
      )}
      <div aria-live="polite">
        {undo && (
          <div className="toast" role="status">
            {undo.label}{' '}
            <button
              type="button"
              onClick={async () => {
                await undo.run();
                setUndo(null);
              }}
            >
              Undo
            </button>
          </div>
        )}
      </div>
      <ConfirmDialog
        open={pending !== null}
        title="Delete this session?"
        confirmLabel="Delete"
        danger
        onCancel={() => setPending(null)}
        onConfirm={async () => {
          const s = pending!;
          setPending(null);
          const restore = await deleteSession(s.id);
          if (restore) setUndo({ label: 'Session deleted.', run: restore });
        }}
      >
        <p>Its answers and scores are removed from this browser. You can undo for a few seconds.</p>
      </ConfirmDialog>
    </section>
  );
}

/** Records that failed their check when read: skipped everywhere, listed here as they are. */
function DamagedRecords() {
  const damaged = useApp((s) => s.damaged);
  if (damaged.length === 0) return null;
  return (
    <div className="card note" role="note">
      <h2>
        {damaged.length === 1 ? 'One stored record is' : `${damaged.length} stored records are`}{' '}
        damaged
      </h2>
      <p>
        They are skipped so the rest works; nothing was changed or deleted. Download one to keep it
        or to look at what is wrong.
      </p>
      <ul>
        {damaged.map((d) => (
          <li key={`${d.store}/${d.key}`}>
            <code>
              {d.store} {d.key}
            </code>
            : {d.error}{' '}
            <button
              type="button"
              onClick={() => download(`mockloop-damaged-${d.store}-${d.key}.json`, safeJson(d.raw))}
            >
              Download as stored
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function HistoryItem({ session, onDelete }: { session: Session; onDelete: () => void }) {
  const catalog = useFullCatalog(session.plan.rounds.map((r) => r.kind));
  const model = useMemo(() => reviewModel(catalog, session, {}), [catalog, session]);
  const done = session.phase.name === 'done';
  const label =
    session.mode === 'practice'
      ? `Practice · ${model.rounds[0]?.facts?.template.title ?? session.plan.rounds[0]?.templateId}`
      : `${model.track?.name ?? 'Custom'} loop · ${session.plan.rounds.length} rounds`;
  return (
    <li className="history-item">
      <a href={done ? `#/review/${session.id}` : `#/loop/${session.id}`}>{label}</a>
      <span className="muted">{new Date(session.startedAt!).toLocaleString()}</span>
      <span>
        {done ? (
          model.loop ? (
            catalog.verdict.labels[model.loop.verdict]
          ) : (
            'no verdict'
          )
        ) : (
          <em>in progress</em>
        )}
      </span>
      <button type="button" className="ghost" onClick={onDelete} aria-label={`Delete ${label}`}>
        Delete
      </button>
    </li>
  );
}
