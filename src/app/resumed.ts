// Sessions this page resumed from a practice link instead of starting afresh, so the loop
// screen can say so once and offer a fresh start.
const resumed = new Map<string, { kind: string; templateId: string }>();

export function markResumed(sessionId: string, what: { kind: string; templateId: string }): void {
  resumed.set(sessionId, what);
}

export function resumedFrom(sessionId: string): { kind: string; templateId: string } | undefined {
  return resumed.get(sessionId);
}

export function forgetResumed(sessionId: string): void {
  resumed.delete(sessionId);
}
