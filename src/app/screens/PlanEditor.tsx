import { useId, useState } from 'react';
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
      // The fields check their values first and explain what is wrong.
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
              <MinutesField
                minutes={r.minutes}
                disabled={!owner}
                onMinutes={(m) => tryChange(() => setMinutes(plan, i, m))}
              />
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

/**
 * Minutes as typed: any draft may be on screen ("2" on the way to "25"); a whole number from
 * 5 to 120 applies as soon as it is typed, anything else is explained and not applied.
 */
function MinutesField(props: {
  minutes: number;
  disabled: boolean;
  onMinutes: (minutes: number) => void;
}) {
  const [draft, setDraft] = useState(String(props.minutes));
  const [focused, setFocused] = useState(false);
  // What the round had before this edit: an invalid draft falls back to it, not to a prefix.
  const [before, setBefore] = useState(props.minutes);
  const id = useId();
  const shown = focused ? draft : String(props.minutes);
  const problem = minutesProblem(draft);
  return (
    <span className="minutes-field">
      <label htmlFor={id}>Minutes</label>{' '}
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={shown}
        disabled={props.disabled}
        aria-invalid={focused && problem !== null}
        aria-describedby={focused && problem ? `${id}-why` : undefined}
        onFocus={() => {
          setDraft(String(props.minutes));
          setBefore(props.minutes);
          setFocused(true);
        }}
        onBlur={() => setFocused(false)}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          const valid = minutesProblem(text) === null;
          if (valid) props.onMinutes(Number(text));
          else if (props.minutes !== before) props.onMinutes(before);
        }}
      />
      {focused && problem && (
        <span id={`${id}-why`} className="field-error" role="status">
          {problem} (kept at {before})
        </span>
      )}
    </span>
  );
}

export function minutesProblem(text: string): string | null {
  const t = text.trim();
  if (t === '') return 'Type a number of minutes from 5 to 120';
  if (!/^\d+$/.test(t)) return 'Minutes are a whole number';
  const n = Number(t);
  if (n < 5) return 'At least 5 minutes';
  if (n > 120) return 'At most 120 minutes';
  return null;
}
