// Views of the ML system design kind: the whiteboard with the interviewer's side beside it
// (prompt, clarifying questions, stage clock and notes, estimates, timed follow-ups), and at
// scoring the board's replay, the reference outline per stage, the judged estimates, every
// clarifying question and follow-up, and the common pitfalls.
import '../../ui/math-style';
import './design.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { makeRng } from '../../domain/rng';
import { formatClock } from '../../domain/timer';
import { download } from '../../ui/download';
import { Markdown } from '../../ui/Markdown';
import type { KindViews, ReviewSummaryProps, RoundViewProps, ScoringExtrasProps } from '../views';
import { Board, type BoardHandle, type BoardReady } from './board';
import { describeQuantity, formatQuantity, judgeEstimate, parseEstimate } from './estimate';
import { dueFollowups, followupSchedule, nextFollowup } from './followups';
import {
  ClarifyPanel,
  EstimatesPanel,
  FollowupCue,
  FollowupsPanel,
  NowOn,
  StageClock,
  StagePanel,
} from './panels';
import {
  type BoardElement,
  BoardRecorder,
  boardAt,
  ElementCopies,
  lastFrameAt,
  readFrames,
  sceneKey,
} from './replay';
import {
  type DesignAnswer,
  type DesignTemplate,
  designSignals,
  liveElements,
  readAnswer,
  type StoredScene,
} from './spec';
import { STAGE_IDS, STAGES, type StageId, stagePlan, timeInStages } from './stages';

/** Scene saves are gathered over this long: Excalidraw reports every pointer move. */
const SAVE_EVERY_MS = 100;

function stageMinutes(t: DesignTemplate): Record<StageId, number> {
  return Object.fromEntries(STAGE_IDS.map((s) => [s, t.stages[s].minutes])) as Record<
    StageId,
    number
  >;
}

/** Pasted images the scene still refers to (deleted elements too: the replay shows them). */
function usedFiles(
  elements: readonly BoardElement[],
  files: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const el of elements) {
    const id = el.fileId;
    if (typeof id === 'string' && files[id]) out[id] = files[id];
  }
  return out;
}

/** "Now on" moves to a stage, logged with its round-clock time. */
function moveTo(a: DesignAnswer, stage: StageId, at: number): DesignAnswer {
  return a.current === stage
    ? a
    : { ...a, current: stage, stageLog: [...a.stageLog, { stage, at }] };
}

