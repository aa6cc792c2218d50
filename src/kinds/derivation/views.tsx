// Views of the derivation kind: the statement and the symbols the checker reads beside a step
// editor with live KaTeX, a palette and a final answer field; in practice a "Check my steps"
// button; at scoring the person's steps with their marks beside the reference derivation.
import '../../ui/math-style';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { formatClock } from '../../domain/timer';
import { Markdown } from '../../ui/Markdown';
import type { KindViews, ReviewSummaryProps, RoundViewProps, ScoringExtrasProps } from '../views';
import { checkDerivation, warmChecker } from './check-client';
import type { CheckRequest } from './check-protocol';
import { MathLine } from './MathLine';
import { type FieldHandle, type MarkEntry, StepEditor, StepMarkView } from './StepEditor';
import { insertSnippet, PALETTE } from './snippets';
import {
  type DerivationAnswer,
  type DerivationTemplate,
  type FinalVerdict,
  newStepId,
  type Step,
  type StepMark,
  tallyMarks,
} from './spec';
import './derivation.css';

function request(template: DerivationTemplate, answer: DerivationAnswer): CheckRequest {
  return {
    template: { symbols: template.symbols, sizes: template.sizes, final: template.final },
    steps: answer.steps.map((s) => s.tex),
    final: answer.final,
  };
}

interface Checked {
  marks: Map<string, MarkEntry>;
  final: { tex: string; verdict: FinalVerdict } | null;
}

function toChecked(steps: Step[], marks: StepMark[], final: FinalVerdict | null, finalTex: string) {
  return {
    marks: new Map(steps.map((s, i) => [s.id, { tex: s.tex, mark: marks[i]! }])),
    final: final ? { tex: finalTex, verdict: final } : null,
  };
}

