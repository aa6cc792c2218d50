// The ML system design round in Chromium with the real Excalidraw: drawing and the component
// library survive a reload, the interviewer answers and follows up on time, estimates are judged
// at scoring, the board replays, exports download, and nothing is fetched from elsewhere.
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { COMPONENTS } from '../../src/kinds/system-design/library';
import {
  endRoundNow,
  letSave,
  seriousA11yViolations,
  sessionIdFromUrl,
  storedSession,
  T0,
} from './helpers';

const ID = 'video-recommendations';

type Stored = {
  value: {
    scene: {
      elements: { type: string; isDeleted?: boolean; customData?: { component?: string } }[];
    } | null;
  };
};

async function openRound(page: Page) {
  await page.clock.install({ time: T0 });
  await page.goto(`/#/practice/system-design/${ID}`);
  await expect(page).toHaveURL(/#\/loop\//);
  await boardReady(page);
}

async function boardReady(page: Page) {
  await expect(page.locator('.sd-work .sd-board-host')).toHaveAttribute('data-state', 'ready', {
    timeout: 30_000,
  });
}

const board = (page: Page) => page.locator('.sd-work .sd-board-host');

async function canvasBox(page: Page) {
  await board(page).scrollIntoViewIfNeeded();
  return (await board(page).locator('canvas.interactive').boundingBox())!;
}

/** Draws a rectangle with the mouse, the way a person does. */
async function drawRectangle(page: Page, x: number, y: number) {
  await board(page).scrollIntoViewIfNeeded();
  await board(page)
    .getByTitle(/^Rectangle/)
    .click();
  const box = await canvasBox(page);
  await page.mouse.move(box.x + x, box.y + y);
  await page.mouse.down();
  await page.mouse.move(box.x + x + 150, box.y + y + 90, { steps: 6 });
  await page.mouse.up();
}

/** Drags a component from the built-in library onto the board. */
async function dragComponent(page: Page, id: string, x: number, y: number) {
  const units = page.locator('.sd-work .library-unit');
  if ((await units.count()) === 0) await board(page).getByTitle('Library').click();
  // Each unit previews its shape with the label (wrapped, so compare without spaces).
  const squash = (s: string) => s.replace(/\s+/g, '');
  await expect
    .poll(async () => (await units.allTextContents()).map(squash))
    .toEqual(expect.arrayContaining(COMPONENTS.map((c) => squash(c.name))));
  const texts = (await units.allTextContents()).map(squash);
  const name = COMPONENTS.find((c) => c.id === id)!.name;
  const unit = units.nth(texts.indexOf(squash(name)));
  const from = (await unit.boundingBox())!;
  const box = await canvasBox(page);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + x, box.y + y, { steps: 12 });
  await page.mouse.up();
}

async function storedAnswer(page: Page): Promise<Stored['value']> {
  const stored = await storedSession(page, sessionIdFromUrl(page));
  return (stored.answers[0] as Stored).value;
}

/** Moves the replay slider with the keyboard, one second per arrow press. */
async function slideTo(page: Page, seconds: number) {
  const slider = page.locator('.sd-replay input[type=range]');
  await slider.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < seconds; i++) await page.keyboard.press('ArrowRight');
}

const live = (a: Stored['value']) => (a.scene?.elements ?? []).filter((e) => !e.isDeleted);

test('a rectangle drawn with the mouse and a library component are both there after a reload', async ({
  page,
}) => {
  await openRound(page);
  await drawRectangle(page, 80, 120);
  await dragComponent(page, 'feature-store', 420, 320);
  await letSave(page);
  const before = live(await storedAnswer(page));
  expect(before.map((e) => e.type)).toContain('rectangle');
  expect(before.some((e) => e.customData?.component === 'feature-store')).toBe(true);

  await page.reload();
  await boardReady(page);
  // The board opened with them (through Excalidraw's restore), not only the stored record.
  await expect(board(page)).toHaveAttribute('data-elements', String(before.length));
  const after = live(await storedAnswer(page));
  expect(after.map((e) => e.type).sort()).toEqual(before.map((e) => e.type).sort());
});

