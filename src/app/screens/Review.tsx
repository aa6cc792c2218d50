import { use, useEffect, useMemo, useState } from 'react';
import { describeRule } from '../../domain/calibration';
import type { VerdictId, VerdictPolicy } from '../../domain/content';
import { practiceTargets, practiseNext } from '../../domain/progress';
import { formatClock } from '../../domain/timer';
import { WEAKEST_COUNT } from '../../domain/verdict';
import { kindSpecs } from '../../kinds/registry';
import type { ReviewSummaryProps } from '../../kinds/views';
import type { Current } from '../../store/app-store';
import { recentTemplateIds } from '../../store/app-store';
import { download } from '../../ui/download';
import { Loadable, lazyRetry } from '../../ui/Loadable';
import { Signals } from '../../ui/Signals';
import { kindViews } from '../kind-views';
import { reportMarkdown } from '../report';
import { fmt, formulaText, type ReviewModel, type ReviewRound, reviewModel } from '../review-model';
import { useMediaAccess } from '../services';
import { useApp } from '../store-context';
import { capitalize } from '../text';
import { useFullCatalog } from '../use-full-catalog';
import { NotFound } from './NotFound';

export function Review({ sessionId }: { sessionId: string }) {
  const readSession = useApp((s) => s.readSession);
  const [data, setData] = useState<Current | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void readSession(sessionId).then((d) => live && setData(d));
    return () => {
      live = false;
    };
  }, [readSession, sessionId]);
  if (data === undefined) return <p className="muted">Loading the review…</p>;
  if (data === null) return <NotFound what="session" />;
  return <ReviewBody data={data} />;
}

