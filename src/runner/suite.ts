// What the Python harness takes and returns, and how a report is counted. Pure and generic:
// a kind builds its requests (see kinds/coding/requests.ts).

export interface HarnessRequest {
  source: string;
  entry: string;
  tests: unknown[];
  scale: unknown[];
  reference?: string;
  checker?: string;
  tolerance: { rel: number; abs: number };
  outputCap: number;
}

export interface HarnessError {
  type: string;
  message: string;
  line: number | null;
  traceback: string;
}

export interface TestResult {
  name: string;
  visible: boolean;
  scale?: boolean;
  passed: boolean;
  input?: unknown;
  expected?: unknown;
  got?: unknown;
  mismatches?: { path: string; message: string }[];
  tolerance?: { rel: number; abs: number };
  stdout?: string;
  error?: HarnessError;
  /** The time limit stopped the run in this test. */
  stopped?: boolean;
  /** The person's own input ("try your own input"): what came back, with no verdict. */
  custom?: boolean;
  /** The person's input could not be read as arguments (error.message says why). */
  badInput?: boolean;
  ms?: number;
  budgetMs?: number;
  referenceMs?: number;
}

export interface HarnessReport {
  compiled: boolean;
  error?: HarnessError;
  stdout?: string;
  stdoutTruncated: boolean;
  results: TestResult[];
  /** The time limit stopped the run: results hold the tests finished before it, then the one it was in. */
  stopped?: boolean;
}

export const OUTPUT_CAP = 100_000;

export interface Tally {
  passed: number;
  total: number;
  visiblePassed: number;
  visibleTotal: number;
  hiddenPassed: number;
  hiddenTotal: number;
  scalePassed: number;
  scaleTotal: number;
}

export function tally(report: HarnessReport): Tally {
  const t: Tally = {
    passed: 0,
    total: 0,
    visiblePassed: 0,
    visibleTotal: 0,
    hiddenPassed: 0,
    hiddenTotal: 0,
    scalePassed: 0,
    scaleTotal: 0,
  };
  for (const r of report.results) {
    t.total++;
    if (r.passed) t.passed++;
    if (r.scale) {
      t.scaleTotal++;
      if (r.passed) t.scalePassed++;
    } else if (r.visible) {
      t.visibleTotal++;
      if (r.passed) t.visiblePassed++;
    } else {
      t.hiddenTotal++;
      if (r.passed) t.hiddenPassed++;
    }
  }
  return t;
}