function Round(props: RoundViewProps) {
  const template = props.template as DerivationTemplate;
  const answer = props.answer as DerivationAnswer;
  const { onChange, locked, roundClock, practice = false } = props;
  const latest = useRef(answer);
  latest.current = answer;
  // The step editor sends typed text just after the frame; every other update sends it first,
  // so that nothing typed is lost or overwritten by an update built from older steps.
  const flushSteps = useRef<(() => void) | null>(null);
  const update = useCallback(
    (patch: Partial<DerivationAnswer> | ((a: DerivationAnswer) => Partial<DerivationAnswer>)) => {
      flushSteps.current?.();
      const base = latest.current;
      const next = { ...base, ...(typeof patch === 'function' ? patch(base) : patch) };
      latest.current = next;
      onChange(next);
    },
    [onChange],
  );
  const onSteps = useCallback((steps: Step[]) => update({ steps }), [update]);
  const active = useRef<FieldHandle | null>(null);
  const onFieldFocus = useCallback((h: FieldHandle) => {
    active.current = h;
  }, []);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);

  // The checker loads with the round, so the first check does not wait for it.
  useEffect(() => {
    warmChecker().catch(() => {});
  }, []);

  const steps = answer.steps.length > 0 ? answer.steps : FIRST_STEP;

  const check = async () => {
    if (checking) return;
    setChecking(true);
    setCheckError(null);
    const at = roundClock();
    flushSteps.current?.();
    const a = latest.current;
    try {
      const r = await checkDerivation(request(template, a));
      setChecked(toChecked(a.steps, r.marks, r.final, a.final));
      const live = r.marks.filter((m) => m.status !== 'empty');
      const t = tallyMarks(live);
      update((cur) => ({ checks: [...cur.checks, { at, ...t }] }));
    } catch (e) {
      setCheckError((e as Error).message);
    } finally {
      setChecking(false);
    }
  };

  const lockedRef = useRef(locked);
  lockedRef.current = locked;
  // Stable, so the palette does not re-render on every keystroke.
  const insert = useCallback((tex: string) => {
    if (lockedRef.current) return;
    let h = active.current;
    if (!h?.el.isConnected) {
      const inputs = document.querySelectorAll<HTMLInputElement>('.drv-tex');
      const el = inputs[inputs.length - 1];
      if (!el) return;
      el.focus();
      h = active.current;
      if (!h) return;
    }
    const el = h.el;
    const from = el.selectionStart ?? el.value.length;
    const to = el.selectionEnd ?? from;
    const r = insertSnippet(el.value, from, to, tex);
    h.set(r.text, r.caret);
  }, []);

  const addStep = () => {
    const fresh = { id: newStepId(), tex: '', why: '' };
    update((cur) => ({ steps: [...cur.steps, fresh] }));
    requestAnimationFrame(() => {
      const inputs = document.querySelectorAll<HTMLInputElement>('.drv-tex');
      inputs[inputs.length - 1]?.focus();
    });
  };

  const showHint = useCallback(
    () =>
      update((cur) => ({
        hintsShown: Math.min(template.hints.length, cur.hintsShown + 1),
        hintTimes: [...cur.hintTimes, roundClock()],
      })),
    [update, template, roundClock],
  );
  const setFinal = useCallback((final: string) => update({ final }), [update]);

  const summary = checked
    ? tallyMarks([...checked.marks.values()].map((e) => e.mark).filter((m) => m.status !== 'empty'))
    : null;

  return (
    <div className="derivation">
      <Problem
        template={template}
        hintsShown={answer.hintsShown}
        locked={locked}
        onShowHint={showHint}
      />
      <section className="drv-work" aria-label="Your derivation">
        <p className="muted small">
          One line of LaTeX per step: start a chain with <code>lhs = rhs</code>, continue it with{' '}
          <code>= …</code>. <kbd>Enter</kbd> adds a step, <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd>{' '}
          moves one, <kbd>Backspace</kbd> on an empty step removes it, <kbd>\</kbd> offers commands.{' '}
          {practice ? '' : 'Your steps are checked when the round ends.'}
        </p>
        <Palette onInsert={insert} disabled={locked} />
        <StepEditor
          steps={steps}
          locked={locked}
          onSteps={onSteps}
          marks={checked?.marks ?? null}
          onFieldFocus={onFieldFocus}
          flushRef={flushSteps}
        />
        <div className="row">
          <button type="button" onClick={addStep} disabled={locked}>
            Add a step
          </button>
          {practice && (
            <button
              type="button"
              className="primary"
              onClick={() => void check()}
              disabled={checking}
            >
              {checking ? 'Checking…' : 'Check my steps'}
            </button>
          )}
        </div>
        {practice && (
          <div role="status" className="drv-check-summary">
            {checkError && <p className="error">The check failed: {checkError}</p>}
            {summary && !checking && (
              <p>
                {summary.follows} follow, {summary.broken} do not follow, {summary.unchecked} not
                checked
                {answer.checks.length > 0 &&
                  ` (check ${answer.checks.length}, recorded for scoring)`}
                .
              </p>
            )}
          </div>
        )}
        <FinalField
          template={template}
          value={answer.final}
          locked={locked}
          onChange={setFinal}
          onFieldFocus={onFieldFocus}
          verdict={checked?.final ?? null}
        />
      </section>
    </div>
  );
}

const FIRST_STEP: Step[] = [{ id: 'first', tex: '', why: '' }];

/** A result stated as a relation (f(E X) ≤ E f(X)) is shown whole, not after "lhs =". */
const isStatement = (tex: string) =>
  /(^|[^\\:])=|<|>|\\le(q)?(?![a-z])|\\ge(q)?(?![a-z])/.test(tex);
const withLhs = (t: DerivationTemplate, tex: string) =>
  isStatement(t.final.answer) ? tex : `${t.final.lhs} = ${tex}`;

