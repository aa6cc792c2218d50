import { useEffect } from 'react';
import type { Track } from '../../domain/content';
import { kindSpecs } from '../../kinds/registry';
import { useShortcuts } from '../shortcuts';
import { useApp } from '../store-context';
import { useStartSession } from '../use-start';

const GLANCE: { key: keyof Track['glance']; label: string }[] = [
  { key: 'coding', label: 'Coding round' },
  { key: 'signatureRound', label: 'Signature round' },
  { key: 'math', label: 'Math depth' },
  { key: 'portfolio', label: 'Portfolio signal' },
  { key: 'failureMode', label: 'Top failure mode' },
];

export function Home() {
  const tracks = useApp((s) => s.catalog.tracks);
  const sessions = useApp((s) => s.sessions);
  const refresh = useApp((s) => s.refreshSessions);
  const { start, error, busy } = useStartSession();
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const inProgress = (sessions ?? []).filter(
    (s) => s.startedAt !== null && s.phase.name !== 'done',
  );
  const mle = tracks.find((t) => t.id === 'mle');
  const rs = tracks.find((t) => t.id === 'rs');
  const built = new Set(kindSpecs.map((k) => k.kind));

  useShortcuts([
    {
      key: 'm',
      label: 'Start an ML Engineer loop',
      run: () => start({ type: 'track', trackId: 'mle' }),
    },
    {
      key: 'r',
      label: 'Start a Research Scientist loop',
      run: () => start({ type: 'track', trackId: 'rs' }),
    },
  ]);

  return (
    <section className="home">
      <h1 tabIndex={-1}>Rehearse your ML interview loop</h1>
      <p className="lead">
        Timed rounds, written answers and real code, then an honest self-score against anchored
        rubrics. Everything stays in this browser.
      </p>

      {inProgress.length > 0 && (
        <section className="card resume" aria-label="In progress">
          <h2>In progress</h2>
          <ul>
            {inProgress.slice(0, 3).map((s) => (
              <li key={s.id}>
                <a href={`#/loop/${s.id}`}>
                  Resume{' '}
                  {s.mode === 'practice'
                    ? 'practice'
                    : `${tracks.find((t) => t.id === s.trackId)?.name ?? 'custom'} loop`}
                </a>{' '}
                <span className="muted">started {new Date(s.startedAt!).toLocaleString()}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <h2>Two tracks at a glance</h2>
      <div className="table-wrap">
        <table className="glance">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Aspect</span>
              </th>
              {[mle, rs].map(
                (t) =>
                  t && (
                    <th key={t.id} scope="col">
                      {t.name}
                    </th>
                  ),
              )}
            </tr>
          </thead>
          <tbody>
            {GLANCE.map((g) => (
              <tr key={g.key}>
                <th scope="row">{g.label}</th>
                {[mle, rs].map((t) => t && <td key={t.id}>{t.glance[g.key]}</td>)}
              </tr>
            ))}
            <tr>
              <th scope="row">Default loop here</th>
              {[mle, rs].map(
                (t) =>
                  t && (
                    <td key={t.id}>
                      {t.rounds.map((r) => `${r.title} (${r.minutes} min)`).join(' · ')}
                      {!built.has(t.signature.kind) && (
                        <span className="muted">
                          {' '}
                          — its signature round ({t.signature.title}) is not built yet
                        </span>
                      )}
                    </td>
                  ),
              )}
            </tr>
          </tbody>
        </table>
      </div>

      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => start({ type: 'track', trackId: 'mle' })}
        >
          Start an ML Engineer loop
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => start({ type: 'track', trackId: 'rs' })}
        >
          Start a Research Scientist loop
        </button>
        <a className="button" href="#/which-track">
          Which track is mine?
        </a>
        <a className="button" href="#/custom">
          Build a custom loop
        </a>
        <a className="button" href="#/practice">
          Practise one round
        </a>
        <a className="button" href="#/history">
          History
        </a>
      </div>
      {error && (
        <p role="alert" className="error">
          Could not start: {error}
        </p>
      )}
    </section>
  );
}