test('keys typed on the board reach Excalidraw (shortcuts, select all, arrows), not the app', async ({
  page,
}) => {
  await openRound(page);
  const box = await canvasBox(page);
  await page.mouse.click(box.x + box.width - 60, box.y + box.height - 140);
  // R is Excalidraw's rectangle tool; P its pen and the app's pause, D its diamond and "I'm done".
  await page.keyboard.press('r');
  await page.mouse.move(box.x + 200, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + 320, box.y + 280, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.press('p');
  await page.keyboard.press('d');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.keyboard.press('v');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('ArrowRight');
  await letSave(page);
  const [rect] = live(await storedAnswer(page));
  expect(rect).toMatchObject({ type: 'rectangle' });
  // Drawn at x = 200 on the canvas, then moved right by the arrow key.
  const first = rect as unknown as { x: number; version: number };
  expect(first.version).toBeGreaterThan(2);
});

test('asking a clarifying question shows the interviewer’s answer with the time of the ask', async ({
  page,
}) => {
  await openRound(page);
  const ask = page.getByRole('button', { name: /Ask: How many people use the platform/ });
  await expect(page.getByText(/About 200 million daily users/)).toHaveCount(0);
  await page.clock.runFor(65_000);
  await ask.click();
  await expect(page.getByText(/About 200 million daily users/)).toBeVisible();
  await expect(page.locator('.sd-questions .asked')).toContainText('asked at 1:0');
  await expect(ask).toHaveCount(0);
});

test('a follow-up appears at its minute with a visible cue, and takes a written answer', async ({
  page,
}) => {
  await openRound(page);
  const prompt = /long, dull videos start winning/;
  await page.clock.runFor('07:50');
  await expect(page.getByText(prompt)).toHaveCount(0);
  await page.clock.runFor('00:15');
  const cue = page.locator('.sd-cue');
  await expect(cue).toBeVisible();
  await expect(cue).toContainText(prompt);
  await cue.getByRole('button', { name: 'Answer it' }).click();
  await expect(page.getByRole('textbox', { name: prompt })).toBeFocused();
  await page.keyboard.type('Model watch time given a click, normalised by length.');
  await expect(page.locator('.sd-followups')).toContainText('Another follow-up comes at 16:00.');
});

test('the follow-up cue flashes, and stays still when reduced motion is asked for', async ({
  page,
}) => {
  await openRound(page);
  await page.clock.runFor('07:50');
  const cue = page.locator('.sd-cue.flash');
  // Second by second up to the follow-up's minute: the flash lasts a few seconds.
  for (let i = 0; i < 20 && (await cue.count()) === 0; i++) await page.clock.runFor(1000);
  await expect(cue).toBeVisible();
  const animation = () => cue.evaluate((el) => getComputedStyle(el).animationName);
  expect(await animation()).toBe('sd-flash');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await animation()).toBe('none');
});

test('an estimate is read as typed and judged against the reference at scoring', async ({
  page,
}) => {
  await openRound(page);
  const qps = page.getByRole('textbox', { name: /Peak up-next requests per second/ });
  await qps.fill('35k/s');
  await expect(page.getByText('Reads as 35k (35,000) per second.')).toBeVisible();
  const memory = page.getByRole('textbox', { name: /Memory for the float32 embedding index/ });
  await memory.fill('10 TB');
  const scorings = page.getByRole('textbox', { name: /Candidate scorings per second/ });
  await scorings.fill('seventeen million/s');
  await expect(page.getByText(/Cannot read it: .* Kept as typed\./)).toBeVisible();
  await letSave(page);
  await endRoundNow(page);
  const judged = page.locator('.sd-judged li');
  await expect(judged.nth(0)).toContainText('reference 34.7k requests/s');
  await expect(judged.nth(0)).toContainText('within 2×');
  await expect(judged.nth(1)).toContainText('off by 97.7×');
  await expect(judged.nth(1)).toContainText('reference 102 GB');
  await expect(judged.nth(2)).toContainText('could not be read');
  await expect(judged.nth(0)).toContainText('≈ 34,700 requests/s');
  await expect(page.locator('.signal', { hasText: 'Estimates within the factor' })).toContainText(
    '1 of 3 (1 unreadable)',
  );
});

