// When the interviewer's timed follow-ups appear: the template's minutes scaled to the round's
// actual length (extensions included), or as written when untimed. A follow-up that has appeared
// stays, even if an extension later moves its scheduled time. Pure functions of the template and
// the round clock.

export interface ScheduledFollowup {
  id: string;
  /** Round-clock ms at which it appears. */
  atMs: number;
}

export function followupSchedule(
  followups: { id: string; at: number }[],
  templateMinutes: number,
  budgetMs: number | null,
): ScheduledFollowup[] {
  const scale = budgetMs === null ? 60_000 : budgetMs / templateMinutes;
  return followups.map((f) => ({ id: f.id, atMs: Math.round((f.at * scale) / 1000) * 1000 }));
}

/** The follow-ups to show at round-clock time t, in template order. */
export function dueFollowups(
  schedule: ScheduledFollowup[],
  t: number,
  shown: Iterable<string> = [],
): string[] {
  const already = new Set(shown);
  return schedule.filter((f) => f.atMs <= t || already.has(f.id)).map((f) => f.id);
}

/** The next follow-up still to come after t, or null. */
export function nextFollowup(
  schedule: ScheduledFollowup[],
  t: number,
  shown: Iterable<string> = [],
): ScheduledFollowup | null {
  const already = new Set(shown);
  return (
    schedule.filter((f) => f.atMs > t && !already.has(f.id)).sort((a, b) => a.atMs - b.atMs)[0] ??
    null
  );
}
