// editor: the coding practice route's editor on screen against a page that renders only Monaco
// through @monaco-editor/react, each cold (a new context), timed from navigation. The app's runs
// also wait for Python, for the "ready after the round opens" figures.
import { alternate, type Comparison, markTime, median, watchMarks } from './env';

export const PROBLEM = 'causal-self-attention'; // exactly 10 tests, no scale test

const EDITOR = '.monaco-editor .view-lines';

export const editor: Comparison = {
  name: 'editor',
  page: 'monaco',
  what: 'coding practice route editor visible, cold, vs a bare Monaco page',
  target: 1.2,
  async measure(env) {
    const sinceOpen: number[] = [];
    const python: number[] = [];
    const pythonSinceOpen: number[] = [];
    const app = async () => {
      const ctx = await env.browser.newContext();
      await watchMarks(ctx, [
        // The round opens when its screen (title, clock) is on screen, before the kind's views.
        { name: 'round', selector: '.round-title' },
        { name: 'editor', selector: EDITOR },
        { name: 'python', selector: '.badge', text: '^Python ready' },
      ]);
      const page = await ctx.newPage();
      await page.goto(`${env.app}#/practice/coding/${PROBLEM}`, { waitUntil: 'commit' });
      const shown = await markTime(page, 'editor');
      const open = await markTime(page, 'round');
      const ready = await markTime(page, 'python');
      sinceOpen.push(shown - open);
      python.push(ready);
      pythonSinceOpen.push(ready - open);
      await ctx.close();
      return shown;
    };
    const bare = async () => {
      const ctx = await env.browser.newContext();
      await watchMarks(ctx, [{ name: 'editor', selector: EDITOR }]);
      const page = await ctx.newPage();
      await page.goto(env.bare('monaco'), { waitUntil: 'commit' });
      const shown = await markTime(page, 'editor');
      await ctx.close();
      return shown;
    };
    const r = await alternate(env.runs, app, bare, env.log);
    const n = `median of ${env.runs}`;
    env.add('coding route: editor visible after navigation (cold)', median(r.app), 'ms', n);
    env.add('bare Monaco page: editor visible (cold)', median(r.bare), 'ms', n);
    env.add('editor ready after the round opens (cold)', median(sinceOpen), 'ms', n);
    env.add('Python ready after navigation (cold)', median(python), 'ms', n);
    env.add(
      'Python ready after the round opens (cold)',
      median(pythonSinceOpen),
      'ms',
      `${n}; max ${Math.round(Math.max(...pythonSinceOpen))}`,
    );
    return r.ratios;
  },
};
