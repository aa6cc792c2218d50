// The deep-dive round in Chromium with its fake media device: a project made in Settings offered
// in the round, a spoken answer recorded in pieces, kept across a reload and played back at
// scoring; the typed path with its follow-up and numbers; a refused microphone.
import { chromium, expect, type Page, test } from '@playwright/test';
import { chromiumLaunch } from '../../chromium.config';
import { scoreAll, seriousA11yViolations } from './helpers';

const FAKE_DEVICE = '--use-fake-device-for-media-stream';
const FAKE_UI = '--use-fake-ui-for-media-stream';
// Playback is started by the test, not by a click on the player's own button.
const AUTOPLAY = '--autoplay-policy=no-user-gesture-required';

async function addProject(page: Page, title: string, kind: 'research' | 'production') {
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('button', { name: 'Add a project' }).click();
  const form = page.getByRole('form', { name: 'New project' });
  if (kind === 'production') await form.getByLabel('Shipped system (a production story)').check();
  await form.getByLabel('Title').fill(title);
  await form.getByLabel(/^Summary/).fill('What it solved and how.');
  await form.getByLabel(/^Key result/).fill('+1.8 ROUGE-L over the strongest baseline, 3 seeds');
  await page.getByRole('button', { name: 'Save project' }).click();
  await expect(page.locator('.project-list')).toContainText(title);
}

async function openPractice(page: Page, templateId: string, heading: RegExp) {
  await page.goto(`/#/practice/deep-dive/${templateId}`);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

async function endRound(page: Page) {
  await page.getByRole('button', { name: "I'm done" }).click();
  await page.getByRole('button', { name: 'End round and score' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Score/ })).toBeVisible();
}

/** The true length of a player's file, decoded by the browser (not the element's duration). */
function decodedSeconds(page: Page, label: RegExp) {
  return page.getByLabel(label).evaluate(async (el) => {
    const src = (el as HTMLAudioElement).src;
    const data = await (await fetch(src)).arrayBuffer();
    const ctx = new AudioContext();
    const buf = await ctx.decodeAudioData(data);
    await ctx.close();
    return buf.duration;
  });
}

// One launch for the file (launch options cannot differ per group): a fake microphone the
// permission prompt grants at once. The refused microphone gets a browser of its own below.
test.use({
  launchOptions: {
    ...chromiumLaunch,
    args: [...chromiumLaunch.args, FAKE_DEVICE, FAKE_UI, AUTOPLAY],
  },
});

test.describe('with a microphone (Chromium’s fake device)', () => {
  test('a project made in Settings is offered; a spoken answer survives a reload and plays back at scoring', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await addProject(page, 'Sparse routing for long documents', 'research');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await openPractice(page, 'project-defense', /Project defense/);
    await page
      .getByRole('button', { name: 'Present this: Sparse routing for long documents' })
      .click();
    await expect(page.getByRole('heading', { name: 'Presentation' })).toBeVisible();
    await page
      .getByRole('textbox', { name: 'Motivation and gap' })
      .fill('Long inputs exceed the context.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Done presenting: first question' }).click();
    await expect(page.getByRole('heading', { name: /^Question 1/ })).toBeVisible();

    // Three seconds spoken, stopped by hand.
    await page.getByRole('button', { name: 'Record question 1' }).click();
    await expect(page.getByText(/^Recording · 0:0\d/)).toBeVisible();
    await page.waitForTimeout(3200);
    await page.getByRole('button', { name: 'Stop recording question 1' }).click();
    const clips = page.getByRole('list', { name: 'Recordings of question 1' });
    await expect(clips).toContainText(/Recording 1 · 0:0[34] · \d+ KB/);

    // A second recording, cut by a reload after about two seconds.
    await page.getByRole('button', { name: 'Record question 1' }).click();
    await expect(page.getByText(/^Recording · 0:0\d/)).toBeVisible();
    await page.waitForTimeout(2500);
    await page.reload();
    await expect(page.getByText(/A recording was cut off when the page closed/)).toBeVisible();
    await expect(clips).toContainText(/Recording 1 · 0:0[34]/);
    await expect(clips).toContainText(/Recording 2 · 0:0[12]/);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await endRound(page);
    const first = page.getByLabel(/^Recording 1 of question 1, 0:0[34]/);
    await expect(first).toBeVisible();
    // The stored pieces make one file whose decoded length is what was recorded.
    const seconds = await decodedSeconds(page, /^Recording 1 of question 1,/);
    expect(seconds).toBeGreaterThan(2.5);
    expect(seconds).toBeLessThan(4.5);
    const cut = await decodedSeconds(page, /^Recording 2 of question 1,/);
    expect(cut).toBeGreaterThan(0.8);
    expect(cut).toBeLessThan(3.2);
    // And it plays.
    await first.evaluate((el) => (el as HTMLAudioElement).play());
    await expect
      .poll(() => first.evaluate((el) => (el as HTMLAudioElement).currentTime), { timeout: 5000 })
      .toBeGreaterThan(0.3);
    await expect(
      page.getByRole('heading', { name: 'What a strong answer covers' }).first(),
    ).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The review plays it back too.
    await scoreAll(page, 3);
    await page.getByRole('button', { name: 'Finish and see the review' }).click();
    await page.getByText('Round 1: Project defense').click();
    await expect(page.getByLabel(/^Recording 1 of question 1, 0:0[34]/)).toBeVisible();
    const again = await decodedSeconds(page, /^Recording 1 of question 1,/);
    expect(Math.abs(again - seconds)).toBeLessThan(0.05);
  });
});

