// The contract every round kind fulfils. A spec imports no React and no browser API, so the
// content loader and check:rounds can use it under Node; views are loaded lazily by the registry,
// and the kind's content rules (KindContent) only by the content loader.

import type { TemplateBase } from './content';
import type { z } from './zod';

/** One objective (or self-reported) fact shown beside the rubric at scoring time. */
export interface Signal {
  id: string;
  label: string;
  /** Human text, e.g. "7 of 9". */
  display: string;
  /** 0..1 where it can be compared with a self-score; null when it has no direction. */
  ratio: number | null;
  /** The numbers behind the display (e.g. 7 of 9), for calibration rules; absent when none. */
  value?: number;
  outOf?: number;
  /** The person ticked it themselves, so it is a weaker check on a generous self-score. */
  selfReported: boolean;
  /** Rubric dimensions this signal speaks to, for the "self-score vs signal" check. */
  dimensions: string[];
}

export interface BankEntry {
  /** The file name without .yaml. */
  name: string;
  value: unknown;
}

export interface BankSpec {
  schema: z.ZodMiniType<unknown>;
  /** Problems across the bank, each as (file name without .yaml, message). */
  lint?(entries: BankEntry[]): { name: string; message: string }[];
}

export interface RoundContext {
  seed: number;
  index: number;
}

/** How a kind's templates are laid out under rounds/. */
export type TemplateLayout =
  /** rounds/<dir>/<id>.yaml holds the whole template. */
  | { type: 'file'; dir: string }
  /**
   * rounds/<dir>/<id>/template.yaml plus side files whose text fills a field,
   * e.g. { 'statement.md': 'statement', 'solution.py': 'solution' }.
   */
  | { type: 'folder'; dir: string; files: Record<string, string> };

/**
 * A kind as the app runs it (browser and Node). What its templates must be lives beside it in
 * KindContent (src/kinds/<kind>/content.ts), which only the content loader and check:rounds load:
 * templates reach the browser already validated, so no template schema or lint is in its bundle.
 */
export interface RoundKindSpec<T extends TemplateBase = TemplateBase, A = unknown, S = unknown> {
  kind: string;
  /** Name of the round as a person says it, e.g. "ML fundamentals". */
  title: string;
  /** One line shown when choosing what to practise. */
  blurb: string;
  rubricId: string;
  /** The person's work during the round. */
  answerSchema: z.ZodMiniType<A>;
  /** What the person records at scoring time besides the rubric (e.g. a key-point checklist). */
  scoringSchema: z.ZodMiniType<S>;
  /**
   * The answer a round starts from. ctx carries the session seed and the round's index, so a kind
   * that draws (probes from a bank) draws the same for the same session; the store saves it when
   * the round starts, so a reload never redraws.
   */
  emptyAnswer(template: T, ctx?: RoundContext): A;
  emptyScoring(template: T): S;
  /** Is there anything in the answer at all (used to warn before ending an empty round)? */
  isAnswerEmpty(answer: A): boolean;
  /**
   * usedMs: round-clock ms the round lasted; budgetMs: its length with extensions (null when
   * untimed). Given by the scoring and review screens, for signals about time (time per stage).
   */
  signals(input: {
    template: T;
    answer: A;
    scoring: S;
    usedMs?: number;
    budgetMs?: number | null;
  }): Signal[];
  /** Every signal id signals() may report, so calibration rules naming others are rejected. */
  signalIds?: string[];
  /**
   * The answer as Markdown for the session report a mentor reads anywhere (code in fenced
   * blocks, derivation steps as LaTeX, notes as written). Headings start at level 4.
   */
  toMarkdown?(input: { template: T; answer: A; scoring: S }): string;
}

/**
 * What a kind's templates under rounds/ must be: the default export of
 * src/kinds/<kind>/content.ts, found by convention (as check.ts) and loaded under Node only.
 */
export interface KindContent<T extends TemplateBase = TemplateBase> {
  layout: TemplateLayout;
  templateSchema: z.ZodMiniType<T>;
  /**
   * Shared content the kind's templates draw from (a probe bank), not templates themselves:
   * rounds/<layout.dir>/<bank>/<name>.yaml, each file validated by the bank's schema; lint sees
   * the whole bank (cross-file rules) and names the file of each problem.
   */
  banks?: Record<string, BankSpec>;
  /** Fills a validated template with what it draws from the banks, when the content loads. */
  withBanks?(template: T, banks: Record<string, BankEntry[]>): T;
  /**
   * Template fields holding Python values (arguments, expected results), at any depth: there a
   * whole number written as a float (`1000.0`) is read as a PyFloat (domain/pyvalue.ts), so it
   * reaches Python as a float; everywhere else it is a plain number.
   */
  pythonValueKeys?: readonly string[];
  /** Problems with one template that its schema cannot see (cross-field rules). */
  lint?(template: T): string[];
  /** Figures for check:rounds --json under extra.<kind>. */
  extra?(templates: T[]): Record<string, number>;
}

// A registry holds specs of different shapes; this is the erased form the engine works with.
// biome-ignore lint/suspicious/noExplicitAny: the registry erases each kind's own types on purpose
export type AnyKindSpec = RoundKindSpec<any, any, any>;
// biome-ignore lint/suspicious/noExplicitAny: as AnyKindSpec
export type AnyKindContent = KindContent<any>;
/** A kind as the content loader reads its templates: its spec and its content rules together. */
export type ContentKind = AnyKindSpec & AnyKindContent;

/**
 * A kind's last step when one of its rounds ends (done, time up, or time found up when a closed
 * session is reopened, with no view mounted): e.g. grade the locked code once more. Runs in the
 * browser; may return the answer to store once after the lock, with a sentence for scoring.
 */
export type KindFinish = (input: {
  // biome-ignore lint/suspicious/noExplicitAny: templates arrive erased from the registry
  template: any;
  answer: unknown;
  endReason: 'done' | 'timeout';
  usedMs: number;
  /** The round's timeline pieces by seq (holes where a piece was lost). */
  timeline: unknown[];
  /** The round's stored recording pieces (clip id and the time each was recorded up to). */
  recorded(): Promise<{ clip: string; at: number }[]>;
}) => Promise<{
  /** The answer to store once after the lock; absent: the stored answer stays as it is. */
  answer?: unknown;
  summary: string;
  /** Pieces to add to the round's timeline (e.g. the board's last frame), written once. */
  timeline?: { seq: number; data: unknown }[];
} | null>;

/**
 * Time caps check:rounds gives a kind's deeper check, so one slow template cannot hold up the
 * rest: a run past its cap is reported ("took longer than N s") and the check moves on.
 */
export interface CheckOptions {
  /** Seconds one test (one run of the reference or starter) may take. */
  testCapS: number;
  /** Seconds all of one template's runs may take together. */
  templateCapS: number;
  /** Date.now() after which nothing more is started: the whole check's cap. */
  deadline: number;
}

/** A kind's deeper content check (e.g. running reference solutions), for check:rounds. */
export type KindCheck = (
  // biome-ignore lint/suspicious/noExplicitAny: templates arrive erased from the registry
  templates: any[],
  options?: CheckOptions,
) => Promise<{
  failures: { file: string; message: string }[];
  extra: Record<string, number>;
}>;