function ReviewBody({ data }: { data: Current }) {
  const catalog = useFullCatalog(data.session.plan.rounds.map((r) => r.kind));
  const { session, answers } = data;
  const model = useMemo(() => reviewModel(catalog, session, answers), [catalog, session, answers]);
  const labels = catalog.verdict.labels;
  const policy = catalog.verdict;
  const title =
    session.mode === 'practice'
      ? `Practice: ${model.rounds[0]?.facts?.template.title ?? ''}`
      : `${model.track?.name ?? 'Custom'} loop`;
  const done = session.phase.name === 'done';

  return (
    <section className="review">
      <h1 tabIndex={-1}>Review: {title}</h1>
      <p className="muted">
        {new Date(session.startedAt ?? session.createdAt).toLocaleString()}
        {!done && (
          <>
            {' '}
            · in progress — <a href={`#/loop/${session.id}`}>resume</a>
          </>
        )}
      </p>

      {model.loop ? (
        <div className={`card verdict verdict-${model.loop.verdict}`}>
          <h2>
            {session.mode === 'practice' ? 'Verdict' : 'Loop verdict'}: {labels[model.loop.verdict]}
          </h2>
          <p>
            <strong>How it is computed.</strong> Each round&apos;s score is the mean of its rubric
            dimensions (1 = strong no hire … 4 = strong hire). The loop score is their mean weighted
            by each round&apos;s weight
            {model.rounds.some((r) => r.signature)
              ? ' (the signature round carries a larger weight)'
              : ''}
            : <code>{formulaText(model)}</code>. Below {policy.thresholds.strongNoHireBelow} is{' '}
            {labels['strong-no-hire']}, below {policy.thresholds.leanNoHireBelow}{' '}
            {labels['lean-no-hire']}, below {policy.thresholds.leanHireBelow} {labels['lean-hire']},
            otherwise {labels['strong-hire']}. A round at {labels['strong-no-hire']} caps the loop
            at {labels[policy.strongNoHireRoundCapsLoopAt]}.
          </p>
          {model.loop.capped && (
            <p className="warn">
              Capped: the weighted score alone says {labels[model.loop.byMean]}, but a round was
              scored {labels['strong-no-hire']}.
            </p>
          )}
        </div>
      ) : (
        <p className="card">No round was scored, so there is no verdict.</p>
      )}

      <ReportButtons data={data} model={model} />

      {model.failureMode.length > 0 && model.track && (
        <div className="card callout" role="note">
          <h2>
            Top failure mode for {model.track.name}: {model.track.failureMode.label}
          </h2>
          <p>
            {model.weakest.length > model.failureMode.length
              ? 'Among your weakest dimensions: '
              : 'Your weakest: '}
            {model.failureMode.map((d) => d.name).join(', ')} — exactly where this track&apos;s
            loops most often fail. {model.track.failureMode.advice}
          </p>
          <p className="muted small">
            Shown when any of the dimensions that reveal it is among your weakest:{' '}
            {model.track.failureMode.dimensions
              .map((ref) => {
                const [kind, dim] = ref.split('.');
                const rubric = catalog.rubrics.find((r) => r.kind === kind);
                const name = rubric?.dimensions.find((d) => d.id === dim)?.name;
                return name ? `${name} (${rubric!.title})` : ref;
              })
              .join(', ')}
            .
          </p>
        </div>
      )}

      <h2>Rounds</h2>
      <div className="table-wrap">
        <table className="rounds-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Round</th>
              <th scope="col">Template</th>
              <th scope="col">Time used</th>
              <th scope="col">Pauses</th>
              <th scope="col">Scores</th>
              <th scope="col">Mean</th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {model.rounds.map((r) => (
              <RoundRow key={r.index} r={r} label={(v) => labels[v]} />
            ))}
          </tbody>
        </table>
      </div>

      {model.weakest.length > 0 && (
        <>
          <h2>Weakest dimensions</h2>
          <p className="muted small">
            The {WEAKEST_COUNT} lowest mean scores below {policy.thresholds.leanHireBelow}, and any
            tied with the last of them.
          </p>
          <ul>
            {model.weakest.map((d) => (
              <li key={d.ref}>
                {d.name} <span className="muted">({d.kind})</span>: {fmt(d.mean)}
              </li>
            ))}
          </ul>
        </>
      )}

      {model.rounds.some((r) => r.verdict?.flagged.length) && (
        <>
          <h2>Flags</h2>
          <ul>
            {model.rounds.flatMap((r) =>
              (r.verdict?.flagged ?? []).map((d) => (
                <li key={`f-${r.index}-${d}`}>
                  Round {r.index + 1}: {r.facts?.rubric.dimensions.find((x) => x.id === d)?.name}{' '}
                  scored at {policy.flagDimensionAtOrBelow} ({labels['strong-no-hire']}).
                </li>
              )),
            )}
          </ul>
        </>
      )}

      <Calibration rounds={model.rounds} />

      <PractiseNext model={model} session={session} />

      <Loadable what="the charts" fallback={<p className="muted">Loading the charts…</p>}>
        <ReviewCharts model={model} policyThresholds={policy.thresholds} labels={labels} />
      </Loadable>

      <h2>Round by round</h2>
      {model.rounds.map((r) => (
        <RoundDetail
          key={r.index}
          r={r}
          answers={answers}
          timeline={data.timeline}
          sessionId={session.id}
        />
      ))}
    </section>
  );
}

function RoundRow({ r, label }: { r: ReviewRound; label: (v: VerdictId) => string }) {
  const f = r.facts;
  if (!r.played) {
    return (
      <tr className="muted">
        <td>{r.index + 1}</td>
        <td>{r.title}</td>
        <td>{f?.template.title ?? '–'}</td>
        <td colSpan={5}>not played</td>
      </tr>
    );
  }
  return (
    <tr>
      <td>{r.index + 1}</td>
      <td>
        {r.title}
        {r.signature && <span className="badge">signature</span>}
      </td>
      <td>{f?.template.title ?? '(template missing)'}</td>
      <td>
        {f
          ? `${formatClock(f.usedMs)} / ${f.budgetMs === null ? 'untimed' : formatClock(f.budgetMs)}`
          : '–'}
        {f?.record.endReason === 'timeout' && <span className="badge">time up</span>}
      </td>
      <td>{f && f.pauses > 0 ? `${f.pauses} (${Math.round(f.pausedMs / 1000)} s)` : '0'}</td>
      <td>
        {f?.rubric.dimensions.map((d) => (
          <span key={d.id} className={`score score-${f.record.scores[d.id] ?? 0}`} title={d.name}>
            {d.name}: {f.record.scores[d.id] ?? '–'}
          </span>
        ))}
      </td>
      <td>{r.verdict ? fmt(r.verdict.mean) : '–'}</td>
      <td>{r.verdict ? label(r.verdict.verdict) : 'not scored'}</td>
    </tr>
  );
}

