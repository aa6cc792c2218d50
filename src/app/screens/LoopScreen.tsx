import { useEffect, useState } from 'react';
import { forgetResumed, resumedFrom } from '../resumed';
import { href, navigate } from '../routes';
import { useApp } from '../store-context';
import { Between } from './Between';
import { NotFound } from './NotFound';
import { PlanEditor } from './PlanEditor';
import { RoundScreen } from './RoundScreen';
import { ScoringScreen } from './ScoringScreen';

/** #/loop/<id>: whatever phase the session is in, from plan to the last scoring. */
export function LoopScreen({ sessionId }: { sessionId: string }) {
  const openSession = useApp((s) => s.openSession);
  const closeSession = useApp((s) => s.closeSession);
  const state = useApp((s) => s.currentState);
  const phase = useApp((s) =>
    s.current?.session.id === sessionId ? s.current.session.phase : null,
  );

  useEffect(() => {
    void openSession(sessionId);
    return () => closeSession();
  }, [sessionId, openSession, closeSession]);

  useEffect(() => {
    if (phase?.name === 'done') navigate({ name: 'review', sessionId }, { replace: true });
  }, [phase?.name, sessionId]);

  if (state === 'missing') return <NotFound what="session" />;
  if (state === 'damaged') return <DamagedSession sessionId={sessionId} />;
  if (!phase) return <p className="muted">Loading the session…</p>;
  return (
    <>
      <OwnershipBanner />
      <ResumedNote sessionId={sessionId} />
      <Notice />
      {phase.name === 'planning' && <PlanEditor />}
      {phase.name === 'round' && <RoundScreen key={`r${phase.index}`} index={phase.index} />}
      {phase.name === 'scoring' && <ScoringScreen key={`s${phase.index}`} index={phase.index} />}
      {phase.name === 'between' && <Between index={phase.index} />}
      {phase.name === 'done' && <p className="muted">Opening the review…</p>}
    </>
  );
}

function OwnershipBanner() {
  const ownership = useApp((s) => s.ownership);
  const takeOver = useApp((s) => s.takeOver);
  if (ownership === 'owner') return null;
  return (
    <div className="banner banner-warn" role="alert">
      {ownership === 'elsewhere'
        ? 'This session is open in another tab. This tab shows it read-only so the two cannot overwrite each other.'
        : 'Another tab took over this session. Everything typed here was saved before it did; this tab is now read-only.'}{' '}
      <button type="button" onClick={() => void takeOver()}>
        Take over here
      </button>
    </div>
  );
}

function Notice() {
  const notice = useApp((s) => s.notice);
  const clear = useApp((s) => s.clearNotice);
  if (!notice) return null;
  return (
    <div className="banner banner-info" role="status">
      {notice}{' '}
      <button type="button" className="ghost" onClick={clear} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}

function DamagedSession({ sessionId }: { sessionId: string }) {
  const damaged = useApp((s) =>
    s.damaged.find((d) => d.store === 'sessions' && d.key === sessionId),
  );
  return (
    <section>
      <h1 tabIndex={-1}>This session cannot be opened</h1>
      <p>
        Its stored record is damaged{damaged ? `: ${damaged.error}` : ''}. Nothing was changed or
        deleted; you can download the record as it is from <a href="#/history">History</a>.
      </p>
    </section>
  );
}

/** Opened from a practice link while this round was in progress: say so, offer a fresh start. */
function ResumedNote({ sessionId }: { sessionId: string }) {
  const [what, setWhat] = useState(() => resumedFrom(sessionId));
  const startedAt = useApp((s) =>
    s.current?.session.id === sessionId ? s.current.session.startedAt : null,
  );
  if (!what) return null;
  const dismiss = () => {
    forgetResumed(sessionId);
    setWhat(undefined);
  };
  return (
    <div className="banner banner-info" role="status">
      You already had this round in progress
      {startedAt ? ` (started ${new Date(startedAt).toLocaleString()})` : ''}, so it is resumed
      here.{' '}
      <a href={href({ name: 'practice-template', ...what, fresh: true })} onClick={dismiss}>
        Start a fresh one instead
      </a>{' '}
      <button type="button" className="ghost" onClick={dismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
