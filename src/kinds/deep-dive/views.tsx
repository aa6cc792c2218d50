// Views of the deep-dive kind: the round (choose a project, present, answer the probes one by
// one, typed or aloud), the scoring extras (what a strong answer covers beside each answer or
// recording) and the review summary.
import '../../ui/math-style';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Markdown } from '../../ui/Markdown';
import type {
  KindViews,
  MediaAccess,
  ReviewSummaryProps,
  RoundViewProps,
  ScoringExtrasProps,
} from '../views';
import { formatDuration, plannedStepAt, roundPlan, type Step, stepStart, stepTimes } from './clock';
import { clipId, formatBytes, groupPieces, type StoredRecording } from './media';
import {
  AnswerBox,
  ClipPlayer,
  copyProject,
  ProjectCard,
  ProjectPicker,
  ReadAloud,
  RecordControls,
  SoftClock,
} from './parts';
import { isProblem, type Recording, recordingSupported, startRecording } from './recorder';
import {
  type Clip,
  type CritiqueTemplate,
  clipsOf,
  type DeepDiveAnswer,
  type DeepDiveScoring,
  type DeepDiveTemplate,
  emptyResponse,
  followupAnswered,
  isAnswered,
  isStory,
  planMinutes,
  type StepResponse,
  stepsOf,
} from './spec';
import './deep-dive.css';

type Part = 'main' | 'followup';
type Live = { clip: string; step: string; part: Part; startedAt: number; handle: Recording };

/** Fills what an answer stored by an older build may lack, so a view never crashes on it. */
function normal(a: DeepDiveAnswer): DeepDiveAnswer {
  return {
    v: 1,
    minutes: a.minutes ?? null,
    drawn: a.drawn ?? [],
    project: a.project ?? null,
    outline: a.outline ?? {},
    step: a.step ?? 0,
    responses: a.responses ?? {},
    clips: a.clips ?? [],
  };
}

