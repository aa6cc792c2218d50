// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { use } from 'react';
import { describe, expect, it } from 'vitest';
import { holdUntilRetry, Loadable, lazyRetry } from '../../src/ui/Loadable';

const failedFetch = () =>
  new TypeError('Failed to fetch dynamically imported module: http://x/assets/coding-abc.js');

// A kind's views as the app loads them: one promise, dropped when it fails.
let failLoads = 0;
const cache: { p?: Promise<string> } = {};
function load() {
  if (!cache.p) {
    cache.p = failLoads-- > 0 ? Promise.reject(failedFetch()) : Promise.resolve('Round view');
    cache.p.catch(() => delete cache.p);
  }
  return cache.p;
}
const owner = {};
function View() {
  return <p>{use(holdUntilRetry(owner, 'round', load))}</p>;
}
function Broken(): never {
  throw new Error('a bug');
}

describe('a part of the app in its own chunk', () => {
  it('when its chunk fails to load → says so plainly, and Retry loads it', async () => {
    let calls = 0;
    const Screen = lazyRetry(async () => {
      calls++;
      if (calls === 1) throw failedFetch();
      return { default: () => <h1>History</h1> };
    });
    render(
      <Loadable what="this screen" fallback={<p>Loading…</p>}>
        <Screen />
      </Loadable>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This screen could not be loaded.');
    expect(alert).toHaveTextContent('Your work is saved.');
    expect(alert).not.toHaveTextContent('dynamically imported module');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'History' })).toBeVisible();
    expect(calls).toBe(2);
  });

  it('when a view waits on a promise that rejects with a failed load → Retry asks again', async () => {
    failLoads = Number.POSITIVE_INFINITY;
    await act(async () => {
      render(
        <Loadable what="the round" fallback={<p>Loading…</p>}>
          <View />
        </Loadable>,
      );
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('The round could not be loaded.');
    failLoads = 0; // the network is back
    await act(() => userEvent.click(screen.getByRole('button', { name: 'Retry' })));
    expect(await screen.findByText('Round view')).toBeVisible();
  });

  it('once its code has arrived, a lazy part renders at once, never showing its fallback', async () => {
    // Suspending would show the fallback and, by React's fallback throttle, hold the part back
    // for up to 300 ms after; code fetched ahead (preload) is rendered straight away instead.
    const Screen = lazyRetry(async () => ({ default: () => <h1>Settings</h1> }));
    expect(Screen.settled()).toBe(false);
    await Screen.preload();
    expect(Screen.settled()).toBe(true);
    render(
      <Loadable what="this screen" fallback={<p>Loading…</p>}>
        <Screen />
      </Loadable>,
    );
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeVisible();
    expect(screen.queryByText('Loading…')).toBeNull();
  });

  it('a preload that fails leaves the message with Retry to the part when it is shown', async () => {
    let calls = 0;
    const Screen = lazyRetry(async () => {
      calls++;
      if (calls === 1) throw failedFetch();
      return { default: () => <h1>Review</h1> };
    });
    await Screen.preload();
    expect(Screen.settled()).toBe(true);
    render(
      <Loadable what="this screen" fallback={<p>Loading…</p>}>
        <Screen />
      </Loadable>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('This screen could not be loaded.');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Review' })).toBeVisible();
    expect(calls).toBe(2);
  });

  it('an error that is not a failed load is not dressed up as one', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => {
      errors.push(e.error);
      e.preventDefault();
    };
    window.addEventListener('error', onError);
    expect(() =>
      render(
        <Loadable what="this screen" fallback={<p>Loading…</p>}>
          <Broken />
        </Loadable>,
      ),
    ).toThrow('a bug');
    window.removeEventListener('error', onError);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
