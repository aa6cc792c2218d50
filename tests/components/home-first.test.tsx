// @vitest-environment jsdom
// Home is on screen before IndexedDB has opened (on a cold start the open takes ~50 ms after the
// code is evaluated): a Start pressed then waits for the database and starts the loop; screens
// that show stored data still wait for it.
import 'fake-indexeddb/auto';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/App';
import { StoreProvider } from '../../src/app/store-context';
import { fundamentalsSpec } from '../../src/kinds/fundamentals/spec';
import { createAppStore } from '../../src/store/app-store';
import { type Db, openDb } from '../../src/store/db';
import { makeCatalog } from '../helpers/factories';

let n = 0;
/** The app at `hash`, its database held shut until `open()`, which resolves once init has run. */
function appWithHeldDb(hash: string) {
  window.location.hash = hash;
  let release!: () => void;
  const held = new Promise<void>((r) => {
    release = r;
  });
  const name = `home-first-${n++}`;
  const store = createAppStore({
    catalog: makeCatalog(),
    kinds: [{ spec: fundamentalsSpec }],
    openDb: async (): Promise<Db> => {
      await held;
      return openDb(name);
    },
  });
  const init = store.getState().init();
  render(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>,
  );
  const open = () =>
    act(async () => {
      release();
      await init;
    });
  return { store, open };
}

afterEach(() => {
  window.location.hash = '';
});

describe('the first screen and the database', () => {
  it('home shows while the database opens, and a Start pressed then starts once it is open', async () => {
    const { store, open } = appWithHeldDb('#/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Rehearse your ML interview loop' }),
    ).toBeInTheDocument();
    expect(store.getState().dbState).toBe('opening');
    await userEvent.click(screen.getByRole('button', { name: 'Start an ML Engineer loop' }));
    expect(window.location.hash).toBe('#/');
    await open();
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/loop\/[\w-]+$/));
    const sessions = await store.getState().refreshSessions();
    expect(sessions.map((s) => s.trackId)).toEqual(['mle']);
  });

  it('a screen of stored data (history) waits for the database', async () => {
    const { open } = appWithHeldDb('#/history');
    expect(await screen.findByText('Opening your saved sessions…')).toBeInTheDocument();
    await open();
    await waitFor(() => expect(screen.queryByText('Opening your saved sessions…')).toBeNull());
  });
});
