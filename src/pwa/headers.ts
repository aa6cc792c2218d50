// The response headers mockloop is served with: one source for the dev and preview servers
// (vite.config.ts), the service worker (responses served from its cache), the static-host
// recipes under deploy/ (a test compares them) and the README.

/** Cross-origin isolation: the Python worker is interrupted through a SharedArrayBuffer. */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

/**
 * The Content-Security-Policy, directive by directive. Each allowance beyond 'self' says why
 * it is there; everything not listed falls back to default-src 'self'.
 */
export const CSP_DIRECTIVES: [directive: string, sources: string][] = [
  ['default-src', "'self'"],
  // Pyodide compiles its WebAssembly; nothing needs eval ('unsafe-eval' stays out).
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  // Module workers from the app's own files only (Python, the editor, the LaTeX checker).
  ['worker-src', "'self'"],
  // Monaco and Excalidraw insert <style> elements at run time, KaTeX writes style="" into the
  // formulas it renders: styles need 'unsafe-inline' (styles cannot run code).
  ['style-src', "'self' 'unsafe-inline'"],
  // Excalidraw's images and exports are blob: and data: URLs; Monaco's icons are data: SVGs.
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  // Recordings of a spoken answer are played back from blob: URLs.
  ['media-src', "'self' blob:"],
  // Reading back a blob the page made itself (a recording: the e2e decodes its file this way);
  // a blob: URL only ever holds data the app's own code created.
  ['connect-src', "'self' blob:"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** The policy as one header value; extra directives (a report endpoint) go at the end. */
export function contentSecurityPolicy(extra: [string, string][] = []): string {
  return [...CSP_DIRECTIVES, ...extra].map(([d, s]) => `${d} ${s}`).join('; ');
}

/** Where the preview server collects violation reports (see vite-csp-report.ts). */
export const CSP_REPORT_PATH = '/__csp-report';

/** The headers every response of the app carries on a static host. */
export const APP_HEADERS: Record<string, string> = {
  ...ISOLATION_HEADERS,
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** As APP_HEADERS, the policy reporting its violations to the preview server's endpoint. */
export const PREVIEW_HEADERS: Record<string, string> = {
  ...APP_HEADERS,
  'Content-Security-Policy': contentSecurityPolicy([['report-uri', CSP_REPORT_PATH]]),
};

/**
 * Dev: Vite's React refresh adds an inline module script to the page (its preamble), so dev
 * allows inline scripts; everything else is as in the build.
 */
export const DEV_HEADERS: Record<string, string> = {
  ...APP_HEADERS,
  'Content-Security-Policy': contentSecurityPolicy([['report-uri', CSP_REPORT_PATH]]).replace(
    "script-src 'self'",
    "script-src 'self' 'unsafe-inline'",
  ),
};
