// The round clock: remaining time derived from stored facts and now. It announces 10, 5 and 1
// minutes left and time up once each, on screen and through a polite live region.
import { useEffect, useRef, useState } from 'react';
import {
  describeMilestone,
  elapsedMs,
  formatClock,
  isPaused,
  milestoneReached,
  remainingMs,
  type TimerFacts,
  totalBudgetMs,
} from '../domain/timer';
import { useNow } from './use-now';

export function Clock(props: {
  facts: TimerFacts;
  hidden: boolean;
  /** Called on every tick when time has run out (the owner ends the round). */
  onExpired?: () => void;
}) {
  const { facts } = props;
  const running = facts.endedAt === null;
  const now = useNow(1000, running);
  const remaining = remainingMs(facts, now);
  const budget = totalBudgetMs(facts);
  const mark = milestoneReached(remaining, budget);
  const [announcement, setAnnouncement] = useState('');
  const [flash, setFlash] = useState<string | null>(null);
  // Start from the mark already reached, so a reload does not repeat an old announcement.
  const lastMark = useRef<number | null | undefined>(undefined);
  useEffect(() => {
    if (lastMark.current === undefined) {
      lastMark.current = mark;
      return;
    }
    if (mark !== null && mark !== lastMark.current) {
      const text = describeMilestone(mark);
      setAnnouncement(text);
      setFlash(text);
      const t = setTimeout(() => setFlash(null), 8000);
      lastMark.current = mark;
      return () => clearTimeout(t);
    }
    lastMark.current = mark;
  }, [mark]);

  const expired = remaining !== null && remaining <= 0 && running && !isPaused(facts);
  const onExpired = props.onExpired;
  useEffect(() => {
    if (expired) onExpired?.();
  }, [expired, onExpired]);

  const level =
    remaining === null
      ? 'untimed'
      : remaining <= 60_000
        ? 'critical'
        : remaining <= 5 * 60_000
          ? 'warning'
          : 'normal';
  let text: string;
  if (remaining === null) text = `${formatClock(elapsedMs(facts, now))} elapsed`;
  else text = formatClock(remaining);

  return (
    <div className={`clock clock-${level}`}>
      {props.hidden ? (
        <span className="clock-time">
          <span aria-hidden="true">––:––</span>
          <span className="visually-hidden">Clock hidden</span>
        </span>
      ) : (
        <span
          className="clock-time"
          role="timer"
          aria-label={remaining === null ? `${text}` : `${text} left`}
        >
          {text}
        </span>
      )}
      {isPaused(facts) && <span className="badge">Paused</span>}
      {flash && (
        <span className="clock-flash" aria-hidden="true">
          {flash}
        </span>
      )}
      <span
        className="visually-hidden"
        aria-live="polite"
        aria-atomic="true"
        data-testid="clock-announcer"
      >
        {announcement}
      </span>
    </div>
  );
}
