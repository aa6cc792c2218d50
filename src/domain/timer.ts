// The round clock is arithmetic over stored facts and the current time. Nothing here ticks
// and nothing ticking is stored, so a reload or a sleeping laptop cannot make it lie.

export interface Pause {
  from: number;
  /** null while the pause is still going on. */
  to: number | null;
}

export interface TimerFacts {
  /** null: untimed (practice only). */
  budgetMs: number | null;
  startedAt: number;
  pauses: Pause[];
  /** Time added by "+5 min" (practice only), each with when it was added. */
  extensions: { at: number; ms: number }[];
  /** When the round ended (done or time up); the clock stops there. */
  endedAt: number | null;
}

export function startTimer(budgetMs: number | null, now: number): TimerFacts {
  return { budgetMs, startedAt: now, pauses: [], extensions: [], endedAt: null };
}

export function isPaused(f: TimerFacts): boolean {
  return f.pauses.some((p) => p.to === null);
}

export function pausedMs(f: TimerFacts, now: number): number {
  const end = f.endedAt ?? now;
  return f.pauses.reduce((sum, p) => sum + Math.max(0, Math.min(p.to ?? end, end) - p.from), 0);
}

/** Time spent working in the round, pauses excluded. */
export function elapsedMs(f: TimerFacts, now: number): number {
  const end = f.endedAt ?? now;
  return Math.max(0, end - f.startedAt - pausedMs(f, now));
}

export function totalBudgetMs(f: TimerFacts): number | null {
  if (f.budgetMs === null) return null;
  return f.budgetMs + f.extensions.reduce((s, e) => s + e.ms, 0);
}

/** null when untimed; may be negative only transiently (callers end the round at 0). */
export function remainingMs(f: TimerFacts, now: number): number | null {
  const budget = totalBudgetMs(f);
  return budget === null ? null : budget - elapsedMs(f, now);
}

/**
 * The wall-clock moment the budget ran out, if it has: used as the round's end when time ran
 * out while the page was closed or the laptop slept, so time used equals the budget exactly.
 */
export function expiredAt(f: TimerFacts, now: number): number | null {
  const rem = remainingMs(f, now);
  if (rem === null || rem > 0 || isPaused(f) || f.endedAt !== null) return null;
  return now + rem;
}

export function pause(f: TimerFacts, now: number): TimerFacts {
  if (isPaused(f) || f.endedAt !== null) return f;
  return { ...f, pauses: [...f.pauses, { from: now, to: null }] };
}

export function resume(f: TimerFacts, now: number): TimerFacts {
  if (!isPaused(f)) return f;
  return { ...f, pauses: f.pauses.map((p) => (p.to === null ? { ...p, to: now } : p)) };
}

export function extend(f: TimerFacts, ms: number, now: number): TimerFacts {
  if (f.budgetMs === null) return f;
  return { ...f, extensions: [...f.extensions, { at: now, ms }] };
}

export function end(f: TimerFacts, at: number): TimerFacts {
  if (f.endedAt !== null) return f;
  const resumed = resume(f, at);
  return { ...resumed, endedAt: at };
}

/** Minutes-left marks that are announced once each as the clock passes them. */
export const MILESTONES_MS = [10 * 60_000, 5 * 60_000, 60_000, 0] as const;

/**
 * The smallest milestone already reached (remaining <= mark), or null before the first.
 * The announcer speaks when this changes, so it never repeats itself every second.
 */
export function milestoneReached(remaining: number | null, budget: number | null): number | null {
  if (remaining === null || budget === null) return null;
  let reached: number | null = null;
  for (const m of MILESTONES_MS) {
    // A mark at or above the whole budget was never "crossed": a 5-minute round starts at 5:00.
    if (m < budget && remaining <= m) reached = m;
  }
  return reached;
}

export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

export function describeMilestone(mark: number): string {
  if (mark === 0) return 'Time is up.';
  const min = mark / 60_000;
  return `${min} minute${min === 1 ? '' : 's'} left.`;
}
