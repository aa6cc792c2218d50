// The preview server's CSP report endpoint. Browsers POST a violation of the policy there
// (report-uri in PREVIEW_HEADERS), the page's and its workers' alike: violations inside a
// worker never reach the page's listeners. With MOCKLOOP_CSP_REPORT set to a file, each report
// is appended to it as one JSON line; the end-to-end suite fails when that file is not empty.
import { appendFileSync } from 'node:fs';
import type { Connect, Plugin } from 'vite';
import { CSP_REPORT_PATH } from './headers';

export function cspReportEndpoint(
  file = process.env.MOCKLOOP_CSP_REPORT,
): Connect.NextHandleFunction {
  return (req, res, next) => {
    if ((req.url ?? '').split('?')[0] !== CSP_REPORT_PATH) return next();
    if (req.method !== 'POST') {
      res.statusCode = 405;
      res.end();
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      if (body.length < 64 * 1024) body += c;
    });
    req.on('end', () => {
      let report: unknown = body;
      try {
        report = JSON.parse(body);
      } catch {
        // Kept as text.
      }
      const line = JSON.stringify({ at: new Date().toISOString(), report });
      if (file) appendFileSync(file, `${line}\n`);
      else console.warn(`[csp] violation: ${line}`);
      res.statusCode = 204;
      res.end();
    });
  };
}

export function cspReports(): Plugin {
  return {
    name: 'mockloop-csp-reports',
    configurePreviewServer(server) {
      server.middlewares.use(cspReportEndpoint());
    },
    configureServer(server) {
      server.middlewares.use(cspReportEndpoint());
    },
  };
}
