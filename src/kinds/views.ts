// What a kind's lazily loaded views module provides. Types only, so the registry can name it
// without pulling React into Node.
import type { ComponentType } from 'react';

/** One of the person's own projects (settings → My projects), as a round sees it. */
export interface Project {
  id: string;
  type: 'research' | 'production';
  title: string;
  summary: string;
  role: string;
  result: string;
  limitations: string;
  createdAt: number;
  updatedAt: number;
}

export interface ProjectAccess {
  list(): Promise<Project[]>;
  save(project: Project): Promise<void>;
}

/** A recorded piece of a clip (a spoken answer), as stored. */
export interface MediaPiece {
  clip: string;
  seq: number;
  blob: Blob;
  mimeType: string;
  /** Wall-clock time the piece was recorded up to. */
  at: number;
}

/**
 * Recordings of this round, stored straight to IndexedDB piece by piece (never through the
 * localStorage journal); a failed write shows the same "not saved yet" banner as answers.
 */
export interface MediaAccess {
  put(piece: MediaPiece): boolean;
  /** Every piece of this round, in clip and seq order. */
  list(): Promise<MediaPiece[]>;
  remove(clip: string): Promise<void>;
}

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
  /** A practice round (not a loop): a kind may give feedback during it (derivation checks). */
  practice?: boolean;
  /** Milliseconds on the round clock now (for stamping events such as runs and hint reveals). */
  roundClock: () => number;
  /**
   * The round's length now, extensions included; null when untimed. Changes only when the round
   * is extended or its timing toggled, never with the clock.
   */
  budgetMs?: number | null;
  /** The session's seed and this round's place in it (what a kind draws is fixed by them). */
  seed: number;
  roundIndex: number;
  /** Always given by the app; optional so views that record nothing can be tested without. */
  media?: MediaAccess;
  projects?: ProjectAccess;
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
  media?: MediaAccess;
}

export interface ReviewSummaryProps<T = unknown, A = unknown, S = unknown> {
  template: T;
  answer: A;
  scoring: S;
  timeline: unknown[];
  usedMs: number;
  media?: MediaAccess;
}

export interface KindViews {
  Round: ComponentType<RoundViewProps>;
  /** Shown at scoring time beside the rubric: the reference answer and any checklist. */
  ScoringExtras: ComponentType<ScoringExtrasProps>;
  /** A compact look at the answer in the review. */
  ReviewSummary: ComponentType<ReviewSummaryProps>;
  /** An image of the answer for the session report (a whiteboard as PNG), when it has one. */
  exportImage?(props: ReviewSummaryProps): Promise<Blob | null>;
}
