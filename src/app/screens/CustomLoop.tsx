import { useState } from 'react';
import { poolFor, type RoundRequest } from '../../domain/plan';
import { kindSpecs } from '../../kinds/registry';
import { useApp } from '../store-context';
import { useStartSession } from '../use-start';

export function CustomLoop() {
  const catalog = useApp((s) => s.catalog);
  const kinds = kindSpecs.filter((k) => (catalog.templates[k.kind] ?? []).length > 0);
  const [rounds, setRounds] = useState<RoundRequest[]>(() => [
    { kind: kinds[0]!.kind, minutes: 30, weight: 1 },
  ]);
  const [from, setFrom] = useState('');
  const { start, error, busy } = useStartSession();
  const update = (i: number, change: Partial<RoundRequest>) =>
    setRounds((rs) => rs.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const move = (i: number, d: -1 | 1) =>
    setRounds((rs) => {
      const next = [...rs];
      const j = i + d;
      if (j < 0 || j >= rs.length) return rs;
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
  const total = rounds.reduce((s, r) => s + r.minutes, 0);
  const invalid = rounds.some(
    (r) => !Number.isInteger(r.minutes) || r.minutes < 5 || r.minutes > 120 || !(r.weight > 0),
  );

  return (
    <section>
      <h1 tabIndex={-1}>Build a custom loop</h1>
      <p className="lead">
        Choose the rounds, their length and weight. Templates are drawn next, and you can swap them.
      </p>
      <label>
        Start from a track{' '}
        <select
          value={from}
          onChange={(e) => {
            setFrom(e.target.value);
            const t = catalog.tracks.find((x) => x.id === e.target.value);
            if (t)
              setRounds(
                t.rounds.map((r) => ({
                  kind: r.kind,
                  minutes: r.minutes,
                  weight: r.weight,
                  title: r.title,
                  tags: r.tags,
                })),
              );
          }}
        >
          <option value="">(empty)</option>
          {catalog.tracks.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <ol className="plan-list">
        {rounds.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rounds have no identity beyond their position
          <li key={i} className="plan-row">
            <label>
              Kind{' '}
              <select
                value={r.kind}
                onChange={(e) => update(i, { kind: e.target.value, tags: [], title: undefined })}
              >
                {kinds.map((k) => (
                  <option key={k.kind} value={k.kind}>
                    {k.title}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Minutes{' '}
              <input
                type="number"
                min={5}
                max={120}
                value={r.minutes}
                onChange={(e) => update(i, { minutes: Number(e.target.value) })}
              />
            </label>
            <label>
              Weight{' '}
              <input
                type="number"
                min={0.5}
                max={5}
                step={0.5}
                value={r.weight}
                onChange={(e) => update(i, { weight: Number(e.target.value) })}
              />
            </label>
            <span className="muted">{poolFor(catalog, r.kind, r.tags ?? []).length} templates</span>
            <span className="row">
              <button
                type="button"
                onClick={() => move(i, -1)}
                disabled={i === 0}
                aria-label={`Move round ${i + 1} up`}
              >
                ↑
              </button>
              <button
                type="button"
                onClick={() => move(i, 1)}
                disabled={i === rounds.length - 1}
                aria-label={`Move round ${i + 1} down`}
              >
                ↓
              </button>
              <button
                type="button"
                onClick={() => setRounds((rs) => rs.filter((_, j) => j !== i))}
                disabled={rounds.length === 1}
                aria-label={`Remove round ${i + 1}`}
              >
                Remove
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p>
        <button
          type="button"
          onClick={() =>
            setRounds((rs) => [...rs, { kind: kinds[0]!.kind, minutes: 30, weight: 1 }])
          }
          disabled={rounds.length >= 8}
        >
          Add a round
        </button>{' '}
        <span className="muted">Total {total} minutes</span>
      </p>
      {invalid && (
        <p className="error">Minutes must be whole numbers from 5 to 120, and weights positive.</p>
      )}
      <button
        type="button"
        className="primary"
        disabled={busy || invalid}
        onClick={() => start({ type: 'custom', rounds })}
      >
        Draw templates and review the plan
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
