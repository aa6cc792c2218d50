import { findTrack } from '../../domain/content';
import { poolFor, setMinutes, swapTemplate, totalMinutes } from '../../domain/plan';
import { kindSpecs } from '../../kinds/registry';
import { navigate } from '../routes';
import { useShortcuts } from '../shortcuts';
import { useApp } from '../store-context';

export function PlanEditor() {
  const catalog = useApp((s) => s.catalog);
  const session = useApp((s) => s.current!.session);
  const setPlan = useApp((s) => s.setPlan);
  const dispatch = useApp((s) => s.dispatch);
  const deleteSession = useApp((s) => s.deleteSession);
  const owner = useApp((s) => s.ownership === 'owner');
  const plan = session.plan;
  const track = plan.trackId ? findTrack(catalog, plan.trackId) : undefined;
  const title =
    session.mode === 'practice' ? 'Practice round' : track ? `${track.name} loop` : 'Custom loop';

  const begin = () => dispatch({ type: 'start' });
  useShortcuts([{ key: 's', label: 'Start the loop', run: begin, enabled: owner }]);

  const tryChange = (f: () => typeof plan) => {
    try {
      setPlan(f());
    } catch {
      // Inputs constrain the values; an out-of-range number is simply not applied.
    }
  };

  return (
    <section>
      <h1 tabIndex={-1}>{title}: the plan</h1>
      <p className="lead">
        {plan.rounds.length} round{plan.rounds.length === 1 ? '' : 's'}, {totalMinutes(plan)}{' '}
        minutes in all. Swap a template or change the minutes, then start. The clock keeps running
        if you close the page, as in a real interview.
      </p>
      {plan.signature && !plan.signature.available && (
        <p className="card note" role="note">
          This track&apos;s signature round — <strong>{plan.signature.title}</strong> — is not built
          yet, so this loop runs without it. No other round stands in for it.
        </p>
      )}
      <ol className="plan-list">
        {plan.rounds.map((r, i) => {
          const spec = kindSpecs.find((k) => k.kind === r.kind);
          const pool = poolFor(catalog, r.kind, r.tags);
          return (
            <li key={r.slot} className="plan-row">
              <div>
                <strong>{r.title}</strong> <span className="muted">({spec?.title ?? r.kind})</span>
                {r.signature && <span className="badge">Signature round</span>}
              </div>
              <label>
                Template{' '}
                <select
                  value={r.templateId}
                  disabled={!owner}
                  onChange={(e) => tryChange(() => swapTemplate(catalog, plan, i, e.target.value))}
                >
                  {pool.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.title}
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
                  disabled={!owner}
                  onChange={(e) => tryChange(() => setMinutes(plan, i, Number(e.target.value)))}
                />
              </label>
              <span className="muted">weight {r.weight}</span>
            </li>
          );
        })}
      </ol>
      <div className="actions">
        <button type="button" className="primary" onClick={begin} disabled={!owner}>
          Start {session.mode === 'practice' ? 'the round' : 'the loop'}
        </button>
        <button
          type="button"
          onClick={async () => {
            await deleteSession(session.id);
            navigate({ name: 'home' });
          }}
        >
          Discard this plan
        </button>
      </div>
    </section>
  );
}
