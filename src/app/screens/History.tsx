import {
  memo,
  startTransition,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useState,
} from 'react';
import {
  filterPoints,
  type HistoryFilter,
  sessionsPerWeek,
  timeTicks,
  trendLines,
} from '../../domain/progress';
import type { Session } from '../../domain/session';
import { kindSpecs } from '../../kinds/registry';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { download, safeJson } from '../../ui/download';
import { Loadable, lazyRetry, useSettled } from '../../ui/Loadable';
import { type SessionSummary, summariseCached } from '../history-model';
import { useApp } from '../store-context';

export function History() {
  const sessions = useApp((s) => s.sessions);
  const catalog = useApp((s) => s.catalog);
  const refresh = useApp((s) => s.refreshSessions);
  const deleteSession = useApp((s) => s.deleteSession);
  const [pending, setPending] = useState<Session | null>(null);
  const [undo, setUndo] = useState<{ label: string; run: () => Promise<void> } | null>(null);
  const [filter, setFilter] = useState<HistoryFilter>({});
  const [compare, setCompare] = useState<string[]>([]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    if (!undo) return;
    const t = setTimeout(() => setUndo(null), 10_000);
    return () => clearTimeout(t);
  }, [undo]);

  const summaries = useMemo(
    () =>
      (sessions ?? []).filter((s) => s.startedAt !== null).map((s) => summariseCached(catalog, s)),
    [sessions, catalog],
  );
  // The filter picks rows by id; every row stays mounted and a filtered-out one is hidden, so a
  // filter re-renders only the rows it shows or hides, and creates no DOM (HistoryItem is memoised).
  const shownIds = useMemo(
    () =>
      new Set(
        filterPoints(
          summaries.map((x) => x.point),
          filter,
        ).map((p) => p.id),
      ),
    [summaries, filter],
  );
  const shown = useMemo(
    () => summaries.filter((x) => shownIds.has(x.point.id)),
    [summaries, shownIds],
  );
  // The charts follow the rows: drawn once the rows have been painted, and redrawn after a
  // filter's frame (a deferred render React can interrupt), never holding up either.
  const charted = useDeferredValue(
    useMemo(() => ({ shown, kind: filter.kind }), [shown, filter.kind]),
  );
  const afterRows = useAfterPaint(summaries.length > 0);
  const trendCode = useSettled(afterRows ? Charts.TrendLines : null);
  const weekCode = useSettled(afterRows ? Charts.WeekBars : null);
  const drawCharts = useDeferredValue(afterRows && trendCode && weekCode);
  // Stable, so a filter re-renders only the rows it adds (HistoryItem is memoised).
  const toggleCompare = useCallback(
    (id: string) =>
      setCompare((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c.slice(-1), id])),
    [],
  );
  const compared = compare.flatMap((id) => summaries.filter((x) => x.session.id === id));

  return (
    <section className="history-screen">
      <h1 tabIndex={-1}>History</h1>
      <DamagedRecords />
      {sessions === null ? (
        <p className="muted">Loading…</p>
      ) : summaries.length === 0 ? (
        <p>
          No sessions yet. <a href="#/">Start a loop</a> or{' '}
          <a href="#/practice">practise one round</a>.
        </p>
      ) : (
        <>
          <Filters filter={filter} onChange={setFilter} />
          <p className="muted" aria-live="polite">
            {shown.length} of {summaries.length} sessions
          </p>
          {compared.length === 2 && (
            <Compare a={compared[0]!} b={compared[1]!} onClose={() => setCompare([])} />
          )}
          {compared.length === 1 && (
            <p className="muted" role="status">
              Pick one more session to compare with {compared[0]!.label}.
            </p>
          )}
          <ul className="history">
            {summaries.map((x) => (
              <HistoryItem
                key={x.session.id}
                summary={x}
                hidden={!shownIds.has(x.point.id)}
                comparing={compare.includes(x.session.id)}
                onCompare={toggleCompare}
                onDelete={setPending}
              />
            ))}
          </ul>
          {!drawCharts ? (
            shown.length > 0 && <p className="muted">Loading the charts…</p>
          ) : (
            <Loadable what="the charts" fallback={<p className="muted">Loading the charts…</p>}>
              <HistoryCharts shown={charted.shown} kind={charted.kind} />
            </Loadable>
          )}
        </>
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

/**
 * False until the frame after `ready` first turned true has been painted; then true (set in a
 * transition, so what it reveals renders in slices the browser can interrupt).
 */
function useAfterPaint(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!ready || after) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = () => {
      timer = setTimeout(() => startTransition(() => setAfter(true)), 0);
    };
    const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(next) : 0;
    if (!frame) next();
    return () => {
      if (frame) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, after]);
  return after;
}

const dayInput = (at: number | undefined) =>
  at === undefined ? '' : new Date(at).toISOString().slice(0, 10);

function Filters({
  filter,
  onChange,
}: {
  filter: HistoryFilter;
  onChange: (f: HistoryFilter) => void;
}) {
  const tracks = useApp((s) => s.catalog.tracks);
  const set = (patch: Partial<HistoryFilter>) => {
    const next = { ...filter, ...patch };
    for (const k of Object.keys(next) as (keyof HistoryFilter)[])
      if (next[k] === undefined || next[k] === '') delete next[k];
    onChange(next);
  };
  const day = (v: string, end = false) =>
    v ? Date.parse(`${v}T00:00:00Z`) + (end ? 86_400_000 : 0) : undefined;
  return (
    <fieldset className="filters">
      <legend className="visually-hidden">Filter sessions</legend>
      <label>
        Track{' '}
        <select
          value={filter.track ?? ''}
          onChange={(e) => set({ track: (e.target.value || undefined) as HistoryFilter['track'] })}
        >
          <option value="">all</option>
          {tracks.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
          <option value="custom">custom loops</option>
          <option value="practice">practice</option>
        </select>
      </label>
      <label>
        Round kind{' '}
        <select
          value={filter.kind ?? ''}
          onChange={(e) => set({ kind: e.target.value || undefined })}
        >
          <option value="">all</option>
          {kindSpecs.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        From{' '}
        <input
          type="date"
          value={dayInput(filter.from)}
          onChange={(e) => set({ from: day(e.target.value) })}
        />
      </label>
      <label>
        To{' '}
        <input
          type="date"
          value={filter.to === undefined ? '' : dayInput(filter.to - 86_400_000)}
          onChange={(e) => set({ to: day(e.target.value, true) })}
        />
      </label>
      {Object.keys(filter).length > 0 && (
        <button type="button" className="ghost" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </fieldset>
  );
}

const Charts = {
  TrendLines: lazyRetry(() => import('../../ui/charts').then((m) => ({ default: m.TrendLines }))),
  WeekBars: lazyRetry(() => import('../../ui/charts').then((m) => ({ default: m.WeekBars }))),
};

// Memoised: a filter's urgent render passes the charts their old (deferred) data, and they skip it.
const HistoryCharts = memo(function HistoryCharts({
  shown,
  kind,
}: {
  shown: SessionSummary[];
  kind?: string;
}) {
  const policy = useApp((s) => s.catalog.verdict);
  const names = useMemo(() => Object.assign({}, ...shown.map((x) => x.names)), [shown]);
  const lines = useMemo(
    () =>
      trendLines(
        shown.map((x) => x.point),
        kind,
        {
          dimension: (ref) => names[ref] ?? ref,
          kind: (k) => `${kindSpecs.find((s) => s.kind === k)?.title ?? k} (mean)`,
        },
      ),
    [shown, names, kind],
  );
  const weeks = useMemo(() => sessionsPerWeek(shown.map((x) => x.point)), [shown]);
  const ticks = useMemo(() => {
    const at = lines.flatMap((t) => t.points.map((p) => p.at));
    return timeTicks(Math.min(...at), Math.max(...at), 10);
  }, [lines]);
  if (shown.length === 0) return null;
  const t = policy.thresholds;
  const l = policy.labels;
  return (
    <section aria-labelledby="trends-h" className="charts">
      <h2 id="trends-h">Over time</h2>
      {lines.length > 0 && (
        <Charts.TrendLines
          trends={lines}
          ticks={ticks}
          thresholds={[
            { value: t.strongNoHireBelow, label: l['lean-no-hire'] },
            { value: t.leanNoHireBelow, label: l['lean-hire'] },
            { value: t.leanHireBelow, label: l['strong-hire'] },
          ]}
        />
      )}
      <Charts.WeekBars weeks={weeks} />
    </section>
  );
});

function Compare({ a, b, onClose }: { a: SessionSummary; b: SessionSummary; onClose: () => void }) {
  const labels = useApp((s) => s.catalog.verdict.labels);
  const refs = [
    ...new Set([...Object.keys(a.point.dimensions), ...Object.keys(b.point.dimensions)]),
  ].sort();
  const names = { ...a.names, ...b.names };
  const cell = (x: SessionSummary, ref: string) => {
    const v = x.point.dimensions[ref];
    return v === undefined ? '–' : v.toFixed(2);
  };
  const minutes = (x: SessionSummary) =>
    x.rounds.reduce((n, r) => n + (r.usedMin ?? 0), 0).toFixed(0);
  const when = (x: SessionSummary) => new Date(x.point.at).toLocaleDateString();
  return (
    <section className="card compare" aria-labelledby="compare-h">
      <h2 id="compare-h">Compare two sessions</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">
                {a.label} ({when(a)})
              </th>
              <th scope="col">
                {b.label} ({when(b)})
              </th>
            </tr>
          </thead>
          <tbody>
            {refs.map((ref) => (
              <tr key={ref}>
                <th scope="row">{names[ref] ?? ref}</th>
                <td>{cell(a, ref)}</td>
                <td>{cell(b, ref)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">Minutes played</th>
              <td>{minutes(a)}</td>
              <td>{minutes(b)}</td>
            </tr>
            <tr>
              <th scope="row">Verdict</th>
              <td>
                {a.loop ? `${labels[a.loop.verdict]} (${a.loop.weightedMean.toFixed(2)})` : '–'}
              </td>
              <td>
                {b.loop ? `${labels[b.loop.verdict]} (${b.loop.weightedMean.toFixed(2)})` : '–'}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <button type="button" onClick={onClose}>
        Close the comparison
      </button>
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

// Date.prototype.toLocaleString() with no arguments formats with these fields; one formatter made
// once is the same text without building a formatter per row (200 rows: most of their render).
const startedFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** A row: shown or hidden by the filters without rendering its content again. */
const HistoryItem = memo(function HistoryItem({ hidden, ...row }: RowProps & { hidden: boolean }) {
  return (
    <li className="history-item" hidden={hidden}>
      <HistoryRow {...row} />
    </li>
  );
});

interface RowProps {
  summary: SessionSummary;
  comparing: boolean;
  onCompare: (id: string) => void;
  onDelete: (session: Session) => void;
}

const HistoryRow = memo(function HistoryRow({ summary, comparing, onCompare, onDelete }: RowProps) {
  const labels = useApp((s) => s.catalog.verdict.labels);
  const { session, label, done, loop } = summary;
  return (
    <>
      <a href={done ? `#/review/${session.id}` : `#/loop/${session.id}`}>{label}</a>
      <span className="muted">{startedFormat.format(session.startedAt!)}</span>
      <span>{done ? loop ? labels[loop.verdict] : 'no verdict' : <em>in progress</em>}</span>
      <label className="check">
        <input type="checkbox" checked={comparing} onChange={() => onCompare(session.id)} /> Compare
        <span className="visually-hidden"> {label}</span>
      </label>
      <button
        type="button"
        className="ghost"
        onClick={() => onDelete(session)}
        aria-label={`Delete ${label}`}
      >
        Delete
      </button>
    </>
  );
});
