import { use, useMemo, useState } from 'react';
import { findTemplate, type Level } from '../../domain/content';
import { Loadable } from '../../ui/Loadable';
import { RubricForm } from '../../ui/RubricForm';
import { Signals } from '../../ui/Signals';
import { kindViews } from '../kind-views';
import { roundFacts } from '../round-facts';
import { useMediaAccess } from '../services';
import { useShortcuts } from '../shortcuts';
import { useApp } from '../store-context';
import { capitalize } from '../text';
import { useFullCatalog } from '../use-full-catalog';

const NO_PIECES: unknown[] = [];

/** Self-scoring after a round (also used to revise an earlier round's scores). */
export function ScoringScreen({ index }: { index: number }) {
  const session = useApp((s) => s.current!.session);
  const dispatch = useApp((s) => s.dispatch);
  const owner = useApp((s) => s.ownership === 'owner');
  const isLast = index === session.rounds.length - 1;
  const planned = session.plan.rounds[index]!;
  const templateTitle = useApp(
    (s) => findTemplate(s.catalog, planned.kind, planned.templateId)?.title ?? planned.templateId,
  );
  return (
    <section className="scoring">
      <h1 tabIndex={-1}>
        Score {session.mode === 'loop' ? `round ${index + 1}` : 'the round'}:{' '}
        {session.plan.rounds[index]!.title}
        <span className="muted"> · {templateTitle}</span>
      </h1>
      <ScoreRound index={index} />
      <ContinueButton
        index={index}
        isLast={isLast}
        onNext={() => dispatch({ type: 'next' })}
        disabled={!owner}
      />
    </section>
  );
}

export function ScoreRound({ index, readOnly = false }: { index: number; readOnly?: boolean }) {
  const planned = useApp((s) => s.current!.session.plan.rounds);
  const catalog = useFullCatalog(planned.map((r) => r.kind));
  const session = useApp((s) => s.current!.session);
  const answers = useApp((s) => s.current!.answers);
  const owner = useApp((s) => s.ownership === 'owner');
  const dispatch = useApp((s) => s.dispatch);
  const facts = useMemo(
    () => roundFacts(catalog, session, answers, index),
    [catalog, session, answers, index],
  );
  const [active, setActive] = useState<string | undefined>(undefined);
  const locked = readOnly || !owner;

  const record = facts?.record;
  const save = (
    change: { scores?: Record<string, Level>; note?: string; scoring?: unknown },
    soon = false,
  ) => {
    if (!record) return;
    dispatch(
      {
        type: 'score',
        index,
        scores: change.scores ?? record.scores,
        note: change.note ?? record.note,
        scoring: change.scoring ?? record.scoring,
      },
      { save: soon ? 'soon' : 'now' },
    );
  };
  const dims = facts?.rubric.dimensions ?? [];
  const target = active ?? dims.find((d) => record?.scores[d.id] === undefined)?.id ?? dims[0]?.id;
  const scoreKey = (level: Level) => () => {
    if (!target || !record) return;
    save({ scores: { ...record.scores, [target]: level } });
    const i = dims.findIndex((d) => d.id === target);
    const next = dims.slice(i + 1).find((d) => record.scores[d.id] === undefined) ?? dims[i + 1];
    setActive(next?.id);
  };
  useShortcuts(
    ([1, 2, 3, 4] as Level[]).map((l) => ({
      key: String(l),
      label: `Score ${dims.find((d) => d.id === target)?.name ?? 'the highlighted dimension'} ${l}`,
      run: scoreKey(l),
      enabled: !locked,
    })),
  );

  if (!facts || !record)
    return (
      <p className="error">This round&apos;s template or rubric is missing from this version.</p>
    );
  return (
    <div className="scoring-grid">
      <div className="scoring-main">
        {record.finish?.state === 'running' && (
          <p className="card note" role="status">
            Finishing the round in the background (for code: one last Submit of what you wrote)… the
            signals below update when it is done.
          </p>
        )}
        {record.finish?.summary && (
          <p
            className={`card ${record.finish.state === 'failed' ? 'error' : 'note'}`}
            role="status"
          >
            {record.finish.summary}
          </p>
        )}
        <Signals signals={facts.signals} />
        {facts.pauses > 0 && (
          <p className="muted">
            Paused {facts.pauses} time{facts.pauses === 1 ? '' : 's'} (
            {Math.round(facts.pausedMs / 1000)} s).
          </p>
        )}
        <h2>Rubric</h2>
        <RubricForm
          rubric={facts.rubric}
          policy={catalog.verdict}
          scores={record.scores}
          readOnly={locked}
          activeDimension={target}
          onFocusDimension={setActive}
          onScore={(d, level) => save({ scores: { ...record.scores, [d]: level } })}
        />
        {facts.flags.length > 0 && (
          <div className="card note" role="note">
            <strong>Check these scores against the signals:</strong>
            <ul>
              {facts.flags.map((f) => (
                <li key={`${f.dimension}-${f.signal.id}`}>{capitalize(f.sentence)}.</li>
              ))}
            </ul>
          </div>
        )}
        <label className="block">
          <span>What I&apos;d do differently</span>
          <textarea
            rows={3}
            value={record.note}
            readOnly={locked}
            onChange={(e) => save({ note: e.target.value }, true)}
          />
        </label>
      </div>
      <aside className="scoring-side" aria-label="Reference answer">
        <Loadable what="the reference" fallback={<p className="muted">Loading the reference…</p>}>
          <Extras index={index} readOnly={locked} onScoring={(scoring) => save({ scoring })} />
        </Loadable>
      </aside>
    </div>
  );
}

