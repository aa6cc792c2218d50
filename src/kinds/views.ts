// What a kind's lazily loaded views module provides. Types only, so the registry can name it
// without pulling React into Node.
import type { ComponentType } from 'react';

export interface RoundViewProps<T = unknown, A = unknown> {
  template: T;
  answer: A;
  /**
   * The kind reports every change; the store saves it within a second. journal: false for a
   * large answer (a board scene): it goes straight to IndexedDB, not the localStorage journal.
   */
  onChange: (answer: A, opts?: { journal?: boolean }) => void;
  /** Time is up or the round ended: show the answer read-only. */
  locked: boolean;
  /** Milliseconds on the round clock now (for stamping events such as runs and hint reveals). */
  roundClock: () => number;
  /** The round's append-only log, stored piece by piece (e.g. a coding replay). */
  timeline: {
    count: number;
    put: (seq: number, data: unknown, opts?: { journal?: boolean }) => void;
  };
}

export interface ScoringExtrasProps<T = unknown, A = unknown, S = unknown> {
  template: T;
  answer: A;
  scoring: S;
  onScoringChange: (scoring: S) => void;
  readOnly: boolean;
  timeline: unknown[];
  /** Round-clock ms the round lasted. */
  usedMs: number;
}

export interface ReviewSummaryProps<T = unknown, A = unknown, S = unknown> {
  template: T;
  answer: A;
  scoring: S;
  timeline: unknown[];
  usedMs: number;
}

export interface KindViews {
  Round: ComponentType<RoundViewProps>;
  /** Shown at scoring time beside the rubric: the reference answer and any checklist. */
  ScoringExtras: ComponentType<ScoringExtrasProps>;
  /** A compact look at the answer in the review. */
  ReviewSummary: ComponentType<ReviewSummaryProps>;
}
