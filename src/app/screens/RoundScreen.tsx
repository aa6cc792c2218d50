import { use, useCallback, useEffect, useMemo, useState } from 'react';
import { findTemplate } from '../../domain/content';
import { elapsedMs, isPaused, totalBudgetMs } from '../../domain/timer';
import { kindEntry } from '../../kinds/registry';
import { Clock } from '../../ui/Clock';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Loadable } from '../../ui/Loadable';
import { kindViews } from '../kind-views';
import { useMediaAccess, useProjectAccess } from '../services';
import { useShortcuts } from '../shortcuts';
import { useApp, useAppStore } from '../store-context';
import { useFullCatalog } from '../use-full-catalog';

const CLOCK_KEY = 'mockloop:clock-hidden';

/** A running round: the timer bar above, the kind's own view below. */
export function RoundScreen({ index }: { index: number }) {
  const planned = useApp((s) => s.current!.session.plan.rounds[index]!);
  const total = useApp((s) => s.current!.session.plan.rounds.length);
  const mode = useApp((s) => s.current!.session.mode);
  const catalog = useApp((s) => s.catalog);
  const loads = useApp((s) => s.loads);
  const owner = useApp((s) => s.ownership === 'owner');
  const template = findTemplate(catalog, planned.kind, planned.templateId);
  const spec = kindEntry(planned.kind)?.spec;

  if (!template || !spec) {
    return (
      <section>
        <h1 tabIndex={-1}>This round cannot be shown</h1>
        <p>
          Its template ({planned.kind} / {planned.templateId}) is not in this version of mockloop.
          Your answer, if any, is kept in storage.
        </p>
      </section>
    );
  }
  return (
    <section className={`round${owner ? '' : ' read-only'}`}>
      <TimerBar index={index} />
      <h1 tabIndex={-1} className="round-title">
        {mode === 'loop' ? `Round ${index + 1} of ${total}: ` : ''}
        {template.title}
      </h1>
      {!owner && <ReadOnlyNote />}
      <Loadable what="the round" fallback={<p className="muted">Loading the round…</p>}>
        <KindRound key={loads} index={index} />
      </Loadable>
    </section>
  );
}

/**
 * This tab shows the session without owning it: its fields are read-only, and a keystroke in one
 * says why nothing appears instead of vanishing silently.
 */
function ReadOnlyNote() {
  const [typed, setTyped] = useState(false);
  const takeOver = useApp((s) => s.takeOver);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const field = t?.closest('textarea, input, [contenteditable], .monaco-editor');
      if (field && t?.closest('.round') && (e.key.length === 1 || e.key === 'Backspace'))
        setTyped(true);
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, []);
  return (
    <p className={`readonly-note${typed ? ' typed' : ''}`} role="status">
      {typed
        ? 'This tab is read-only, so that key was not typed: the session is being written in another tab. '
        : 'Read-only here: this tab follows the other tab’s saved edits. '}
      <button type="button" onClick={() => void takeOver()}>
        Take over to type here
      </button>
    </p>
  );
}

/** Renders the kind's view. It re-renders on answer changes, never on clock ticks. */
function KindRound({ index }: { index: number }) {
  const store = useAppStore();
  const kind = useApp((s) => s.current!.session.plan.rounds[index]!.kind);
  const templateId = useApp((s) => s.current!.session.plan.rounds[index]!.templateId);
  const template = findTemplate(useFullCatalog([kind]), kind, templateId);
  const views = use(kindViews(kind));
  const spec = kindEntry(kind)!.spec;
  const stored = useApp((s) => s.current!.answers[index]?.value);
  // A number that changes only when the round is extended or its timing toggled.
  const budgetMs = useApp((s) => {
    const t = s.current!.session.rounds[index]?.timer;
    return t ? totalBudgetMs(t) : null;
  });
  const locked = useApp(
    (s) => s.ownership !== 'owner' || s.current!.session.phase.name !== 'round',
  );
  const seed = useApp((s) => s.current!.session.seed);
  const mode = useApp((s) => s.current!.session.mode);
  const sessionId = useApp((s) => s.current!.session.id);
  const media = useMediaAccess(sessionId, index);
  const projects = useProjectAccess();
  const answer = stored ?? spec.emptyAnswer(template, { seed, index });
  const setAnswer = useApp((s) => s.setAnswer);
  const onChange = useCallback(
    (value: unknown, opts?: { journal?: boolean }) => setAnswer(index, value, opts),
    [setAnswer, index],
  );
  const roundClock = useCallback(() => {
    const t = store.getState().current?.session.rounds[index]?.timer;
    return t ? elapsedMs(t, Date.now()) : 0;
  }, [store, index]);
  // Read once: the kind numbers its pieces from there on, and a new piece needs no re-render.
  const [firstCount] = useState(() => store.getState().current?.timeline[index]?.length ?? 0);
  const putTimeline = useApp((s) => s.putTimeline);
  const timeline = useMemo(
    () => ({
      count: firstCount,
      put: (seq: number, data: unknown, opts?: { journal?: boolean }) =>
        void putTimeline(index, seq, data, opts),
    }),
    [firstCount, putTimeline, index],
  );
  const View = views.Round;
  return (
    <View
      template={template}
      answer={answer}
      onChange={onChange}
      locked={locked}
      roundClock={roundClock}
      timeline={timeline}
      seed={seed}
      roundIndex={index}
      budgetMs={budgetMs}
      media={media}
      projects={projects}
      practice={mode === 'practice'}
    />
  );
}