/** The statement, the symbols and the hints: nothing here changes while a step is typed. */
const Problem = memo(function Problem(props: {
  template: DerivationTemplate;
  hintsShown: number;
  locked: boolean;
  onShowHint: () => void;
}) {
  const { template, hintsShown, locked } = props;
  return (
    <section className="drv-problem" aria-label="Problem">
      <p className="muted">
        {template.difficulty} · about {template.minutes} min
      </p>
      <Markdown source={template.statement} className="statement" />
      <Symbols template={template} />
      <h2>Hints</h2>
      {template.hints.slice(0, hintsShown).map((h, i) => (
        <div key={h} className="hint">
          <strong>Hint {i + 1}.</strong> <Markdown source={h} className="inline" />
        </div>
      ))}
      {hintsShown < template.hints.length ? (
        <button type="button" onClick={props.onShowHint} disabled={locked}>
          Show hint {hintsShown + 1} of {template.hints.length}
        </button>
      ) : (
        <p className="muted small">All hints shown. Each reveal is recorded for scoring.</p>
      )}
    </section>
  );
});

function Symbols({ template }: { template: DerivationTemplate }) {
  if (template.symbols.length === 0) return null;
  const sizes = Object.entries(template.sizes);
  return (
    <details className="drv-symbols" open>
      <summary>Symbols the checker reads</summary>
      <ul>
        {template.symbols.map((s) => (
          <li key={s.name}>
            <SymbolLine s={s} />
          </li>
        ))}
        {sizes.length > 0 && (
          <li>
            <MathLine tex={sizes.map(([k, v]) => `${k} = ${v}`).join(',\\; ')} />{' '}
            <span className="muted small">(fixed sizes: sums and indexed symbols expand)</span>
          </li>
        )}
      </ul>
      <p className="muted small">
        Other symbols are not checked. <code>\log</code> is the natural logarithm.
      </p>
    </details>
  );
}

function SymbolLine({ s }: { s: DerivationTemplate['symbols'][number] }) {
  if (s.function) {
    return <MathLine tex={`${s.name}(${s.function.join(', ')}) = ${s.definition}`} />;
  }
  const size = s.size === undefined ? null : [s.size].flat().join(' \\times ');
  if (s.definition) {
    return (
      <>
        <MathLine tex={`${s.name} = ${s.definition}`} />
        {size && <span className="muted small"> (size {size})</span>}
      </>
    );
  }
  const domain = {
    real: 'real',
    positive: 'positive',
    nonnegative: '≥ 0',
    unit: 'in (0, 1)',
    integer: 'an integer',
    simplex: 'positive, summing to 1',
  }[s.domain];
  return (
    <>
      <MathLine tex={s.name} /> <span className="muted small">{domain}</span>
      {size && (
        <span className="muted small">
          , a {Array.isArray(s.size) ? 'matrix' : 'vector'} of size <MathLine tex={size} />
        </span>
      )}
    </>
  );
}

const Palette = memo(function Palette({
  onInsert,
  disabled,
}: {
  onInsert: (tex: string) => void;
  disabled: boolean;
}) {
  return (
    <fieldset className="drv-palette">
      <legend className="visually-hidden">Insert at the cursor</legend>
      {PALETTE.map((g) => (
        <fieldset key={g.group} className="drv-palette-group">
          <legend className="visually-hidden">{g.group}</legend>
          {g.items.map((item) => (
            <button
              key={item.name}
              type="button"
              className="drv-palette-button"
              title={`Insert ${item.name}: ${item.tex.replace('§', '')}`}
              disabled={disabled}
              // Keeps the focus (and the caret) in the field being edited.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onInsert(item.tex)}
            >
              <span aria-hidden="true">{item.label}</span>
              <span className="visually-hidden">Insert {item.name}</span>
            </button>
          ))}
        </fieldset>
      ))}
    </fieldset>
  );
});

