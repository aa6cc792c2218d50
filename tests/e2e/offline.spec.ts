// Offline for real: the spec serves the build from a preview server of its own, visits once,
// lets the service worker precache everything, then stops that server and uses every kind the
// practice page lists — the kinds come from the app, so kinds landing later are covered.
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { PREVIEW_HEADERS } from '../../src/pwa/headers';
import { kindsOnPracticePage, sessionIdFromUrl, storedSession } from './helpers';
import { BUILD_DIR, type OwnServer, startPreview } from './own-server';

const PORT = Number(process.env.OFFLINE_PORT ?? 4195);

test.use({ serviceWorkers: 'allow' });

function buildFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? buildFiles(p, base) : [p.slice(base.length + 1)];
  });
}

/** Waits until the service worker is active, controls the page and holds every file. */
async function precached(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 120_000,
  });
  return page.evaluate(async () => {
    const names = await caches.keys();
    let n = 0;
    for (const name of names.filter((x) => x.includes('precache')))
      n += (await (await caches.open(name)).keys()).length;
    return n;
  });
}

/** Opens the kind's first listed template as a practice round. */
async function openFirstTemplate(page: Page, kind: string) {
  await page.goto(`#/practice/${kind}`);
  const first = page.locator('ul.template-list a').first();
  await expect(first).toBeVisible();
  await page.goto((await first.getAttribute('href'))!);
  await expect(page).toHaveURL(/#\/loop\//);
  await expect(page.locator('section.round')).toBeVisible();
}

/** What a person does in a round of that kind; a kind not named here gets a typed answer. */
const USE: Record<string, (page: Page) => Promise<void>> = {
  coding: async (page) => {
    await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(/Python ready/)).toBeVisible({ timeout: 60_000 });
    await page.getByRole('button', { name: /^Submit/ }).click();
    await expect(page.locator('.result-summary')).toHaveText(/of \d+ tests? passed/, {
      timeout: 60_000,
    });
  },
  'system-design': async (page) => {
    const board = page.locator('.sd-work .sd-board-host');
    await expect(board).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    await board.scrollIntoViewIfNeeded();
    await board.getByTitle(/^Rectangle/).click();
    const box = (await board.locator('canvas.interactive').boundingBox())!;
    await page.mouse.move(box.x + 120, box.y + 120);
    await page.mouse.down();
    await page.mouse.move(box.x + 270, box.y + 210, { steps: 6 });
    await page.mouse.up();
    await expect
      .poll(async () => JSON.stringify((await storedSession(page, sessionIdFromUrl(page))).answers))
      .toContain('"type":"rectangle"');
  },
  derivation: async (page) => {
    const step = page.getByRole('combobox', { name: 'Step 1', exact: true });
    await expect(step).toBeVisible({ timeout: 20_000 });
    await step.click();
    await page.keyboard.type('x^2 + \\frac{1}{2}');
    await expect(page.locator('.drv-steps > li').first().locator('.katex')).toBeVisible();
  },
};

// The paper critique opens on its card: the prompts follow once it is read.
USE['deep-dive'] = async (page) => {
  await page.getByRole('button', { name: /^I have read it/ }).click();
  await typedAnswer(page);
};

async function typedAnswer(page: Page) {
  const box = page.locator('section.round').getByRole('textbox').first();
  await expect(box).toBeVisible({ timeout: 20_000 });
  const text = `Typed offline at ${Date.now()}`;
  await box.fill(text);
  await expect
    .poll(async () => JSON.stringify((await storedSession(page, sessionIdFromUrl(page))).answers))
    .toContain(text);
}

let server: OwnServer | null = null;
let context: BrowserContext | null = null;

test.afterEach(async () => {
  await context?.close();
  context = null;
  await server?.stop();
  server = null;
});

test('after one visit, with the server gone, the page is isolated and every kind works', async ({
  browser,
}) => {
  test.setTimeout(420_000);
  server = await startPreview(PORT);
  // The preview server sends the app's headers (the recipes under deploy/ are tested against
  // the same module).
  const res = await fetch(server.url);
  for (const [k, v] of Object.entries(PREVIEW_HEADERS)) expect(res.headers.get(k), k).toBe(v);

  context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'allow' });
  // With the server gone, reports have nowhere to go: the page's own violations are counted
  // here (a worker's are not visible to the page; the online suite reports those).
  await context.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const files = buildFiles(BUILD_DIR).filter((f) => f !== 'sw.js');
  expect(await precached(page)).toBe(files.length);

  await server.stop();
  server = null;
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

  const kinds = await kindsOnPracticePage(page);
  expect(kinds.length).toBeGreaterThan(1);
  for (const kind of kinds) {
    await test.step(kind, async () => {
      await openFirstTemplate(page, kind);
      await (USE[kind] ?? typedAnswer)(page);
      await expect(page.getByText(/could not be loaded/)).toHaveCount(0);
    });
  }
  expect(
    await page.evaluate(() => (window as unknown as { violations: string[] }).violations),
  ).toEqual([]);
  // A reload offline keeps what was typed (storage needs no network either).
  await page.reload();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.locator('section.round')).toBeVisible();
});

test('a new version arriving mid-round waits for the round to end, then applies on request', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  // A copy of the build, so the "new version" (a changed sw.js) leaves the suite's build alone.
  const dir = mkdtempSync(join(tmpdir(), 'mockloop-update-'));
  try {
    cpSync(BUILD_DIR, dir, { recursive: true });
    server = await startPreview(PORT + 1, dir);
    context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto('./');
    await precached(page);
    const [kind] = await kindsOnPracticePage(page);
    await page.goto(`#/practice/${kind}`);
    await page.getByRole('button', { name: /^Surprise me/ }).click();
    await expect(page.locator('section.round')).toBeVisible();
    const box = page.locator('section.round').getByRole('textbox').first();
    await box.fill('Before the update');

    // Deploy a new version while the round runs.
    await server.stop();
    appendFileSync(join(dir, 'sw.js'), `\n// next version ${Date.now()}\n`);
    server = await startPreview(PORT + 1, dir);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

    const banner = page.getByRole('region', { name: 'Update available' });
    await expect(banner).toContainText('you can apply it when this round ends', {
      timeout: 60_000,
    });
    await expect(banner.getByRole('button', { name: 'Update now' })).toHaveCount(0);
    // The old version keeps working under it.
    await box.fill('Before the update, and after it arrived');
    await expect(box).toHaveValue('Before the update, and after it arrived');
    expect(
      await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())!.waiting),
    ).toBe(true);

    await page.getByRole('button', { name: "I'm done" }).click();
    await page.getByRole('button', { name: 'End round and score' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Score/ })).toBeVisible();
    await page.evaluate(() => {
      (window as unknown as { before: boolean }).before = true;
    });
    await banner.getByRole('button', { name: 'Update now' }).click();
    // The page reloads into the new version; the scoring is where it was.
    await page.waitForFunction(() => !(window as unknown as { before?: boolean }).before);
    await expect(page.getByRole('heading', { level: 1, name: /^Score/ })).toBeVisible();
    await expect(banner).toHaveCount(0);
    expect(
      await page.evaluate(async () => {
        const r = (await navigator.serviceWorker.getRegistration())!;
        return { waiting: !!r.waiting, controlled: !!navigator.serviceWorker.controller };
      }),
    ).toEqual({ waiting: false, controlled: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