function RoundDetail({
  r,
  answers,
  timeline,
  sessionId,
}: {
  r: ReviewRound;
  answers: Current['answers'];
  timeline: Current['timeline'];
  sessionId: string;
}) {
  if (!r.played || !r.facts) return null;
  const f = r.facts;
  return (
    <details className="card round-detail">
      <summary>
        Round {r.index + 1}: {f.template.title}
      </summary>
      <Signals signals={f.signals} title="Signals" />
      {f.record.note && (
        <p>
          <strong>What I&apos;d do differently:</strong> {f.record.note}
        </p>
      )}
      <Loadable what="this round's summary" fallback={<p className="muted">Loading…</p>}>
        <Summary
          kind={r.kind}
          template={f.template}
          answer={answers[r.index]?.value ?? f.answer}
          scoring={f.record.scoring}
          timeline={timeline[r.index] ?? []}
          usedMs={f.usedMs}
          sessionId={sessionId}
          index={r.index}
        />
      </Loadable>
    </details>
  );
}

function Summary(
  props: Omit<ReviewSummaryProps, 'media'> & { kind: string; sessionId: string; index: number },
) {
  const View = use(kindViews(props.kind)).ReviewSummary;
  const media = useMediaAccess(props.sessionId, props.index);
  return <View {...props} media={media} />;
}