function shuffled<T>(list: T[], seed: number): T[] {
  const rng = makeRng(seed);
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function Round(props: RoundViewProps) {
  const template = props.template as DesignTemplate;
  const { onChange, locked, roundClock, timeline } = props;
  const budgetMs = props.budgetMs === undefined ? template.minutes * 60_000 : props.budgetMs;
  // What this view sent last is used as it is; anything else (a stored record) is read with care.
  const sent = useRef<unknown>(null);
  const read = useMemo(
    () =>
      props.answer !== null && props.answer === sent.current
        ? { answer: props.answer as DesignAnswer, problems: [] }
        : readAnswer(props.answer),
    [props.answer],
  );
  const answer = read.answer;
  const latest = useRef(answer);
  latest.current = answer;
  const lockedRef = useRef(locked);
  lockedRef.current = locked;
  const [opening] = useState(() => ({ scene: answer.scene, problems: read.problems }));
  const [boardNote, setBoardNote] = useState<string | null>(null);
  const board = useRef<BoardHandle>(null);

  const update = useCallback(
    (change: (a: DesignAnswer) => DesignAnswer) => {
      if (lockedRef.current) return;
      const next = change(latest.current);
      latest.current = next;
      sent.current = next;
      // The answer holds the scene: straight to IndexedDB, never the localStorage journal.
      onChange(next, { journal: false });
    },
    [onChange],
  );

  const plan = useMemo(() => stagePlan(stageMinutes(template), budgetMs), [template, budgetMs]);
  const schedule = useMemo(
    () => followupSchedule(template.followups, template.minutes, budgetMs),
    [template, budgetMs],
  );
  const clarifications = useMemo(
    () => shuffled(template.clarifications, (props.seed ^ (props.roundIndex * 7919)) >>> 0),
    [template, props.seed, props.roundIndex],
  );

  // --- the board: saved as drawn, recorded for the replay ---
  const copies = useRef(new ElementCopies());
  const recorder = useMemo(
    () =>
      new BoardRecorder(timeline.count, (seq, frame) =>
        timeline.put(seq, frame, { journal: false }),
      ),
    [timeline],
  );
  const liveScene = useRef<{
    elements: readonly BoardElement[];
    files: Record<string, unknown>;
  } | null>(null);
  const lastKey = useRef<string | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const frameTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const recordFrame = useCallback(
    (elements: BoardElement[]) => {
      const wait = recorder.offer(roundClock(), elements);
      if (wait > 0 && !frameTimer.current)
        frameTimer.current = setTimeout(() => {
          frameTimer.current = null;
          if (!lockedRef.current) recorder.flush(roundClock());
        }, wait);
    },
    [recorder, roundClock],
  );

  const saveScene = useCallback(() => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    const s = liveScene.current;
    if (!s || lockedRef.current) return;
    const t0 = performance.now();
    const elements = copies.current.copy(s.elements);
    const files = usedFiles(elements, s.files);
    update((a) => ({ ...a, scene: { elements, files } }));
    recordFrame(elements);
    performance.measure('mockloop:board-save', { start: t0, end: performance.now() });
    // The whole task, React's render of the round included, ends before this message arrives.
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      performance.measure('mockloop:board-save-task', { start: t0, end: performance.now() });
      ch.port1.close();
    };
    ch.port2.postMessage(0);
  }, [update, recordFrame]);

  const onScene = useCallback(
    (elements: readonly BoardElement[], files: Record<string, unknown>) => {
      if (lockedRef.current) return;
      const key = `${sceneKey(elements)}:${Object.keys(files).length}`;
      if (key === lastKey.current) return;
      lastKey.current = key;
      liveScene.current = { elements, files };
      if (!saveTimer.current) saveTimer.current = setTimeout(saveScene, SAVE_EVERY_MS);
    },
    [saveScene],
  );

  const onReady = useCallback(
    (r: BoardReady) => {
      lastKey.current = `${sceneKey(r.elements)}:${Object.keys(opening.scene?.files ?? {}).length}`;
      const notes: string[] = [];
      if (opening.problems.includes('scene') || r.dropped > 0)
        notes.push(
          r.dropped > 0
            ? `${r.dropped} element${r.dropped === 1 ? '' : 's'} of the stored board could not be read and ${r.dropped === 1 ? 'was' : 'were'} dropped; the rest is here.`
            : 'The stored board was partly unreadable; what could be read is here.',
        );
      const others = opening.problems.filter((p) => p !== 'scene');
      if (others.length)
        notes.push(`Some stored parts could not be read and start empty: ${others.join(', ')}.`);
      setBoardNote(notes.length ? notes.join(' ') : null);
      // A key frame at every (re)load: the replay never depends on what came before it.
      if (!lockedRef.current) {
        recorder.offer(roundClock(), copies.current.copy(r.elements));
        recorder.flush(roundClock());
      }
    },
    [opening, recorder, roundClock],
  );

  // Save at once when the tab hides or closes. Capture on window runs before the app's own
  // listener on document, so the store's flush then writes this last change too.
  useEffect(() => {
    const flushAll = () => {
      if (saveTimer.current) saveScene();
      if (recorder.pending && !lockedRef.current) recorder.flush(roundClock());
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flushAll();
    };
    window.addEventListener('visibilitychange', onVisibility, true);
    window.addEventListener('pagehide', flushAll, true);
    return () => {
      window.removeEventListener('visibilitychange', onVisibility, true);
      window.removeEventListener('pagehide', flushAll, true);
      flushAll();
      if (frameTimer.current) clearTimeout(frameTimer.current);
    };
  }, [saveScene, recorder, roundClock]);

  // --- the follow-ups, appearing at their (scaled) minute ---
  const [cue, setCue] = useState<{ id: string; at: number } | null>(null);
  useEffect(() => {
    if (locked) return;
    const check = () => {
      const t = roundClock();
      const shown = latest.current.followups;
      const due = dueFollowups(schedule, t, Object.keys(shown)).filter((id) => !shown[id]);
      if (due.length === 0) return;
      update((a) => ({
        ...a,
        followups: {
          ...a.followups,
          ...Object.fromEntries(
            due.map((id) => [id, { shownAt: t, answer: '', answeredAt: null }]),
          ),
        },
      }));
      setCue({ id: due.at(-1)!, at: t });
    };
    check();
    const timer = setInterval(check, 1000);
    return () => clearInterval(timer);
  }, [locked, schedule, roundClock, update]);

  const onAsk = useCallback(
    (id: string) =>
      update((a) =>
        a.asks.some((x) => x.id === id) ? a : { ...a, asks: [...a.asks, { id, at: roundClock() }] },
      ),
    [update, roundClock],
  );
  const onNowOn = useCallback(
    (stage: StageId) => update((a) => moveTo(a, stage, roundClock())),
    [update, roundClock],
  );
  const onNotes = useCallback(
    (stage: StageId, text: string) =>
      update((a) => ({ ...moveTo(a, stage, roundClock()), notes: { ...a.notes, [stage]: text } })),
    [update, roundClock],
  );
  const onEstimate = useCallback(
    (id: string, text: string) =>
      update((a) => ({ ...a, estimates: { ...a.estimates, [id]: { text, at: roundClock() } } })),
    [update, roundClock],
  );
  const onAnswer = useCallback(
    (id: string, text: string) =>
      update((a) => {
        const f = a.followups[id];
        if (!f) return a;
        return {
          ...a,
          followups: { ...a.followups, [id]: { ...f, answer: text, answeredAt: roundClock() } },
        };
      }),
    [update, roundClock],
  );
  const goToFollowup = (id: string) => {
    setCue(null);
    const el = document.getElementById(`sd-fu-${id}`);
    el?.scrollIntoView?.({ block: 'center' });
    el?.focus();
  };

  const exportAs = async (type: 'png' | 'svg') => {
    let blob: Blob | null | undefined;
    try {
      blob = await board.current?.exportImage(type);
    } catch (e) {
      setBoardNote(`The ${type.toUpperCase()} export failed: ${(e as Error).message}`);
      return;
    }
    if (!blob) {
      setBoardNote('The board is empty: there is nothing to export yet.');
      return;
    }
    download(`${template.id}-board.${type}`, blob);
  };

  const next = locked ? null : nextFollowup(schedule, roundClock(), Object.keys(answer.followups));
  const cueFollowup = cue ? (template.followups.find((f) => f.id === cue.id) ?? null) : null;
  return (
    <div className="sd-round">
      <div className="sd-side">
        <FollowupCue
          followup={cueFollowup}
          at={cue?.at ?? null}
          onGo={goToFollowup}
          onDismiss={() => setCue(null)}
        />
        <section className="sd-panel sd-prompt" aria-label="The prompt">
          <p className="muted small">
            {template.difficulty} · {template.tags.join(', ').replace(/-/g, ' ')} · written for{' '}
            {template.minutes} min
          </p>
          <Markdown source={template.prompt} />
        </section>
        <ClarifyPanel
          clarifications={clarifications}
          asks={answer.asks}
          locked={locked}
          onAsk={onAsk}
        />
        <EstimatesPanel
          estimates={template.estimates}
          values={answer.estimates}
          locked={locked}
          onEstimate={onEstimate}
        />
        <FollowupsPanel
          followups={template.followups}
          state={answer.followups}
          next={next}
          locked={locked}
          onAnswer={onAnswer}
        />
      </div>
      <div className="sd-work">
        <div className="sd-stagebar">
          <StageClock
            plan={plan}
            current={answer.current}
            roundClock={roundClock}
            untimed={budgetMs === null}
            running={!locked}
          />
          <NowOn plan={plan} current={answer.current} locked={locked} onNowOn={onNowOn} />
        </div>
        <div className="sd-board-bar">
          <span className="muted small">
            Drag ML components from the Library (top right of the board) onto it.
          </span>
          <span className="sd-board-tools">
            <button type="button" onClick={() => void exportAs('png')}>
              Export PNG
            </button>
            <button type="button" onClick={() => void exportAs('svg')}>
              Export SVG
            </button>
          </span>
        </div>
        {boardNote && (
          <p className="card note sd-board-note" role="status">
            {boardNote}
          </p>
        )}
        <Board
          ref={board}
          initial={opening.scene}
          readOnly={locked}
          label="Whiteboard"
          onScene={onScene}
          onReady={onReady}
        />
        <StagePanel
          plan={plan}
          notes={answer.notes}
          current={answer.current}
          locked={locked}
          onNotes={onNotes}
        />
      </div>
    </div>
  );
}

