// home: the app's home screen usable (its heading on screen: home shows before IndexedDB has
// opened, and a Start pressed then waits for it) against a blank React page's heading, each cold
// (a new browser context: empty cache, empty storage). When storage opened is printed beside it.
import { alternate, type BenchEnv, type Comparison, markTime, median, watchMarks } from './env';

const storageOpen: number[] = [];

async function cold(env: BenchEnv, url: string, text: string, app = false): Promise<number> {
  const ctx = await env.browser.newContext();
  await watchMarks(ctx, [{ name: 'h1', selector: 'h1', text }]);
  const page = await ctx.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const t = await markTime(page, 'h1');
  if (app) {
    const opened = await page.waitForFunction(
      () => performance.getEntriesByName('mockloop:storage-open')[0]?.startTime ?? null,
      null,
      { timeout: 60_000 },
    );
    storageOpen.push((await opened.jsonValue()) as number);
  }
  await ctx.close();
  return t;
}

export const home: Comparison = {
  name: 'home',
  page: 'react',
  what: 'home screen usable, cold, vs a blank React page',
  target: 1.2,
  async measure(env) {
    const r = await alternate(
      env.runs,
      () => cold(env, env.app, '^Rehearse', true),
      () => cold(env, env.bare('react'), '^Rehearse'),
      env.log,
    );
    env.add('home screen, cold (new profile)', median(r.app), 'ms', `median of ${env.runs}`);
    env.add('blank React page, cold', median(r.bare), 'ms', `median of ${env.runs}`);
    env.add('  home: stored data readable', median(storageOpen), 'ms', `median of ${env.runs}`);
    return r.ratios;
  },
};