const FinalField = memo(function FinalField(props: {
  template: DerivationTemplate;
  value: string;
  locked: boolean;
  onChange: (v: string) => void;
  onFieldFocus: (h: FieldHandle) => void;
  verdict: { tex: string; verdict: FinalVerdict } | null;
}) {
  const { template, value, onChange } = props;
  const el = useRef<HTMLInputElement>(null);
  const caret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (caret.current === null || !el.current) return;
    el.current.focus();
    el.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });
  const self = template.final.check === 'self';
  return (
    <section className="drv-final" aria-labelledby="drv-final-h">
      <h2 id="drv-final-h">Final answer</h2>
      <p className="muted small">
        {self
          ? 'You compare this answer with the reference at scoring.'
          : 'Checked against the reference at many random points when the round ends.'}
      </p>
      <div className="drv-final-row">
        {!isStatement(template.final.answer) && <MathLine tex={`${template.final.lhs} =`} />}
        <input
          ref={el}
          id="drv-final"
          className="drv-tex"
          type="text"
          aria-label="Final answer (LaTeX)"
          spellCheck={false}
          autoComplete="off"
          value={value}
          readOnly={props.locked}
          aria-readonly={props.locked}
          placeholder="your final expression"
          onChange={(e) => onChange(e.target.value)}
          onFocus={(e) =>
            props.onFieldFocus({
              el: e.currentTarget,
              set: (text, at) => {
                caret.current = at;
                onChange(text);
              },
            })
          }
        />
      </div>
      <div className="drv-final-render">
        <span className="visually-hidden">Final answer rendered: </span>
        {value.trim() ? <MathLine tex={value} /> : <span className="muted">(none yet)</span>}
      </div>
      {props.verdict && <FinalVerdictView verdict={props.verdict} current={value} />}
    </section>
  );
});

function FinalVerdictView({
  verdict,
  current,
}: {
  verdict: { tex: string; verdict: FinalVerdict };
  current: string;
}) {
  if (verdict.tex !== current)
    return <p className="drv-mark drv-stale muted small">Edited since the last check.</p>;
  const v = verdict.verdict;
  const cls = { equivalent: 'follows', different: 'broken' }[v.status as string] ?? 'unchecked';
  return (
    <div className={`drv-mark drv-mark-${cls}`}>
      <p>
        <strong>Final answer: </strong>
        {v.message}
        {v.position !== undefined ? ` (at position ${v.position})` : ''}
      </p>
      {v.readAs && (
        <p className="drv-read-as small">
          <span className="muted">Read as </span>
          <MathLine tex={v.readAs} />
        </p>
      )}
    </div>
  );
}

/** The marks of a locked answer: stored when the round ended, else checked now. */
function useGraded(template: DerivationTemplate, answer: DerivationAnswer) {
  const stored = useMemo<Checked | null>(() => {
    const g = answer.graded;
    if (!g) return null;
    return {
      marks: new Map(g.marks.map((m) => [m.id, { tex: m.tex, mark: m.mark }])),
      final: { tex: answer.final, verdict: g.final },
    };
  }, [answer]);
  const [live, setLive] = useState<Checked | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (stored) return;
    let on = true;
    checkDerivation(request(template, answer))
      .then((r) => on && setLive(toChecked(answer.steps, r.marks, r.final, answer.final)))
      .catch((e: Error) => on && setError(e.message));
    return () => {
      on = false;
    };
  }, [stored, template, answer]);
  return { checked: stored ?? live, error };
}

function YourSteps({ answer, checked }: { answer: DerivationAnswer; checked: Checked | null }) {
  const written = answer.steps.filter((s) => s.tex.trim() !== '');
  if (written.length === 0) return <p className="muted">(no steps written)</p>;
  return (
    <ol className="drv-steps-read">
      {answer.steps.map((s, i) =>
        s.tex.trim() === '' ? null : (
          <li
            key={s.id}
            value={i + 1}
            className={`drv-read-step drv-${checked?.marks.get(s.id)?.mark.status ?? 'none'}`}
          >
            <MathLine tex={s.tex} />
            {s.why.trim() && <span className="drv-why-read muted small"> — {s.why}</span>}
            {checked?.marks.get(s.id) && (
              <StepMarkView entry={checked.marks.get(s.id)!} current={s.tex} />
            )}
          </li>
        ),
      )}
    </ol>
  );
}

