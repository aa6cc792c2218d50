import { useState } from 'react';
import { QUIZ, recommendTrack } from '../../domain/recommend';
import { useApp } from '../store-context';
import { withArticle } from '../text';
import { useStartSession } from '../use-start';

export function WhichTrack() {
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const tracks = useApp((s) => s.catalog.tracks);
  const { start, busy } = useStartSession();
  const rec = recommendTrack(answers);
  const track = tracks.find((t) => t.id === rec.track);
  const complete = rec.answered === QUIZ.length;
  return (
    <section>
      <h1 tabIndex={-1}>Which track is mine?</h1>
      <p className="lead">Six questions. The answer says which loop to rehearse, and why.</p>
      <form className="quiz" onSubmit={(e) => e.preventDefault()}>
        {QUIZ.map((q) => (
          <fieldset key={q.id}>
            <legend>{q.prompt}</legend>
            {q.options.map((o) => (
              <label key={o.id} className="choice">
                <input
                  type="radio"
                  name={q.id}
                  value={o.id}
                  checked={answers[q.id] === o.id}
                  onChange={() => setAnswers((a) => ({ ...a, [q.id]: o.id }))}
                />{' '}
                {o.label}
              </label>
            ))}
          </fieldset>
        ))}
      </form>
      <div className="card" aria-live="polite">
        {rec.answered === 0 ? (
          <p className="muted">Answer the questions to see a recommendation.</p>
        ) : (
          <>
            <h2>
              {complete ? 'Recommended' : 'Leaning towards'}: {track?.name}
            </h2>
            <p className="muted">
              Score: ML Engineer {rec.scores.mle}, Research Scientist {rec.scores.rs}
              {rec.close ? ' — close: practising both is worthwhile.' : '.'}
            </p>
            {rec.reasons.length > 0 && (
              <ul>
                {rec.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            )}
            {complete && (
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => start({ type: 'track', trackId: rec.track })}
              >
                Start {track ? withArticle(track.name) : 'the'} loop
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