function TimerBar({ index }: { index: number }) {
  const facts = useApp((s) => s.current!.session.rounds[index]!.timer!);
  const mode = useApp((s) => s.current!.session.mode);
  const owner = useApp((s) => s.ownership === 'owner');
  const dispatch = useApp((s) => s.dispatch);
  const checkTimeout = useApp((s) => s.checkTimeout);
  const answerEmpty = useApp((s) => {
    const r = s.current!.session.plan.rounds[index]!;
    const spec = kindEntry(r.kind)?.spec;
    const a = s.current!.answers[index]?.value;
    return a === undefined || (spec ? spec.isAnswerEmpty(a) : false);
  });
  const [hidden, setHidden] = useState(() => readFlag(CLOCK_KEY));
  const [confirmDone, setConfirmDone] = useState(false);
  const paused = isPaused(facts);
  const practice = mode === 'practice';

  const toggleHidden = () =>
    setHidden((h) => {
      writeFlag(CLOCK_KEY, !h);
      return !h;
    });
  const togglePause = () => dispatch({ type: paused ? 'resume' : 'pause' });

  useShortcuts([
    {
      key: 'd',
      label: "I'm done: end this round",
      run: () => setConfirmDone(true),
      enabled: owner,
    },
    {
      key: 'p',
      label: paused ? 'Resume the clock' : 'Pause the clock',
      run: togglePause,
      enabled: owner,
    },
    { key: 'c', label: hidden ? 'Show the clock' : 'Hide the clock', run: toggleHidden },
  ]);

  return (
    <section className="timerbar" aria-label="Round clock">
      <Clock facts={facts} hidden={hidden} onExpired={owner ? checkTimeout : undefined} />
      <div className="timerbar-tools">
        <button type="button" onClick={toggleHidden} aria-pressed={hidden}>
          {hidden ? 'Show clock' : 'Hide clock'}
        </button>
        <button
          type="button"
          onClick={togglePause}
          disabled={!owner}
          title={practice ? undefined : 'Pauses are recorded and shown in the review'}
        >
          {paused ? 'Resume' : 'Pause'}
        </button>
        {practice && (
          <>
            <button
              type="button"
              disabled={!owner || facts.budgetMs === null}
              onClick={() => dispatch({ type: 'extend', ms: 5 * 60_000 })}
            >
              +5 min
            </button>
            {/* Labelled by what a press does, not by a state it might be mistaken to show. */}
            <button
              type="button"
              disabled={!owner}
              onClick={() => dispatch({ type: 'set-untimed', untimed: facts.budgetMs !== null })}
            >
              {facts.budgetMs === null ? 'Time it again' : 'Go untimed'}
            </button>
          </>
        )}
        <button
          type="button"
          className="primary"
          disabled={!owner}
          onClick={() => setConfirmDone(true)}
        >
          I&apos;m done
        </button>
      </div>
      <ConfirmDialog
        open={confirmDone}
        title="End this round?"
        confirmLabel="End round and score"
        cancelLabel="Keep working"
        onCancel={() => setConfirmDone(false)}
        onConfirm={() => {
          setConfirmDone(false);
          dispatch({ type: 'finish', reason: 'done' });
        }}
      >
        <p>
          {answerEmpty ? 'You have not written anything yet. ' : ''}Your answer locks and the rubric
          opens. Elapsed time is recorded.
        </p>
      </ConfirmDialog>
    </section>
  );
}

function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

function writeFlag(key: string, on: boolean): void {
  try {
    if (on) localStorage.setItem(key, '1');
    else localStorage.removeItem(key);
  } catch {
    // Preference only.
  }
}