test('the replay slider shows the board as it was earlier in the round', async ({ page }) => {
  await openRound(page);
  await drawRectangle(page, 60, 100);
  await page.clock.runFor(11_000);
  await drawRectangle(page, 320, 260);
  await page.clock.runFor(11_000);
  await endRoundNow(page);
  const at = page.locator('.sd-replay-at');
  await expect(at).toContainText(': 2 elements');
  await expect(page.locator('.sd-replay .sd-board-host')).toHaveAttribute('data-state', 'ready', {
    timeout: 30_000,
  });
  await slideTo(page, 15);
  await expect(at).toContainText('Board at 0:15');
  await expect(at).toContainText(': 1 element');
  await slideTo(page, 1);
  await expect(at).toContainText(': 0 elements');
});

test('PNG export downloads a non-empty image', async ({ page }) => {
  await openRound(page);
  await drawRectangle(page, 80, 120);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const file = await (await download).path();
  const bytes = readFileSync(file);
  expect(bytes.length).toBeGreaterThan(1000);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect((await download).suggestedFilename()).toBe(`${ID}-board.png`);
});

test('every request stays on the origin, fonts included (Latin and CJK, on screen and in exports)', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const seen: string[] = [];
  context.on('request', (r) => seen.push(r.url()));
  await openRound(page);
  await dragComponent(page, 'model-server', 300, 200);
  // Text in another script draws on the CJK font.
  await board(page).getByTitle(/^Text/).click();
  const box = await canvasBox(page);
  // Right of the tool's property panel, which covers the board's left edge.
  await page.mouse.click(box.x + 450, box.y + 350);
  await page.keyboard.type('特征 store');
  await page.keyboard.press('Escape');
  const svg = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export SVG' }).click();
  const svgText = readFileSync(await (await svg).path(), 'utf8');
  expect(svgText).toContain('@font-face');
  expect(svgText).not.toMatch(/url\((?!data:)/);
  const png = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  await png;
  await expect
    .poll(() => seen.filter((u) => u.includes('/excalidraw/fonts/Xiaolai/')).length)
    .toBeGreaterThan(0);
  expect(seen.some((u) => u.startsWith(`${origin}/excalidraw/fonts/Excalifont/`))).toBe(true);
  expect(
    seen.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')),
  ).toEqual([]);
});

test('a damaged stored board opens with what could be read and says what was dropped', async ({
  page,
}) => {
  await openRound(page);
  await drawRectangle(page, 80, 120);
  await letSave(page);
  const id = sessionIdFromUrl(page);
  await page.evaluate(
    (sid) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('mockloop');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('answers', 'readwrite');
          const store = tx.objectStore('answers');
          const get = store.get([sid, 0]);
          get.onsuccess = () => {
            const rec = get.result;
            // An element Excalidraw never had, one from an older shape (no version fields), junk.
            rec.value.scene.elements.push(
              { id: 'bogus', type: 'hexagon-of-doom', x: 0, y: 0 },
              { id: 'old', type: 'ellipse', x: 300, y: 300, width: 80, height: 50 },
              'not an element',
            );
            store.put(rec);
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
        };
      }),
    id,
  );
  await page.reload();
  await boardReady(page);
  await expect(page.locator('.sd-board-note')).toContainText(
    /could not be read and w(as|ere) dropped/,
  );
  await expect(board(page)).toHaveAttribute('data-elements', '2');
});