interface Mark {
  at: number;
  kind: 'stage' | 'ask' | 'followup';
  text: string;
}

function marksOf(template: DesignTemplate, answer: DesignAnswer): Mark[] {
  const q = new Map(template.clarifications.map((c) => [c.id, c]));
  const f = new Map(template.followups.map((x) => [x.id, x]));
  return [
    ...answer.stageLog.map((m) => ({
      at: m.at,
      kind: 'stage' as const,
      text: `Now on: ${STAGES[m.stage].title.toLowerCase()}`,
    })),
    ...answer.asks.map((a) => ({
      at: a.at,
      kind: 'ask' as const,
      text: `Asked: ${q.get(a.id)?.question ?? a.id}`,
    })),
    ...Object.entries(answer.followups).map(([id, s]) => ({
      at: s.shownAt,
      kind: 'followup' as const,
      text: `Follow-up: ${f.get(id)?.prompt ?? id}`,
    })),
  ].sort((a, b) => a.at - b.at);
}

function BoardReplay(props: {
  template: DesignTemplate;
  answer: DesignAnswer;
  timeline: unknown[];
  usedMs: number;
}) {
  const { template, answer } = props;
  const frames = useMemo(() => readFrames(props.timeline), [props.timeline]);
  const end = Math.max(props.usedMs, lastFrameAt(frames), 1000);
  const [t, setT] = useState(end);
  const state = useMemo(() => boardAt(frames, t), [frames, t]);
  // At the end the stored answer is the truth (the last second may be newer than any frame).
  const atEnd = t >= end;
  const shown = useMemo<StoredScene>(
    () =>
      atEnd && answer.scene
        ? answer.scene
        : { elements: state.elements, files: answer.scene?.files ?? {} },
    [atEnd, answer.scene, state.elements],
  );
  const count = shown.elements.filter((e) => !(e as BoardElement).isDeleted).length;
  const marks = useMemo(() => marksOf(template, answer), [template, answer]);
  return (
    <section className="sd-replay" aria-labelledby="sd-replay-h">
      <h3 id="sd-replay-h">Board replay</h3>
      {frames.length === 0 && !answer.scene ? (
        <p className="muted">Nothing was drawn in this round.</p>
      ) : (
        <>
          <label className="block">
            <span className="sd-replay-at">
              Board at {formatClock(t)} of {formatClock(end)}: {count.toLocaleString('en-US')}{' '}
              element{count === 1 ? '' : 's'}
              {state.gap && !atEnd
                ? ' (a piece of the history was lost; showing the last whole board)'
                : ''}
            </span>
            <input
              type="range"
              min={0}
              max={end}
              step={1000}
              value={Math.min(t, end)}
              onChange={(e) => setT(Number(e.target.value))}
              style={{ width: '100%' }}
            />
          </label>
          <div className="sd-marks-track" aria-hidden="true">
            {marks.map((m) => (
              <span
                key={`${m.kind}-${m.at}-${m.text}`}
                className={`sd-tick ${m.kind}`}
                style={{ left: `${(Math.min(m.at, end) / end) * 100}%` }}
                title={`${formatClock(m.at)} ${m.text}`}
              />
            ))}
          </div>
          {marks.length > 0 && (
            <details className="sd-marks">
              <summary>Jump to a moment ({marks.length}: stage changes, asks, follow-ups)</summary>
              <ul>
                {marks.map((m) => (
                  <li key={`${m.kind}-${m.at}-${m.text}`}>
                    <button
                      type="button"
                      className={`sd-mark ${m.kind}`}
                      onClick={() => setT(m.at)}
                    >
                      {formatClock(m.at)} {m.text}
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          )}
          <Board initial={null} shown={shown} readOnly label="The board at the chosen moment" />
        </>
      )}
    </section>
  );
}

function verdictText(j: ReturnType<typeof judgeEstimate>, factor: number): string {
  switch (j.verdict) {
    case 'missing':
      return 'not answered';
    case 'unreadable':
      return `could not be read (${j.reason})`;
    case 'wrong-unit':
      return `wrong kind of quantity: ${j.reason}`;
    case 'within':
      return `within ${factor}× (${j.ratio >= 1 ? `${j.ratio.toFixed(1)}×` : `1/${(1 / j.ratio).toFixed(1)}`} of the reference)`;
    case 'off':
      return `off by ${j.ratio >= 1 ? `${j.ratio.toFixed(1)}×` : `${(1 / j.ratio).toFixed(1)}× too low`} (needs to be within ${factor}×)`;
  }
}

function ScoringExtras(props: ScoringExtrasProps) {
  const template = props.template as DesignTemplate;
  const answer = useMemo(() => readAnswer(props.answer).answer, [props.answer]);
  const plan = useMemo(() => stagePlan(stageMinutes(template), null), [template]);
  const spent = timeInStages(answer.stageLog, props.usedMs);
  const planned = plan.reduce((s, p) => s + p.endMs - p.startMs, 0);
  const used = Math.max(1, props.usedMs);
  const asked = new Map(answer.asks.map((a) => [a.id, a.at]));
  const unanswered = template.followups.filter(
    (f) => answer.followups[f.id] && !answer.followups[f.id]!.answer.trim(),
  );
  const notReached = template.followups.filter((f) => !answer.followups[f.id]);
  return (
    <div className="sd-scoring">
      <BoardReplay
        template={template}
        answer={answer}
        timeline={props.timeline}
        usedMs={props.usedMs}
      />

      <h3>Estimates</h3>
      <ul className="sd-judged">
        {template.estimates.map((e) => {
          const entry = answer.estimates[e.id]?.text;
          const j = judgeEstimate(entry, e.reference, e.unit, e.factor);
          const parsed = entry ? parseEstimate(entry) : null;
          return (
            <li key={e.id} className={`sd-judged-${j.verdict}`}>
              <p>
                <strong>{e.quantity}</strong>
              </p>
              <p>
                You: {entry?.trim() ? <code>{entry}</code> : '—'}
                {parsed?.ok ? ` (${describeQuantity(parsed)})` : ''} · reference{' '}
                <strong>{formatQuantity(e.reference, e.unit, e.noun)}</strong> ·{' '}
                <span className="sd-verdict">{verdictText(j, e.factor)}</span>
              </p>
              <Markdown source={e.working} className="small sd-working" />
            </li>
          );
        })}
      </ul>

      <h3>Stages: your notes beside the reference</h3>
      {STAGE_IDS.map((s) => {
        const p = plan.find((x) => x.stage === s)!;
        const share = ((p.endMs - p.startMs) / planned) * used;
        return (
          <section key={s} className="sd-stage-ref">
            <h4>
              {STAGES[s].title}{' '}
              <span className="muted small">
                you {formatClock(spent[s])} · plan {formatClock(share)} of the time you used
              </span>
            </h4>
            <div className="sd-compare">
              <div>
                <p className="muted small">Your notes</p>
                {answer.notes[s]?.trim() ? (
                  <Markdown source={answer.notes[s]!} />
                ) : (
                  <p className="muted">(no notes)</p>
                )}
              </div>
              <div>
                <p className="muted small">Reference outline</p>
                <Markdown source={template.stages[s].outline} />
              </div>
            </div>
          </section>
        );
      })}

      <h3>Clarifying questions</h3>
      <ul className="sd-all-questions">
        {template.clarifications.map((c) => (
          <li key={c.id}>
            <p>
              <strong>{c.question}</strong>{' '}
              {c.important && <span className="badge sd-important">important</span>}{' '}
              <span className="muted small">
                {asked.has(c.id) ? `asked at ${formatClock(asked.get(c.id)!)}` : 'not asked'}
              </span>
            </p>
            <Markdown source={c.answer} className="small" />
          </li>
        ))}
      </ul>

      <h3>Follow-ups</h3>
      {(unanswered.length > 0 || notReached.length > 0) && (
        <p className="card note">
          {unanswered.length > 0 && (
            <>Unanswered: {unanswered.map((f) => f.prompt).join(' · ')}. </>
          )}
          {notReached.length > 0 && (
            <>Not reached before the round ended: {notReached.map((f) => f.prompt).join(' · ')}.</>
          )}
        </p>
      )}
      {template.followups.map((f) => {
        const s = answer.followups[f.id];
        return (
          <section key={f.id} className="sd-followup-ref">
            <p>
              <strong>{f.prompt}</strong>{' '}
              <span className="muted small">
                {s ? `appeared at ${formatClock(s.shownAt)}` : 'not reached'}
              </span>
            </p>
            <div className="sd-compare">
              <div>
                <p className="muted small">Your answer</p>
                {s?.answer.trim() ? <Markdown source={s.answer} /> : <p className="muted">—</p>}
              </div>
              <div>
                <p className="muted small">A strong answer covers</p>
                <Markdown source={f.covers} />
              </div>
            </div>
          </section>
        );
      })}

      <h3>Common pitfalls</h3>
      <ul>
        {template.pitfalls.map((p) => (
          <li key={p}>
            <Markdown source={p} className="inline" />
          </li>
        ))}
      </ul>
    </div>
  );
}

function ReviewSummary(props: ReviewSummaryProps) {
  const template = props.template as DesignTemplate;
  const answer = useMemo(() => readAnswer(props.answer).answer, [props.answer]);
  const signals = designSignals({ template, answer, usedMs: props.usedMs });
  const pick = (id: string) => signals.find((s) => s.id === id)?.display ?? '—';
  const notes = STAGE_IDS.filter((s) => answer.notes[s]?.trim()).length;
  return (
    <div className="sd-summary">
      <p>
        {liveElements(answer).length} elements on the board · {notes} of 7 stages with notes ·
        estimates within the factor: {pick('estimates-within')} · follow-ups answered:{' '}
        {pick('followups-answered')}.
      </p>
      {answer.scene && (
        <Board initial={answer.scene} readOnly label="The board at the end of the round" />
      )}
    </div>
  );
}

/** The board at the end of the round as PNG, for the session report. */
async function exportImage(props: ReviewSummaryProps): Promise<Blob | null> {
  const answer = readAnswer(props.answer).answer;
  if (!answer.scene || liveElements(answer).length === 0) return null;
  const m = await import('./excalidraw');
  type Elements = Parameters<typeof m.restoreElements>[0];
  type Files = Parameters<typeof m.exportToBlob>[0]['files'];
  const elements = m
    .restoreElements(answer.scene.elements as Elements, null)
    .filter((e) => !e.isDeleted);
  return m.exportToBlob({
    elements,
    files: answer.scene.files as Files,
    appState: { exportBackground: true, viewBackgroundColor: '#ffffff' },
    mimeType: 'image/png',
  });
}

const views: KindViews = { Round, ScoringExtras, ReviewSummary, exportImage };
export default views;
