// The suite's CSP violation count must be 0. The preview servers (the suite's and the offline
// specs' own) append every report their endpoint receives to one file (MOCKLOOP_CSP_REPORT,
// see src/pwa/vite-csp-report.ts); global setup empties it, global teardown fails on any line.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CSP_REPORT_FILE =
  process.env.MOCKLOOP_CSP_REPORT ??
  join(tmpdir(), `mockloop-csp-${process.env.E2E_PORT ?? 4173}.jsonl`);

export function clearReports(): void {
  writeFileSync(CSP_REPORT_FILE, '');
}

export function readReports(): unknown[] {
  if (!existsSync(CSP_REPORT_FILE)) return [];
  return readFileSync(CSP_REPORT_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as unknown);
}