function Extras({
  index,
  readOnly,
  onScoring,
}: {
  index: number;
  readOnly: boolean;
  onScoring: (s: unknown) => void;
}) {
  const planned = useApp((s) => s.current!.session.plan.rounds);
  const catalog = useFullCatalog(planned.map((r) => r.kind));
  const session = useApp((s) => s.current!.session);
  const answers = useApp((s) => s.current!.answers);
  const facts = roundFacts(catalog, session, answers, index)!;
  const timeline = useApp((s) => s.current!.timeline[index] ?? NO_PIECES);
  const views = use(kindViews(facts.spec.kind));
  const media = useMediaAccess(session.id, index);
  const View = views.ScoringExtras;
  return (
    <View
      template={facts.template}
      answer={facts.answer}
      scoring={facts.record.scoring ?? facts.spec.emptyScoring(facts.template)}
      onScoringChange={onScoring}
      readOnly={readOnly}
      timeline={timeline}
      usedMs={facts.usedMs}
      media={media}
    />
  );
}

function ContinueButton({
  index,
  isLast,
  onNext,
  disabled,
}: {
  index: number;
  isLast: boolean;
  onNext: () => void;
  disabled: boolean;
}) {
  const planned = useApp((s) => s.current!.session.plan.rounds);
  const catalog = useFullCatalog(planned.map((r) => r.kind));
  const session = useApp((s) => s.current!.session);
  const answers = useApp((s) => s.current!.answers);
  const facts = roundFacts(catalog, session, answers, index);
  const missing = facts
    ? facts.rubric.dimensions.filter((d) => facts.record.scores[d.id] === undefined).length
    : 0;
  const label = isLast ? 'Finish and see the review' : 'Save scores and take a break';
  useShortcuts([{ key: 'n', label, run: onNext, enabled: missing === 0 && !disabled }]);
  return (
    <div className="actions sticky-actions">
      <button type="button" className="primary" onClick={onNext} disabled={missing > 0 || disabled}>
        {label}
      </button>
      {missing > 0 && (
        <span className="muted">Score every dimension to continue ({missing} left).</span>
      )}
    </div>
  );
}