function Reference({ template }: { template: DerivationTemplate }) {
  return (
    <>
      <ol className="drv-steps-read">
        {template.reference.map((s) => (
          <li key={s.step} className="drv-read-step">
            <MathLine tex={s.step} />
            {s.why && <span className="drv-why-read muted small"> — {s.why}</span>}
          </li>
        ))}
      </ol>
      <p>
        <strong>Final answer: </strong>
        <MathLine tex={withLhs(template, template.final.answer)} />
      </p>
      {template.final.specialisation && (
        <Markdown source={template.final.specialisation} className="small" />
      )}
    </>
  );
}

function ScoringExtras(props: ScoringExtrasProps) {
  const template = props.template as DerivationTemplate;
  const answer = props.answer as DerivationAnswer;
  const { checked, error } = useGraded(template, answer);
  return (
    <div className="derivation-scoring">
      <h2>Your derivation, checked</h2>
      {error && <p className="error">The steps could not be checked: {error}</p>}
      {!checked && !error && (
        <p className="muted" role="status">
          Checking your steps…
        </p>
      )}
      <div className="drv-compare">
        <section aria-labelledby="drv-yours-h">
          <h3 id="drv-yours-h">Your steps</h3>
          <YourSteps answer={answer} checked={checked} />
          <p>
            <strong>Your final answer: </strong>
            {answer.final.trim() ? (
              <MathLine tex={withLhs(template, answer.final)} />
            ) : (
              <span className="muted">(none)</span>
            )}
          </p>
          {checked?.final && <FinalVerdictView verdict={checked.final} current={answer.final} />}
        </section>
        <section aria-labelledby="drv-ref-h">
          <h3 id="drv-ref-h">Reference derivation</h3>
          <Reference template={template} />
        </section>
      </div>
      {answer.hintsShown > 0 && (
        <p>
          Hints used: {answer.hintsShown} of {template.hints.length} (at{' '}
          {answer.hintTimes
            .slice(0, answer.hintsShown)
            .map((t) => formatClock(t))
            .join(', ')}
          )
        </p>
      )}
      {answer.checks.length > 0 && (
        <p>
          &ldquo;Check my steps&rdquo; pressed {answer.checks.length} time
          {answer.checks.length === 1 ? '' : 's'}:{' '}
          {answer.checks
            .map((c) => `${formatClock(c.at)} (${c.follows} follow, ${c.broken} not)`)
            .join('; ')}
        </p>
      )}
    </div>
  );
}

function ReviewSummary(props: ReviewSummaryProps) {
  const template = props.template as DerivationTemplate;
  const answer = props.answer as DerivationAnswer;
  const g = answer.graded;
  const t = g ? tallyMarks(g.marks.map((m) => m.mark).filter((m) => m.status !== 'empty')) : null;
  const written = answer.steps.filter((s) => s.tex.trim() !== '').length;
  return (
    <div className="derivation-summary">
      <p>
        {written} step{written === 1 ? '' : 's'}
        {t ? `: ${t.follows} follow, ${t.broken} do not follow, ${t.unchecked} not checked` : ''}.
        {g ? ` Final answer: ${g.final.message}.` : ''}
      </p>
      <details>
        <summary>Steps</summary>
        <YourSteps answer={answer} checked={null} />
        <p className="muted small">Reference final answer:</p>
        <MathLine tex={withLhs(template, template.final.answer)} />
      </details>
    </div>
  );
}

const views: KindViews = { Round, ScoringExtras, ReviewSummary };
export default views;
