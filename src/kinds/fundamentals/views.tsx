// Views of the fundamentals kind: write answers with live math, tick key points at scoring.
import '../../ui/math-style';
import { memo, useCallback, useDeferredValue, useMemo, useRef } from 'react';
import { Markdown } from '../../ui/Markdown';
import { mathErrors } from '../../ui/markdown';
import type { KindViews, ReviewSummaryProps, RoundViewProps, ScoringExtrasProps } from '../views';
import type {
  FundamentalsAnswer,
  FundamentalsQuestion,
  FundamentalsScoring,
  FundamentalsTemplate,
} from './spec';

function Round(props: RoundViewProps) {
  const template = props.template as FundamentalsTemplate;
  const answer = props.answer as FundamentalsAnswer;
  const { onChange, locked } = props;
  // Editors get one stable callback, so typing in one question does not re-render the others.
  const latest = useRef(answer);
  latest.current = answer;
  const setText = useCallback(
    (qid: string, text: string) =>
      onChange({ ...latest.current, answers: { ...latest.current.answers, [qid]: text } }),
    [onChange],
  );
  return (
    <div className="fundamentals">
      <p className="muted">
        {template.summary} Answer in writing; Markdown and $…$ math work. Suggested time per
        question is a guide.
      </p>
      <nav aria-label="Questions" className="question-nav">
        {template.questions.map((q, i) => (
          <a
            key={q.id}
            href={`#q-${q.id}`}
            onClick={(e) => {
              e.preventDefault();
              document.getElementById(`answer-${q.id}`)?.focus();
            }}
          >
            Q{i + 1}
            {(answer.answers[q.id] ?? '').trim() ? ' ✓' : ''}
          </a>
        ))}
      </nav>
      {template.questions.map((q, i) => (
        <QuestionEditor
          key={q.id}
          number={i + 1}
          question={q}
          text={answer.answers[q.id] ?? ''}
          locked={locked}
          onText={setText}
        />
      ))}
    </div>
  );
}

const QuestionEditor = memo(function QuestionEditor(props: {
  number: number;
  question: FundamentalsQuestion;
  text: string;
  locked: boolean;
  onText: (questionId: string, text: string) => void;
}) {
  const { question: q, text } = props;
  const preview = useDeferredValue(text);
  const errors = useMemo(() => mathErrors(preview), [preview]);
  return (
    <article className="question" id={`q-${q.id}`} aria-labelledby={`qh-${q.id}`}>
      <header className="question-head">
        <h2 id={`qh-${q.id}`}>Question {props.number}</h2>
        <span className="muted">about {q.minutes} min</span>
      </header>
      <Markdown source={q.prompt} className="prompt" />
      <div className="answer-grid">
        <label className="block">
          <span className="visually-hidden">Your answer to question {props.number}</span>
          <textarea
            id={`answer-${q.id}`}
            className="answer"
            rows={8}
            value={text}
            readOnly={props.locked}
            aria-readonly={props.locked}
            placeholder={props.locked ? '(no answer)' : 'Your answer… ($x^2$ for math)'}
            onChange={(e) => props.onText(q.id, e.target.value)}
            spellCheck
          />
        </label>
        <div className="preview">
          <span className="visually-hidden">Preview of answer {props.number}:</span>
          {preview.trim() ? (
            <Markdown source={preview} />
          ) : (
            <p className="muted">Preview appears here.</p>
          )}
        </div>
      </div>
      {errors.length > 0 && (
        <p className="math-errors" role="status">
          {errors.length === 1 ? 'One formula' : `${errors.length} formulas`} will not render:{' '}
          {errors
            .map((e) => `${e.message}${e.position !== null ? ` (at ${e.position})` : ''}`)
            .join('; ')}
          . Your text is kept as typed.
        </p>
      )}
    </article>
  );
});

function ScoringExtras(props: ScoringExtrasProps) {
  const template = props.template as FundamentalsTemplate;
  const answer = props.answer as FundamentalsAnswer;
  const scoring = props.scoring as FundamentalsScoring;
  const toggle = (qid: string, i: number, on: boolean) => {
    const cur = new Set(scoring.covered[qid] ?? []);
    if (on) cur.add(i);
    else cur.delete(i);
    props.onScoringChange({
      covered: { ...scoring.covered, [qid]: [...cur].sort((a, b) => a - b) },
    });
  };
  return (
    <div className="fundamentals-scoring">
      <h2>Key points</h2>
      <p className="muted">
        Tick each point your answer actually covers. This is a self-reported signal: points covered.
      </p>
      {template.questions.map((q, n) => (
        <section key={q.id} className="keypoints">
          <h3>Question {n + 1}</h3>
          <Markdown source={q.prompt} className="prompt small" />
          <details>
            <summary>Your answer</summary>
            {(answer.answers[q.id] ?? '').trim() ? (
              <Markdown source={answer.answers[q.id]!} />
            ) : (
              <p className="muted">(no answer)</p>
            )}
          </details>
          <fieldset>
            <legend className="visually-hidden">Key points of question {n + 1}</legend>
            {q.keyPoints.map((point, i) => (
              <label key={point} className="check">
                <input
                  type="checkbox"
                  checked={(scoring.covered[q.id] ?? []).includes(i)}
                  disabled={props.readOnly}
                  onChange={(e) => toggle(q.id, i, e.target.checked)}
                />
                <Markdown source={point} className="inline" />
              </label>
            ))}
          </fieldset>
        </section>
      ))}
    </div>
  );
}

function ReviewSummary(props: ReviewSummaryProps) {
  const template = props.template as FundamentalsTemplate;
  const answer = props.answer as FundamentalsAnswer;
  const scoring = (props.scoring ?? { covered: {} }) as FundamentalsScoring;
  return (
    <ol className="fundamentals-summary">
      {template.questions.map((q) => (
        <li key={q.id}>
          <Markdown source={q.prompt} className="prompt small" />
          <p className="muted">
            Points covered: {(scoring.covered[q.id] ?? []).length} of {q.keyPoints.length}
          </p>
          {(answer.answers[q.id] ?? '').trim() ? (
            <Markdown source={answer.answers[q.id]!} />
          ) : (
            <p className="muted">(no answer)</p>
          )}
        </li>
      ))}
    </ol>
  );
}

const views: KindViews = { Round, ScoringExtras, ReviewSummary };
export default views;
