import type { Signal } from '../domain/kind';

export function Signals({
  signals,
  title = 'Objective signals',
}: {
  signals: Signal[];
  title?: string;
}) {
  return (
    <div className="signals">
      <h3>{title}</h3>
      <dl>
        {signals.map((s) => (
          <div key={s.id} className={`signal${s.selfReported ? ' self' : ''}`}>
            <dt>{s.label}</dt>
            <dd>
              {s.display}
              {s.ratio !== null && (
                <meter
                  min={0}
                  max={1}
                  value={s.ratio}
                  aria-label={`${s.label}: ${Math.round(s.ratio * 100)}%`}
                />
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
