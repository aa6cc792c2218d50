import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './chromium.config';
import { CSP_REPORT_FILE } from './tests/e2e/csp-reports';

const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  // Every CSP violation reported to the preview server fails the run (tests/e2e/csp-reports.ts).
  globalSetup: './tests/e2e/global-setup.ts',
  globalTeardown: './tests/e2e/global-teardown.ts',
  use: {
    baseURL: `http://localhost:${port}/`,
    browserName: 'chromium',
    launchOptions: chromiumLaunch,
    trace: 'off',
    // Each test gets a fresh profile; installing the service worker there would precache the
    // whole app (42 MB) per test. The offline specs allow it and test it.
    serviceWorkers: 'block',
  },
  webServer: {
    command: `npx vite preview --configLoader runner --port ${port} --strictPort`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    env: { MOCKLOOP_CSP_REPORT: CSP_REPORT_FILE },
  },
});
