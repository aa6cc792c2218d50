import { CSP_REPORT_FILE, readReports } from './csp-reports';

export default function globalTeardown() {
  const reports = readReports();
  if (reports.length > 0)
    throw new Error(
      `${reports.length} Content-Security-Policy violation(s) reported during the suite (${CSP_REPORT_FILE}):\n${reports
        .slice(0, 20)
        .map((r) => JSON.stringify(r))
        .join('\n')}`,
    );
}
