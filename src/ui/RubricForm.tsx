// The anchored rubric: each dimension rated 1-4 with every level's description in view, so a
// score is chosen against words, not a feeling.
import type { Level, Rubric, VerdictPolicy } from '../domain/content';

const LEVELS: Level[] = [1, 2, 3, 4];

export function RubricForm(props: {
  rubric: Rubric;
  policy: VerdictPolicy;
  scores: Record<string, Level>;
  onScore: (dimension: string, level: Level) => void;
  readOnly?: boolean;
  /** The dimension number keys apply to (highlighted). */
  activeDimension?: string;
  onFocusDimension?: (dimension: string) => void;
}) {
  const labels = props.policy.labels;
  const levelName: Record<Level, string> = {
    1: labels['strong-no-hire'],
    2: labels['lean-no-hire'],
    3: labels['lean-hire'],
    4: labels['strong-hire'],
  };
  return (
    <div className="rubric">
      {props.rubric.dimensions.map((d) => (
        <fieldset
          key={d.id}
          className={`rubric-dim${props.activeDimension === d.id ? ' active' : ''}`}
          onFocus={() => props.onFocusDimension?.(d.id)}
        >
          <legend>
            <strong>{d.name}</strong> <span className="muted">{d.question}</span>
          </legend>
          <div className="rubric-levels">
            {LEVELS.map((level) => {
              const id = `dim-${d.id}-${level}`;
              const checked = props.scores[d.id] === level;
              return (
                <label
                  key={level}
                  htmlFor={id}
                  className={`rubric-level${checked ? ' checked' : ''}`}
                >
                  <input
                    id={id}
                    type="radio"
                    name={`dim-${d.id}`}
                    value={level}
                    checked={checked}
                    disabled={props.readOnly}
                    onChange={() => props.onScore(d.id, level)}
                  />
                  <span className="rubric-level-head">
                    {level} · {levelName[level]}
                  </span>
                  <span className="rubric-level-text">{d.levels[level]}</span>
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