test('a 5,000-element board opens, saves a new element and replays', async ({ page }) => {
  test.setTimeout(120_000);
  await openRound(page);
  await letSave(page);
  const id = sessionIdFromUrl(page);
  await page.evaluate(
    (sid) =>
      new Promise<void>((resolve, reject) => {
        const elements = Array.from({ length: 5000 }, (_, i) => ({
          id: `el-${i}`,
          type: i % 3 === 0 ? 'ellipse' : 'rectangle',
          x: (i % 100) * 60,
          y: Math.floor(i / 100) * 40,
          width: 50,
          height: 30,
          version: 1,
          versionNonce: i,
          isDeleted: false,
        }));
        const req = indexedDB.open('mockloop');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('answers', 'readwrite');
          const store = tx.objectStore('answers');
          const get = store.get([sid, 0]);
          get.onsuccess = () => {
            const rec = get.result;
            rec.value.scene = { elements, files: {} };
            store.put(rec);
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
        };
      }),
    id,
  );
  await page.reload();
  await boardReady(page);
  await expect(board(page)).toHaveAttribute('data-elements', '5000');
  await drawRectangle(page, 200, 200);
  await letSave(page);
  expect(live(await storedAnswer(page))).toHaveLength(5001);
  await page.clock.runFor(11_000);
  await endRoundNow(page);
  await expect(page.locator('.sd-replay-at')).toContainText(': 5,001 elements');
  // Before the new element's frame, the board held the 5,000 it was reloaded with.
  const at = page.locator('.sd-replay-at');
  await slideTo(page, 0);
  let seen = false;
  for (let s = 0; s < 12 && !seen; s++) {
    await page.keyboard.press('ArrowRight');
    seen = /: 5,000 elements/.test((await at.textContent()) ?? '');
  }
  expect(seen).toBe(true);
});

/** axe over the whole page; violations inside Excalidraw's own DOM are reported, not hidden. */
async function a11y(page: Page, where: string) {
  const serious = await seriousA11yViolations(page);
  const split = await page.evaluate(
    (ids: string[]) =>
      // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global
      (window as any).axe
        .run(document, { resultTypes: ['violations'] })
        .then(
          (r: { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }) =>
            r.violations
              .filter((v) => ids.includes(v.id))
              .flatMap((v) =>
                v.nodes.map((n) => ({
                  id: v.id,
                  impact: v.impact,
                  target: n.target.join(' '),
                  excalidraw: !!document
                    .querySelector(n.target[0]!)
                    ?.closest('.excalidraw, .excalidraw-modal-container'),
                })),
              ),
        ),
    serious.map((v: { id: string }) => v.id),
  );
  const theirs = split.filter((v: { excalidraw: boolean }) => v.excalidraw);
  if (theirs.length)
    test.info().annotations.push({
      type: `axe inside Excalidraw (${where})`,
      description: JSON.stringify(theirs),
    });
  return split.filter((v: { excalidraw: boolean }) => !v.excalidraw);
}

test('axe finds no serious or critical violation in our own UI on the round and its scoring', async ({
  page,
}) => {
  await openRound(page);
  await page.getByRole('button', { name: /Ask: How many people use the platform/ }).click();
  await page.getByRole('textbox', { name: /Peak up-next requests per second/ }).fill('35k/s');
  await page.clock.runFor('08:10');
  await expect(page.locator('.sd-cue')).toBeVisible();
  await drawRectangle(page, 80, 120);
  expect(await a11y(page, 'round')).toEqual([]);
  await endRoundNow(page);
  await expect(page.locator('.sd-replay .sd-board-host')).toHaveAttribute('data-state', 'ready', {
    timeout: 30_000,
  });
  expect(await a11y(page, 'scoring')).toEqual([]);
});

test('the MLE loop includes its signature round, and the home page no longer calls it not built', async ({
  page,
}) => {
  await page.goto('/');
  const mle = page
    .getByRole('row', { name: /Default loop here/ })
    .getByRole('cell')
    .first();
  await expect(mle).toContainText('ML system design (45 min)');
  await expect(mle).not.toContainText('not built yet');
  await page.getByRole('button', { name: 'Start an ML Engineer loop' }).click();
  const row = page.locator('.plan-row', { hasText: 'ML system design' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('weight 2');
});

test('the board follows the app’s light and dark theme as it changes', async ({ page }) => {
  await openRound(page);
  const excalidraw = board(page).locator('.excalidraw').first();
  const theme = page.getByRole('button', { name: /^Theme:/ });
  for (let i = 0; i < 3; i++) {
    const html = await page.evaluate(() => document.documentElement.dataset.theme);
    if (html === 'dark') await expect(excalidraw).toHaveClass(/theme--dark/);
    else await expect(excalidraw).not.toHaveClass(/theme--dark/);
    await theme.click();
  }
});
