// The interviewer's side of a system design round, beside the board: clarifying questions, the
// stage clock and notes, the estimates and the timed follow-ups. Presentational: each panel gets
// what it shows and reports what the person did; the round keeps the answer.
import { memo, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatClock } from '../../domain/timer';
import { Markdown } from '../../ui/Markdown';
import { mathErrors } from '../../ui/markdown';
import { useNow } from '../../ui/use-now';
import { describeQuantity, type EstimateUnit, parseEstimate, unitOf } from './estimate';
import type { Clarification, DesignAnswer, Estimate, Followup } from './spec';
import {
  expectedStage,
  type PlannedStage,
  STAGE_IDS,
  STAGES,
  type StageId,
  stageDrift,
} from './stages';

const words = (s: string | undefined) => (s ?? '').trim().split(/\s+/).filter(Boolean).length;

export const ClarifyPanel = memo(function ClarifyPanel(props: {
  clarifications: Clarification[];
  asks: DesignAnswer['asks'];
  locked: boolean;
  onAsk(id: string): void;
}) {
  const asked = new Map(props.asks.map((a) => [a.id, a.at]));
  const headingId = useId();
  return (
    <section className="sd-panel sd-clarify" aria-labelledby={headingId}>
      <h2 id={headingId}>Clarify</h2>
      <p className="muted small">
        Ask what you would ask the interviewer; each answer gives concrete facts. Asks are recorded
        with their time. Which questions mattered most is shown at scoring.
      </p>
      <ul className="sd-questions">
        {props.clarifications.map((c) => {
          const at = asked.get(c.id);
          return (
            <li key={c.id} className={at === undefined ? 'unasked' : 'asked'}>
              {at === undefined ? (
                <button
                  type="button"
                  className="sd-ask"
                  aria-label={`Ask: ${c.question}`}
                  disabled={props.locked}
                  onClick={() => props.onAsk(c.id)}
                >
                  {c.question}
                </button>
              ) : (
                <>
                  <p className="sd-question">
                    <strong>{c.question}</strong>{' '}
                    <span className="muted small">asked at {formatClock(at)}</span>
                  </p>
                  <Markdown source={c.answer} className="sd-answer" />
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
});

/** Where the plan expects the person to be now, and where they say they are; ticks itself. */
export function StageClock(props: {
  plan: PlannedStage[];
  current: StageId;
  roundClock: () => number;
  untimed: boolean;
  running: boolean;
}) {
  useNow(1000, props.running);
  const t = props.roundClock();
  const expected = expectedStage(props.plan, t);
  const drift = stageDrift(props.plan, props.current, t);
  const total = props.plan.at(-1)?.endMs ?? 0;
  const driftText =
    drift === 0
      ? 'on plan'
      : `${Math.abs(drift)} stage${Math.abs(drift) === 1 ? '' : 's'} ${drift < 0 ? 'behind' : 'ahead of'} the plan`;
  // Spoken only when the plan moves to another stage, never every second.
  const announce = `The plan is now at ${STAGES[expected.stage].title.toLowerCase()}.`;
  return (
    <div className="sd-stage-clock">
      <p>
        <strong className="sd-clock-now">{formatClock(t)}</strong> —{' '}
        {expected.past ? (
          <>past the plan&apos;s {formatClock(total)}</>
        ) : (
          <>
            the plan expects <strong>{STAGES[expected.stage].title.toLowerCase()}</strong> (until{' '}
            {formatClock(expected.endMs)})
          </>
        )}
      </p>
      <p>
        You are on <strong>{STAGES[props.current].title.toLowerCase()}</strong>:{' '}
        <span className={drift < 0 ? 'sd-behind' : ''}>{driftText}</span>.
        {props.untimed && (
          <span className="muted small">
            {' '}
            Untimed: the template&apos;s plan against the time elapsed.
          </span>
        )}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {props.running ? announce : ''}
      </p>
    </div>
  );
}

export const NowOn = memo(function NowOn(props: {
  plan: PlannedStage[];
  current: StageId;
  locked: boolean;
  onNowOn(stage: StageId): void;
}) {
  const name = useId();
  return (
    <fieldset className="sd-now-on">
      <legend>Now on</legend>
      {props.plan.map((p) => (
        <label key={p.stage} className={props.current === p.stage ? 'current' : ''}>
          <input
            type="radio"
            name={name}
            value={p.stage}
            checked={props.current === p.stage}
            disabled={props.locked}
            onChange={() => props.onNowOn(p.stage)}
          />
          <span title={STAGES[p.stage].title}>{STAGES[p.stage].short}</span>
          <span className="muted small">
            {' '}
            {formatClock(p.startMs)}–{formatClock(p.endMs)}
          </span>
        </label>
      ))}
    </fieldset>
  );
});

const StageNote = memo(function StageNote(props: {
  stage: StageId;
  planned: PlannedStage;
  text: string;
  open: boolean;
  locked: boolean;
  onNotes(stage: StageId, text: string): void;
}) {
  const preview = useDeferredValue(props.text);
  const errors = useMemo(() => mathErrors(preview), [preview]);
  const n = words(props.text);
  const id = `sd-notes-${props.stage}`;
  return (
    <details className="sd-stage" open={props.open}>
      <summary>
        <span className="sd-stage-title">{STAGES[props.stage].title}</span>{' '}
        <span className="muted small">
          plan {formatClock(props.planned.startMs)}–{formatClock(props.planned.endMs)} ·{' '}
          {n ? `${n} word${n === 1 ? '' : 's'}` : 'no notes'}
        </span>
      </summary>
      <label className="block" htmlFor={id}>
        <span className="visually-hidden">Notes: {STAGES[props.stage].title}</span>
      </label>
      <textarea
        id={id}
        className="sd-notes"
        rows={5}
        value={props.text}
        readOnly={props.locked}
        aria-readonly={props.locked}
        placeholder={props.locked ? '(no notes)' : 'Notes for this stage… Markdown and $…$ math'}
        onChange={(e) => props.onNotes(props.stage, e.target.value)}
        spellCheck
      />
      {preview.trim() !== '' && (
        <div className="preview">
          <span className="visually-hidden">Preview of the notes:</span>
          <Markdown source={preview} />
        </div>
      )}
      {errors.length > 0 && (
        <p className="math-errors" role="status">
          {errors.length === 1 ? 'One formula' : `${errors.length} formulas`} will not render:{' '}
          {errors.map((e) => e.message).join('; ')}. Your text is kept as typed.
        </p>
      )}
    </details>
  );
});

export const StagePanel = memo(function StagePanel(props: {
  plan: PlannedStage[];
  notes: DesignAnswer['notes'];
  current: StageId;
  locked: boolean;
  onNotes(stage: StageId, text: string): void;
}) {
  const headingId = useId();
  return (
    <section className="sd-panel sd-stages" aria-labelledby={headingId}>
      <h2 id={headingId}>Stage notes</h2>
      <p className="muted small">
        Write what you would say at each stage. Typing in a stage&apos;s notes moves &ldquo;now
        on&rdquo; to it.
      </p>
      {STAGE_IDS.map((s) => (
        <StageNote
          key={s}
          stage={s}
          planned={props.plan.find((p) => p.stage === s)!}
          text={props.notes[s] ?? ''}
          open={props.current === s || words(props.notes[s]) > 0}
          locked={props.locked}
          onNotes={props.onNotes}
        />
      ))}
    </section>
  );
});

const EXAMPLES: Record<EstimateUnit, string> = {
  count: '2.5M',
  'count/s': '35k/s',
  'count/min': '2k/min',
  'count/day': '3M/day',
  'count/month': '90M/month',
  bytes: '120 GB',
  'bytes/s': '20 MB/s',
  'bytes/day': '40 GB/day',
  'bytes/month': '1.2 TB/month',
};

export function unitHint(unit: EstimateUnit, noun: string): string {
  const { kind, per } = unitOf(unit);
  const what = kind === 'bytes' ? 'a size in bytes' : `a count of ${noun}`;
  const rate = per
    ? ` per ${{ s: 'second', min: 'minute', h: 'hour', day: 'day', month: 'month' }[per]}`
    : '';
  return `${what}${rate} (e.g. ${EXAMPLES[unit]})`;
}

const EstimateField = memo(function EstimateField(props: {
  estimate: Estimate;
  text: string;
  locked: boolean;
  onEstimate(id: string, text: string): void;
}) {
  const e = props.estimate;
  const id = `sd-est-${e.id}`;
  const parsed = props.text.trim() ? parseEstimate(props.text) : null;
  return (
    <div className="sd-estimate">
      <label htmlFor={id}>
        <strong>{e.quantity}</strong>
        <span className="muted small"> — {unitHint(e.unit, e.noun)}</span>
      </label>
      <input
        id={id}
        type="text"
        inputMode="text"
        autoComplete="off"
        value={props.text}
        readOnly={props.locked}
        aria-readonly={props.locked}
        aria-describedby={`${id}-reads`}
        onChange={(ev) => props.onEstimate(e.id, ev.target.value)}
      />
      <p id={`${id}-reads`} className={`small ${parsed && !parsed.ok ? 'sd-unreadable' : 'muted'}`}>
        {parsed === null
          ? 'Number and unit; judged at scoring.'
          : parsed.ok
            ? `Reads as ${describeQuantity(parsed)}.`
            : `Cannot read it: ${parsed.reason}. Kept as typed.`}
      </p>
    </div>
  );
});

export const EstimatesPanel = memo(function EstimatesPanel(props: {
  estimates: Estimate[];
  values: DesignAnswer['estimates'];
  locked: boolean;
  onEstimate(id: string, text: string): void;
}) {
  const headingId = useId();
  return (
    <section className="sd-panel sd-estimates" aria-labelledby={headingId}>
      <h2 id={headingId}>Back-of-the-envelope</h2>
      <p className="muted small">
        Estimate from the facts you clarified: type a number with its unit (k, M, bn; B, KB, MB, GB,
        TB or KiB, MiB, GiB; per second, minute, day or month).
      </p>
      {props.estimates.map((e) => (
        <EstimateField
          key={e.id}
          estimate={e}
          text={props.values[e.id]?.text ?? ''}
          locked={props.locked}
          onEstimate={props.onEstimate}
        />
      ))}
    </section>
  );
});

export const FollowupsPanel = memo(function FollowupsPanel(props: {
  followups: Followup[];
  state: DesignAnswer['followups'];
  next: { atMs: number } | null;
  locked: boolean;
  onAnswer(id: string, text: string): void;
}) {
  const headingId = useId();
  const shown = props.followups.filter((f) => props.state[f.id]);
  return (
    <section className="sd-panel sd-followups" aria-labelledby={headingId}>
      <h2 id={headingId}>Follow-ups</h2>
      {shown.length === 0 && (
        <p className="muted small">
          The interviewer&apos;s follow-ups appear here as the round goes on.
        </p>
      )}
      {shown.map((f) => {
        const s = props.state[f.id]!;
        const id = `sd-fu-${f.id}`;
        return (
          <div key={f.id} className="sd-followup" id={`${id}-box`}>
            <label htmlFor={id}>
              <span className="muted small">At {formatClock(s.shownAt)}: </span>
              {f.prompt}
            </label>
            <textarea
              id={id}
              rows={3}
              value={s.answer}
              readOnly={props.locked}
              aria-readonly={props.locked}
              placeholder={props.locked ? '(not answered)' : 'A short answer…'}
              onChange={(e) => props.onAnswer(f.id, e.target.value)}
            />
          </div>
        );
      })}
      {props.next && !props.locked && (
        <p className="muted small">
          {shown.length ? 'Another' : 'The first'} follow-up comes at {formatClock(props.next.atMs)}
          .
        </p>
      )}
    </section>
  );
});

/** The visible cue when a follow-up arrives; the live region exists before it, so it is read. */
export function FollowupCue(props: {
  followup: Followup | null;
  at: number | null;
  onGo(id: string): void;
  onDismiss(): void;
}) {
  const go = useRef<HTMLButtonElement>(null);
  const [flash, setFlash] = useState(false);
  const id = props.followup?.id;
  useEffect(() => {
    if (!id) return;
    setFlash(true);
    const t = setTimeout(() => setFlash(false), 4000);
    return () => clearTimeout(t);
  }, [id]);
  return (
    <div className="sd-cue-region" role="status" aria-live="polite">
      {props.followup && (
        <div className={`sd-cue${flash ? ' flash' : ''}`}>
          <p>
            <strong>Follow-up from the interviewer</strong>
            {props.at !== null && <span className="small"> at {formatClock(props.at)}</span>}:{' '}
            {props.followup.prompt}
          </p>
          <div className="sd-cue-actions">
            <button
              ref={go}
              type="button"
              className="primary"
              onClick={() => props.onGo(props.followup!.id)}
            >
              Answer it
            </button>
            <button type="button" className="ghost" onClick={props.onDismiss}>
              Dismiss
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