function Round(props: RoundViewProps) {
  const template = props.template as DeepDiveTemplate;
  const answer = useMemo(() => normal(props.answer as DeepDiveAnswer), [props.answer]);
  const { onChange, locked, roundClock, media } = props;
  const minutes = planMinutes(template, answer, props.budgetMs);
  const steps = useMemo(
    () => stepsOf(template, answer, props.budgetMs),
    [template, answer, props.budgetMs],
  );

  // Successive changes in one tick (a recording's stop, then the next step) compose.
  const latest = useRef(answer);
  latest.current = answer;
  const update = useCallback(
    (fn: (a: DeepDiveAnswer) => DeepDiveAnswer) => {
      const base = latest.current;
      // The plan is fixed with the first change: extending the round later does not redraw it.
      const next = fn(base.minutes === null ? { ...base, minutes } : base);
      latest.current = next;
      onChange(next);
    },
    [onChange, minutes],
  );
  const setResponse = useCallback(
    (id: string, change: Partial<StepResponse>) =>
      update((a) => ({
        ...a,
        responses: { ...a.responses, [id]: { ...(a.responses[id] ?? emptyResponse()), ...change } },
      })),
    [update],
  );
  const onText = useCallback(
    (key: string, text: string) => {
      const [id, part] = key.split('|') as [string, string | undefined];
      if (id === 'outline' && part)
        update((a) => ({ ...a, outline: { ...a.outline, [part]: text } }));
      else setResponse(id, part === 'followup' ? { followup: text } : { text });
    },
    [update, setResponse],
  );

  // ---- recording ----
  const [live, setLive] = useState<Live | null>(null);
  const liveRef = useRef<Live | null>(null);
  liveRef.current = live;
  const [starting, setStarting] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [sizes, setSizes] = useState<Record<string, number>>({});
  const [removing, setRemoving] = useState<Clip | null>(null);
  const canRecord = Boolean(media) && recordingSupported();

  const stopRecording = useCallback(() => liveRef.current?.handle.stop(), []);
  const startRec = useCallback(
    async (step: string, part: Part) => {
      if (!media) return;
      liveRef.current?.handle.stop();
      setNote(null);
      setStarting(true);
      const target = { id: '' };
      const r = await startRecording({
        onPiece: (p) => {
          if (!target.id) return true;
          const ok = media.put({ clip: target.id, ...p });
          if (ok) setSizes((s) => ({ ...s, [target.id]: (s[target.id] ?? 0) + p.blob.size }));
          return ok;
        },
        onStop: ({ endedAt, problem }) => {
          const id = target.id;
          update((a) => ({
            ...a,
            clips: a.clips.map((c) => (c.id === id && c.endedAt === null ? { ...c, endedAt } : c)),
          }));
          setLive((l) => (l?.clip === id ? null : l));
          if (problem) setNote(problem.message);
        },
      });
      setStarting(false);
      if (isProblem(r)) {
        setNote(r.message);
        return;
      }
      target.id = clipId(step, part, r.startedAt);
      update((a) => ({
        ...a,
        clips: [...a.clips, { id: target.id, step, part, startedAt: r.startedAt, endedAt: null }],
      }));
      setLive({ clip: target.id, step, part, startedAt: r.startedAt, handle: r });
    },
    [media, update],
  );
  // Time up or the round ended: stop; leaving the screen: stop (pieces so far are stored).
  useEffect(() => {
    if (locked) liveRef.current?.handle.stop();
  }, [locked]);
  useEffect(() => () => liveRef.current?.handle.stop(), []);

  // After a reload: sizes of what is stored, and a recording cut mid-way ends at its last piece.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on opening the round
  useEffect(() => {
    if (!media) return;
    let on = true;
    media
      .list()
      .then((pieces) => {
        if (!on) return;
        const stored = groupPieces(pieces);
        setSizes(Object.fromEntries([...stored].map(([k, v]) => [k, v.bytes])));
        const cut = latest.current.clips.filter(
          (c) => c.endedAt === null && c.id !== liveRef.current?.clip,
        );
        if (cut.length === 0 || locked) return;
        update((a) => ({
          ...a,
          clips: a.clips.flatMap((c) => {
            if (!cut.some((x) => x.id === c.id)) return [c];
            const s = stored.get(c.id);
            return s ? [{ ...c, endedAt: s.lastAt }] : [];
          }),
        }));
        setNote(
          'A recording was cut off when the page closed; the part saved before it is kept. Press Record to go on (a new recording starts).',
        );
      })
      .catch(() => {});
    return () => {
      on = false;
    };
  }, [media]);

  const remove = async (c: Clip) => {
    setRemoving(null);
    await media?.remove(c.id);
    setSizes(({ [c.id]: _, ...rest }) => rest);
    update((a) => ({ ...a, clips: a.clips.filter((x) => x.id !== c.id) }));
  };

  // ---- moving on ----
  // Moving on brings the next question into view and puts focus on it.
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    const h = document.getElementById(`dd-step-${answer.step}`);
    h?.focus();
    h?.scrollIntoView?.({ block: 'start' });
  }, [answer.step]);
  const advance = () => {
    moved.current = true;
    stopRecording();
    const now = roundClock();
    update((a) => {
      const cur = steps[a.step];
      const next = steps[a.step + 1];
      const responses = { ...a.responses };
      if (cur) {
        const r = responses[cur.id] ?? emptyResponse();
        responses[cur.id] = { ...r, startedAt: stepStart(a, steps, a.step) ?? now, endedAt: now };
      }
      if (next) responses[next.id] = { ...(responses[next.id] ?? emptyResponse()), startedAt: now };
      return { ...a, step: Math.min(a.step + 1, steps.length), responses };
    });
  };
  const pick = (p: Parameters<typeof copyProject>[0]) => {
    const now = roundClock();
    update((a) => ({
      ...a,
      project: copyProject(p),
      step: 0,
      responses: { ...a.responses, presentation: { ...emptyResponse(), startedAt: now } },
    }));
  };

  const story = isStory(template);
  const production = template.type === 'production';
  if (story && !answer.project) {
    if (locked) return <p className="muted">No project was chosen before the round ended.</p>;
    return (
      <div className="deep-dive">
        <RoundIntro template={template} steps={steps} minutes={minutes} />
        <ProjectPicker
          want={production ? 'production' : 'research'}
          projects={props.projects}
          onPick={pick}
        />
      </div>
    );
  }

  const cur = Math.min(answer.step, steps.length);
  const ahead = steps.length - cur - 1;
  const recordProps = (step: Step, part: Part, label: string) => ({
    label,
    clips: clipsOf(answer, step.id, part),
    sizes,
    recording: live,
    starting,
    available: canRecord,
    locked,
    onStart: () => void startRec(step.id, part),
    onStop: stopRecording,
    onDelete: (c: Clip) => setRemoving(c),
  });
  const totalBytes = answer.clips.reduce((n, c) => n + (sizes[c.id] ?? 0), 0);

  return (
    <div className="deep-dive">
      <RoundIntro template={template} steps={steps} minutes={minutes} />
      {answer.project && <ProjectCard project={answer.project} />}
      {template.type === 'critique' && <PaperCard template={template} />}
      {!canRecord && !locked && (
        <p className="muted small">
          Recording is not available in this browser; type your answers (Markdown and $…$ math
          work).
        </p>
      )}
      {note && (
        <p className="card note" role="status">
          {note}
        </p>
      )}
      <ol className="dd-steps">
        {steps.slice(0, cur + 1).map((s, i) => {
          const current = i === cur && !locked;
          const r = answer.responses[s.id];
          const start = stepStart(answer, steps, i);
          return (
            <li
              key={s.id}
              className={`dd-step${current ? ' current' : ''}`}
              aria-current={current ? 'step' : undefined}
            >
              <header className="question-head">
                <h2 id={`dd-step-${i}`} tabIndex={-1}>
                  {s.title}
                  {s.themeTitle && <span className="muted small"> · {s.themeTitle}</span>}
                </h2>
                {current && start !== null ? (
                  <SoftClock
                    label={
                      s.kind === 'presentation'
                        ? 'Presentation clock'
                        : s.kind === 'reading'
                          ? 'Reading'
                          : 'Answer clock'
                    }
                    roundClock={roundClock}
                    startMs={start}
                    budgetMs={s.budgetMs}
                    running={!locked}
                    behind={() => {
                      const planned = plannedStepAt(steps, roundClock());
                      return planned > i
                        ? `the plan is at ${steps[planned]!.title.toLowerCase()}`
                        : null;
                    }}
                  />
                ) : (
                  <StepTime answer={answer} steps={steps} index={i} />
                )}
              </header>
              {s.ask && (
                <div className="dd-ask">
                  <Markdown source={s.ask} className="prompt" />
                  <ReadAloud text={s.ask} label={s.title.toLowerCase()} />
                </div>
              )}
              <Fold
                open={current}
                label={s.kind === 'presentation' ? 'Your presentation' : 'Your answer'}
              >
                {s.kind === 'presentation' && story && (
                  <>
                    <p className="muted small">
                      Present as you would to the panel: aloud (record it) or as notes per section.
                    </p>
                    {template.presentation.outline.map((sec) => (
                      <div key={sec.id} className="dd-outline">
                        <h3>{sec.title}</h3>
                        <p className="muted small">{sec.hint}</p>
                        <AnswerBox
                          id={`outline|${sec.id}`}
                          label={sec.title}
                          value={answer.outline[sec.id] ?? ''}
                          locked={locked || !current}
                          rows={3}
                          placeholder="Notes for this part…"
                          showQuantities={production}
                          onText={onText}
                        />
                      </div>
                    ))}
                    <RecordControls
                      {...recordProps(s, 'main', 'the presentation')}
                      locked={locked || !current}
                    />
                  </>
                )}
                {(s.kind === 'probe' || s.kind === 'wrap-up' || s.kind === 'prompt') && (
                  <>
                    <AnswerBox
                      id={s.id}
                      label={`Your answer to ${s.title.toLowerCase()}`}
                      value={r?.text ?? ''}
                      locked={locked || !current}
                      showQuantities={production}
                      onText={onText}
                    />
                    <RecordControls
                      {...recordProps(s, 'main', s.title.toLowerCase())}
                      locked={locked || !current}
                    />
                    {production && clipsOf(answer, s.id).length > 0 && (
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={r?.gaveNumbers ?? false}
                          disabled={locked}
                          onChange={(e) => setResponse(s.id, { gaveNumbers: e.target.checked })}
                        />{' '}
                        I gave numbers in this spoken answer (self-reported)
                      </label>
                    )}
                    {s.followup && isAnswered(answer, s) && (
                      <div className="dd-followup">
                        <h3>Follow-up</h3>
                        <div className="dd-ask">
                          <Markdown source={s.followup.ask} className="prompt" />
                          <ReadAloud
                            text={s.followup.ask}
                            label={`the follow-up to ${s.title.toLowerCase()}`}
                          />
                        </div>
                        <AnswerBox
                          id={`${s.id}|followup`}
                          label={`Your answer to the follow-up of ${s.title.toLowerCase()}`}
                          value={r?.followup ?? ''}
                          locked={locked || !current}
                          rows={4}
                          showQuantities={production}
                          onText={onText}
                        />
                        <RecordControls
                          {...recordProps(
                            s,
                            'followup',
                            `the follow-up of ${s.title.toLowerCase()}`,
                          )}
                          locked={locked || !current}
                        />
                      </div>
                    )}
                  </>
                )}
                {s.kind === 'reading' && current && (
                  <p className="muted">Read the card above; the prompts follow one at a time.</p>
                )}
              </Fold>
              {current && (
                <div className="actions">
                  <button type="button" className="primary" onClick={advance}>
                    {nextLabel(steps, i)}
                  </button>
                  {ahead > 0 && (
                    <span className="muted small">
                      {ahead === 1 ? 'One more step' : `${ahead} more steps`} after this.
                    </span>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {cur >= steps.length && !locked && (
        <p className="card" role="status">
          All questions asked. Go back over nothing: end the round with “I’m done” when you are
          ready, and score it.
        </p>
      )}
      {answer.clips.length > 0 && (
        <p className="muted small">
          {answer.clips.length} recording{answer.clips.length === 1 ? '' : 's'},{' '}
          {formatBytes(totalBytes)} in all, kept in this browser only.
        </p>
      )}
      <ConfirmDialog
        open={removing !== null}
        title="Delete this recording?"
        confirmLabel="Delete"
        danger
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && void remove(removing)}
      >
        <p>It is removed from this browser; a typed answer stays.</p>
      </ConfirmDialog>
    </div>
  );
}

/** A step already answered folds away, so the question on now stays in view. */
function Fold(props: { open: boolean; label: string; children: ReactNode }) {
  if (props.open) return <>{props.children}</>;
  return (
    <details className="dd-past">
      <summary>{props.label}</summary>
      {props.children}
    </details>
  );
}

function nextLabel(steps: Step[], i: number): string {
  const next = steps[i + 1];
  if (!next) return steps[i]!.kind === 'prompt' ? 'Finish the prompts' : 'Finish the questions';
  if (steps[i]!.kind === 'presentation') return 'Done presenting: first question';
  if (steps[i]!.kind === 'reading') return 'I have read it: first prompt';
  if (next.kind === 'wrap-up') return 'Next: the wrap-up question';
  return next.kind === 'prompt' ? 'Next prompt' : 'Next question';
}

function RoundIntro(props: { template: DeepDiveTemplate; steps: Step[]; minutes: number }) {
  const { template: t, steps } = props;
  const plan = roundPlan(t, props.minutes);
  const m = Math.round(props.minutes);
  const text =
    plan.type === 'story'
      ? `Plan for this ${m}-minute round: a presentation of ${formatDuration(plan.presentMs)}, ${plan.probeCount} question${plan.probeCount === 1 ? '' : 's'} of about ${formatDuration(plan.probeMs)} each, and a wrap-up of ${formatDuration(plan.wrapUpMs)}; the rest is for follow-ups.`
      : `Plan for this ${m}-minute round: ${plan.readingMs ? `${formatDuration(plan.readingMs)} to read the card, then ` : ''}${steps.length - 1} prompts, each with its own clock.`;
  return (
    <div className="dd-intro">
      <p className="muted">{t.summary}</p>
      <p className="muted small">
        {text} The clocks are soft: running over is recorded, never blocked. Answer by typing
        (Markdown, $…$ math) or aloud with Record; recordings stay in this browser.
      </p>
    </div>
  );
}

function StepTime(props: { answer: DeepDiveAnswer; steps: Step[]; index: number; endMs?: number }) {
  const t = stepTimes(props.answer, props.steps, props.endMs ?? 0)[props.index];
  const s = props.steps[props.index]!;
  if (!t || t.spentMs === 0) return null;
  return (
    <span className={`muted small${t.overMs ? ' over' : ''}`}>
      {formatDuration(t.spentMs)}
      {s.budgetMs !== null && ` of ${formatDuration(s.budgetMs)}`}
      {t.overMs > 0 && ` (${formatDuration(t.overMs)} over)`}
    </span>
  );
}

function PaperCard({ template }: { template: CritiqueTemplate }) {
  const p = template.paper;
  const rows: [string, string][] = [
    ['Problem', p.problem],
    ['Claimed contribution', p.contribution],
    ['Method', p.method],
    ['Evaluation', p.evaluation],
    ['Headline result', p.headline],
  ];
  return (
    <details className="card dd-paper" open>
      <summary>
        <strong>{p.title}</strong>{' '}
        <span className="muted">
          · {p.authors}, {p.year}
          {p.venue ? `, ${p.venue}` : ''}
        </span>
      </summary>
      <p className="muted small">Our own summary of the paper, not its text.</p>
      {rows.map(([h, body]) => (
        <section key={h}>
          <h3>{h}</h3>
          <Markdown source={body} />
        </section>
      ))}
    </details>
  );
}

// ---- scoring and review ----

function useStored(media: MediaAccess | undefined, answer: DeepDiveAnswer) {
  const [stored, setStored] = useState<Map<string, StoredRecording> | null>(null);
  const [version, setVersion] = useState(0);
  const hasClips = answer.clips.length > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: version re-reads after a delete
  useEffect(() => {
    if (!media || !hasClips) {
      setStored(new Map());
      return;
    }
    let on = true;
    mark('deep-dive:list-start');
    media
      .list()
      .then((pieces) => on && setStored(groupPieces(pieces)))
      .catch(() => on && setStored(new Map()));
    return () => {
      on = false;
    };
  }, [media, hasClips, version]);
  return { stored, reload: () => setVersion((v) => v + 1) };
}

let playableMarked = false;
function mark(name: string) {
  try {
    if (name === 'deep-dive:list-start') playableMarked = false;
    performance.mark(name);
  } catch {
    // Marks only feed scripts/measure-recording.ts.
  }
}
const onPlayable = () => {
  if (playableMarked) return;
  playableMarked = true;
  mark('deep-dive:playable');
};

function StepAnswers(props: {
  template: DeepDiveTemplate;
  answer: DeepDiveAnswer;
  stored: Map<string, StoredRecording> | null;
  scoring?: DeepDiveScoring;
  readOnly: boolean;
  onToggle?: (key: string, i: number, on: boolean) => void;
  onDelete?: (c: Clip) => void;
  usedMs: number;
}) {
  const { template: t, answer, stored } = props;
  const steps = stepsOf(t, answer).filter((s, i) => s.kind !== 'reading' && i <= answer.step);
  const all = stepsOf(t, answer);
  const recordings = (s: Step, part: Part, what: string) => {
    const clips = clipsOf(answer, s.id, part);
    if (clips.length === 0) return null;
    if (stored === null) return <p className="muted small">Loading recordings…</p>;
    return clips.map((c, i) => (
      <ClipPlayer
        key={c.id}
        clip={c}
        stored={stored.get(c.id)}
        label={`Recording ${i + 1} of ${what}`}
        onPlayable={onPlayable}
        onDelete={props.onDelete ? () => props.onDelete!(c) : undefined}
      />
    ));
  };
  const checklist = (key: string, points: string[], label: string) => (
    <div className="dd-covers">
      <h4>What a strong answer covers</h4>
      {props.onToggle ? (
        <fieldset>
          <legend className="visually-hidden">{label}: points a strong answer covers</legend>
          {points.map((p, i) => (
            <label key={p} className="check">
              <input
                type="checkbox"
                checked={(props.scoring?.covered[key] ?? []).includes(i)}
                disabled={props.readOnly}
                onChange={(e) => props.onToggle!(key, i, e.target.checked)}
              />
              <Markdown source={p} className="inline" />
            </label>
          ))}
        </fieldset>
      ) : (
        <ul>
          {points.map((p) => (
            <li key={p}>
              <Markdown source={p} className="inline" />
              {(props.scoring?.covered[key] ?? []).includes(points.indexOf(p)) && ' ✓'}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
  const typed = (text: string | undefined) =>
    (text ?? '').trim() ? <Markdown source={text!} /> : <p className="muted">(no typed answer)</p>;

  return (
    <div className="dd-scoring">
      {answer.project && <ProjectCard project={answer.project} />}
      {steps.map((s) => {
        const i = all.findIndex((x) => x.id === s.id);
        const r = answer.responses[s.id];
        const what = s.title.toLowerCase();
        return (
          <section key={s.id} className="dd-score-step" aria-labelledby={`dd-h-${s.id}`}>
            <h3 id={`dd-h-${s.id}`}>
              {s.title}
              {s.themeTitle && <span className="muted small"> · {s.themeTitle}</span>}{' '}
              <StepTime answer={answer} steps={all} index={i} endMs={props.usedMs} />
            </h3>
            {s.ask && <Markdown source={s.ask} className="prompt small" />}
            <div className="dd-side-by-side">
              <div>
                <h4>Your answer</h4>
                {s.kind === 'presentation' && isStory(t) ? outlineNotes(t, answer) : typed(r?.text)}
                {recordings(s, 'main', what)}
                {t.type === 'production' && clipsOf(answer, s.id).length > 0 && (
                  <p className="muted small">
                    “I gave numbers” (self-reported): {r?.gaveNumbers ? 'ticked' : 'not ticked'}
                  </p>
                )}
              </div>
              {s.covers && checklist(s.id, s.covers, s.title)}
            </div>
            {s.followup && isAnswered(answer, s) && (
              <div className="dd-side-by-side">
                <div>
                  <h4>Follow-up</h4>
                  <Markdown source={s.followup.ask} className="prompt small" />
                  {followupAnswered(answer, s) ? (
                    typed(r?.followup)
                  ) : (
                    <p className="muted">(not answered)</p>
                  )}
                  {recordings(s, 'followup', `the follow-up of ${what}`)}
                </div>
                {checklist(`${s.id}/followup`, s.followup.covers, `Follow-up of ${s.title}`)}
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}

function outlineNotes(t: DeepDiveTemplate, answer: DeepDiveAnswer) {
  if (!isStory(t)) return null;
  const filled = t.presentation.outline.filter((sec) => (answer.outline[sec.id] ?? '').trim());
  if (filled.length === 0) return <p className="muted">(no notes typed)</p>;
  return filled.map((sec) => (
    <div key={sec.id} className="dd-note">
      <h5>{sec.title}</h5>
      <Markdown source={answer.outline[sec.id]!} />
    </div>
  ));
}

function ScoringExtras(props: ScoringExtrasProps) {
  const template = props.template as DeepDiveTemplate;
  const answer = normal(props.answer as DeepDiveAnswer);
  const scoring = (props.scoring ?? { covered: {} }) as DeepDiveScoring;
  const { stored, reload } = useStored(props.media, answer);
  const [removing, setRemoving] = useState<Clip | null>(null);
  const toggle = (key: string, i: number, on: boolean) => {
    const cur = new Set(scoring.covered[key] ?? []);
    if (on) cur.add(i);
    else cur.delete(i);
    props.onScoringChange({
      covered: { ...scoring.covered, [key]: [...cur].sort((a, b) => a - b) },
    });
  };
  const total = stored ? [...stored.values()].reduce((n, r) => n + r.bytes, 0) : 0;
  return (
    <div className="deep-dive-scoring">
      <h2>Your answers beside what a strong answer covers</h2>
      <p className="muted">
        Tick each point your answer (typed or spoken) actually covers: a self-reported signal.
        {stored &&
          stored.size > 0 &&
          ` Recordings: ${stored.size}, ${formatBytes(total)} in this browser.`}
      </p>
      {template.type === 'critique' && <PaperCard template={template} />}
      <StepAnswers
        template={template}
        answer={answer}
        stored={stored}
        scoring={scoring}
        readOnly={props.readOnly}
        onToggle={toggle}
        onDelete={props.readOnly ? undefined : setRemoving}
        usedMs={props.usedMs}
      />
      <ConfirmDialog
        open={removing !== null}
        title="Delete this recording?"
        confirmLabel="Delete"
        danger
        onCancel={() => setRemoving(null)}
        onConfirm={async () => {
          const c = removing;
          setRemoving(null);
          if (c) await props.media?.remove(c.id);
          reload();
        }}
      >
        <p>It is removed from this browser for good; your scores stay.</p>
      </ConfirmDialog>
    </div>
  );
}

function ReviewSummary(props: ReviewSummaryProps) {
  const template = props.template as DeepDiveTemplate;
  const answer = normal(props.answer as DeepDiveAnswer);
  const scoring = (props.scoring ?? { covered: {} }) as DeepDiveScoring;
  const { stored } = useStored(props.media, answer);
  return (
    <StepAnswers
      template={template}
      answer={answer}
      stored={stored}
      scoring={scoring}
      readOnly
      usedMs={props.usedMs}
    />
  );
}

const views: KindViews = { Round, ScoringExtras, ReviewSummary };
export default views;
