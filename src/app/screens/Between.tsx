import { useState } from 'react';
import { kindEntry } from '../../kinds/registry';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useShortcuts } from '../shortcuts';
import { useApp } from '../store-context';
import { ScoreRound } from './ScoringScreen';

/** The break between rounds: what comes next, and a chance to revise earlier scores. */
export function Between({ index }: { index: number }) {
  const session = useApp((s) => s.current!.session);
  const dispatch = useApp((s) => s.dispatch);
  const owner = useApp((s) => s.ownership === 'owner');
  const [revising, setRevising] = useState<number | null>(null);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const next = session.plan.rounds[index]!;
  const startNext = () => dispatch({ type: 'start-next' });
  useShortcuts([{ key: 'n', label: 'Start the next round', run: startNext, enabled: owner }]);

  return (
    <section>
      <h1 tabIndex={-1}>Break</h1>
      <p className="lead">
        Stand up, drink some water. Next: round {index + 1} of {session.rounds.length},{' '}
        <strong>{next.title}</strong> ({kindEntry(next.kind)?.spec.title ?? next.kind}),{' '}
        {next.minutes} minutes.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={startNext} disabled={!owner}>
          Start round {index + 1}
        </button>
        <button type="button" onClick={() => setConfirmEnd(true)} disabled={!owner}>
          End the loop here
        </button>
      </div>
      <h2>Earlier rounds</h2>
      <p className="muted">Scores can be revised until the loop is finished.</p>
      <ul className="plain">
        {session.plan.rounds.slice(0, index).map((r, i) => (
          <li key={r.slot}>
            <button
              type="button"
              className="link"
              aria-expanded={revising === i}
              onClick={() => setRevising(revising === i ? null : i)}
            >
              {revising === i ? 'Close' : 'Revise'} round {i + 1}: {r.title}
            </button>
            {revising === i && <ScoreRound index={i} />}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={confirmEnd}
        title="End the loop now?"
        confirmLabel="End and see the review"
        cancelLabel="Keep going"
        onCancel={() => setConfirmEnd(false)}
        onConfirm={() => {
          setConfirmEnd(false);
          dispatch({ type: 'end-loop' });
        }}
      >
        <p>The rounds not yet played are left out of the verdict and shown as not played.</p>
      </ConfirmDialog>
    </section>
  );
}