test.describe('typing only', () => {
  test('a production story: typed answers, the follow-up, and the numbers counted at scoring', async ({
    page,
  }) => {
    await addProject(page, 'Checkout fraud model', 'production');
    await openPractice(page, 'production-story', /Production story/);
    await page.getByRole('button', { name: 'Present this: Checkout fraud model' }).click();
    await page
      .getByRole('textbox', { name: 'Problem and impact' })
      .fill('Chargebacks cost 0.8% of revenue; the model cut them by 35%.');
    await expect(page.getByText('Numbers found: 0.8%, 35%')).toBeVisible();
    await page.getByRole('button', { name: 'Done presenting: first question' }).click();

    // Answer probes until one carries a follow-up; it appears only once the answer is given.
    let followups = 0;
    for (let q = 1; q <= 5; q++) {
      const box = page.getByRole('textbox', { name: `Your answer to question ${q}`, exact: true });
      await expect(box).toBeEditable();
      const hasFollowup = page.getByRole('textbox', {
        name: `Your answer to the follow-up of question ${q}`,
      });
      await expect(hasFollowup).toHaveCount(0);
      await box.fill(`p99 stayed under 40 ms at 12k QPS (answer ${q}).`);
      if ((await hasFollowup.count()) > 0) {
        followups++;
        await hasFollowup.fill('We rolled back within 15 minutes.');
      }
      await page.getByRole('button', { name: /^Next/ }).click();
    }
    await expect(page.getByRole('heading', { name: /^Wrap-up/ })).toBeVisible();
    await page
      .getByRole('textbox', { name: 'Your answer to wrap-up' })
      .fill('The feature store choice.');
    await page.getByRole('button', { name: 'Finish the questions' }).click();
    await expect(page.getByText(/All questions asked/)).toBeVisible();

    await endRound(page);
    const signals = page.locator('.signals');
    await expect(signals).toContainText(/Questions answered\s*6 of 6/);
    // 2 in the presentation, 2 in each of the 5 answers, 1 in each follow-up answer.
    await expect(signals).toContainText(
      new RegExp(`Quantities given \\(typed\\)\\s*${12 + followups}: 0\\.8%, 35%, 40 ms, 12k QPS`),
    );
    await expect(signals).toContainText(/Typed answers with a number\s*6 of 7/);
    if (followups)
      await expect(signals).toContainText(`Follow-ups answered${followups} of ${followups}`);
    // The production story is scored on its own rubric.
    await expect(page.getByText('Problem and impact in numbers', { exact: true })).toBeVisible();
  });
});

test.describe('with the microphone refused', () => {
  test('a refused microphone says so, and typing keeps working', async ({ baseURL }) => {
    // Its own Chromium: the same fake device, but every permission prompt is denied.
    const browser = await chromium.launch({
      ...chromiumLaunch,
      args: [...chromiumLaunch.args, FAKE_DEVICE, '--deny-permission-prompts'],
    });
    try {
      const page = await browser.newPage({ baseURL });
      await openPractice(page, 'paper-transformer', /Attention Is All You Need/);
      await page.getByRole('button', { name: 'I have read it: first prompt' }).click();
      await page.getByRole('button', { name: 'Record prompt 1' }).click();
      await expect(page.getByText(/The microphone was refused/)).toBeVisible();
      const box = page.getByRole('textbox', { name: 'Your answer to prompt 1' });
      await box.fill('It replaces recurrence with attention.');
      await expect(box).toHaveValue('It replaces recurrence with attention.');
      await expect(page.getByRole('list', { name: 'Recordings of prompt 1' })).toHaveCount(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

test('the RS loop has its signature project defense and a paper critique; the home page no longer calls it not built', async ({
  page,
}) => {
  await page.goto('/');
  const rs = page
    .getByRole('row', { name: /Default loop here/ })
    .getByRole('cell')
    .nth(1);
  await expect(rs).toContainText('project defense (45 min)');
  await expect(rs).not.toContainText('not built yet');
  await page.getByRole('button', { name: 'Start a Research Scientist loop' }).click();
  const defense = page.locator('.plan-row', { hasText: 'project defense' });
  await expect(defense).toHaveCount(1);
  await expect(defense).toContainText('weight 2');
  await expect(page.locator('.plan-row', { hasText: 'Paper critique' })).toHaveCount(1);
});
