// Debian's Chromium, as the end-to-end tests and the bench launch it. Playwright's own browser
// download is not available here; the flags keep Chromium from calling home in the background.
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