/** Where self-scores and signals disagree, with the rules that say so printed below. */
function Calibration({ rounds }: { rounds: ReviewRound[] }) {
  const played = rounds.filter((r) => r.facts && r.verdict);
  if (played.length === 0) return null;
  const flags = played.flatMap((r) => r.flags.map((f) => ({ r, f })));
  const rubrics = [...new Map(played.map((r) => [r.facts!.rubric.id, r.facts!])).values()];
  return (
    <section aria-labelledby="calibration-h">
      <h2 id="calibration-h">Calibration</h2>
      {flags.length === 0 ? (
        <p>Your self-scores agree with every objective signal of the rounds you played.</p>
      ) : (
        <ul className="calibration">
          {flags.map(({ r, f }) => (
            <li key={`${r.index}-${f.dimension}-${f.signal.id}`}>
              Round {r.index + 1}: {capitalize(f.sentence)}.
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>How these are found</summary>
        <p className="muted small">
          Each rubric lists its rules. A rule on a self-reported signal (ticked key points, “I gave
          numbers”) is shown only when an objective signal flags the same dimension.
        </p>
        {rubrics.map((facts) => (
          <div key={facts.rubric.id}>
            <h3>{facts.rubric.title}</h3>
            {facts.rubric.calibration.length === 0 ? (
              <p className="muted">No rules.</p>
            ) : (
              <ul>
                {facts.rubric.calibration.map((rule) => (
                  <li key={`${rule.dimension}-${rule.signal}-${rule.say}`}>
                    {describeRule(
                      rule,
                      facts.signals.find((sig) => sig.id === rule.signal)?.label ?? rule.signal,
                      facts.rubric.dimensions.find((d) => d.id === rule.dimension)?.name ??
                        rule.dimension,
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </details>
    </section>
  );
}

const Charts = {
  DimensionBars: lazyRetry(() =>
    import('../../ui/charts').then((m) => ({ default: m.DimensionBars })),
  ),
  TimeBars: lazyRetry(() => import('../../ui/charts').then((m) => ({ default: m.TimeBars }))),
};

function thresholdLines(t: VerdictPolicy['thresholds'], labels: VerdictPolicy['labels']) {
  return [
    { value: t.strongNoHireBelow, label: `${labels['lean-no-hire']} from ${t.strongNoHireBelow}` },
    { value: t.leanNoHireBelow, label: `${labels['lean-hire']} from ${t.leanNoHireBelow}` },
    { value: t.leanHireBelow, label: `${labels['strong-hire']} from ${t.leanHireBelow}` },
  ];
}

function ReviewCharts({
  model,
  policyThresholds,
  labels,
}: {
  model: ReviewModel;
  policyThresholds: VerdictPolicy['thresholds'];
  labels: VerdictPolicy['labels'];
}) {
  const played = model.rounds.filter((r) => r.played && r.facts);
  if (model.summaries.length === 0 && played.length === 0) return null;
  return (
    <section aria-labelledby="charts-h" className="charts">
      <h2 id="charts-h">At a glance</h2>
      {model.summaries.length > 0 && (
        <Charts.DimensionBars
          data={model.summaries.map((d) => ({ name: `${d.name} (${d.kind})`, score: d.mean }))}
          thresholds={thresholdLines(policyThresholds, labels)}
        />
      )}
      {played.length > 0 && (
        <Charts.TimeBars
          data={played.map((r) => ({
            round: `${r.index + 1}. ${r.title}`,
            used: r.facts!.usedMs / 60_000,
            allotted: (r.facts!.budgetMs ?? r.facts!.usedMs) / 60_000,
          }))}
        />
      )}
    </section>
  );
}

function PractiseNext({ model, session }: { model: ReviewModel; session: Current['session'] }) {
  const catalog = useApp((s) => s.catalog);
  const sessions = useApp((s) => s.sessions);
  const suggestions = useMemo(() => {
    const tagsOf: Record<string, string[]> = {};
    for (const r of session.plan.rounds) tagsOf[r.kind] ??= r.tags;
    const flagged = model.rounds.flatMap((r) =>
      r.flags
        .filter((f) => !f.selfReported)
        .map((f) => ({
          ref: `${r.kind}.${f.dimension}`,
          kind: r.kind,
          name: r.facts?.rubric.dimensions.find((d) => d.id === f.dimension)?.name ?? f.dimension,
          self: f.self,
        })),
    );
    return practiseNext({
      targets: practiceTargets(flagged, model.weakest),
      catalog,
      recent: recentTemplateIds(sessions ?? [session]),
      kinds: kindSpecs.map((k) => k.kind),
      tagsOf,
    });
  }, [model, catalog, sessions, session]);
  if (suggestions.length === 0) return null;
  return (
    <section aria-labelledby="next-h">
      <h2 id="next-h">Practise next</h2>
      <p className="muted small">
        A round for each dimension the signals contradict and for your weakest scores, with a
        template you have not played lately.
      </p>
      <ul className="practise-next">
        {suggestions.map((s) => (
          <li key={s.templateId}>
            <a href={`#/practice/${s.kind}/${s.templateId}`}>{s.title}</a>{' '}
            <span className="muted">
              ({kindSpecs.find((k) => k.kind === s.kind)?.title ?? s.kind}) — {s.reason}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ReportButtons({ data, model }: { data: Current; model: ReviewModel }) {
  const catalog = useFullCatalog(data.session.plan.rounds.map((r) => r.kind));
  const listMedia = useApp((s) => s.listMedia);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const makeReport = async () => {
    setBusy(true);
    setError(null);
    try {
      const images: { index: number; file: string; blob: Blob }[] = [];
      for (const r of model.rounds) {
        const f = r.facts;
        if (!f || !r.played) continue;
        const views = await kindViews(r.kind);
        const blob = await views.exportImage?.({
          template: f.template,
          answer: f.answer,
          scoring: f.record.scoring,
          timeline: data.timeline[r.index] ?? [],
          usedMs: f.usedMs,
          media: {
            put: () => false,
            list: () => listMedia(data.session.id, r.index),
            remove: async () => {},
          },
        });
        if (blob) images.push({ index: r.index, file: `round-${r.index + 1}.png`, blob });
      }
      const md = reportMarkdown({
        catalog,
        session: data.session,
        model,
        answers: data.answers,
        images,
      });
      const day = new Date(data.session.startedAt ?? data.session.createdAt)
        .toISOString()
        .slice(0, 10);
      if (images.length === 0) {
        download(`mockloop-report-${day}.md`, md, 'text/markdown');
      } else {
        const { zip, strToU8 } = await import('fflate');
        const entries: Record<string, Uint8Array> = { 'report.md': strToU8(md) };
        for (const img of images) entries[img.file] = new Uint8Array(await img.blob.arrayBuffer());
        const bytes = await new Promise<Uint8Array>((res, rej) =>
          zip(entries, (e, d) => (e ? rej(e) : res(d))),
        );
        download(
          `mockloop-report-${day}.zip`,
          new Blob([bytes as BlobPart], { type: 'application/zip' }),
        );
      }
    } catch (e) {
      setError(`The report could not be made: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="actions">
      <button type="button" onClick={() => void makeReport()} disabled={busy}>
        {busy ? 'Preparing the report…' : 'Download the report (Markdown)'}
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
