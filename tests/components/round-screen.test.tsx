// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LoopScreen } from '../../src/app/screens/LoopScreen';
import { ShortcutProvider } from '../../src/app/shortcuts';
import { StoreProvider } from '../../src/app/store-context';
import { fundamentalsSpec } from '../../src/kinds/fundamentals/spec';
import type { RoundViewProps } from '../../src/kinds/views';
import { createAppStore } from '../../src/store/app-store';
import { openDb } from '../../src/store/db';
import { makeCatalog } from '../helpers/factories';

const renders = { count: 0 };

// The edge where the app loads a kind's views: wrap the real fundamentals view to count renders.
vi.mock('../../src/app/kind-views', async () => {
  const real = (await import('../../src/kinds/fundamentals/views')).default;
  const Round = (props: RoundViewProps) => {
    renders.count++;
    return <real.Round {...props} />;
  };
  const loaded = Promise.resolve({ ...real, Round });
  return { kindViews: () => loaded };
});

let n = 0;
async function renderRunningRound() {
  const store = createAppStore({
    catalog: makeCatalog(),
    kinds: [{ spec: fundamentalsSpec }],
    openDb: () => openDb(`rs-${n++}`),
  });
  await store.getState().init();
  const id = await store.getState().newSession({ type: 'track', trackId: 'mle' }, { start: true });
  await act(async () => {
    render(
      <StoreProvider store={store}>
        <ShortcutProvider>
          <Suspense fallback={<p>loading</p>}>
            <LoopScreen sessionId={id} />
          </Suspense>
        </ShortcutProvider>
      </StoreProvider>,
    );
  });
  await screen.findByRole('textbox', { name: 'Your answer to question 1' });
  return store;
}

beforeEach(() => {
  renders.count = 0;
  vi.useFakeTimers({
    shouldAdvanceTime: true,
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
});
afterEach(() => vi.useRealTimers());

describe('a running round', () => {
  it('re-renders the clock on every tick and the round view never', async () => {
    await renderRunningRound();
    const clock = screen.getByRole('timer');
    const before = renders.count;
    const first = clock.textContent;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000);
    });
    expect(screen.getByRole('timer').textContent).not.toBe(first);
    expect(renders.count).toBe(before);
  });

  it('typing re-renders the round view and saves the answer', async () => {
    const store = await renderRunningRound();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.type(screen.getByRole('textbox', { name: 'Your answer to question 1' }), 'hi');
    expect(store.getState().current!.answers[0]?.value).toEqual({ answers: { q1: 'hi' } });
    expect(renders.count).toBeGreaterThan(1);
  });

  it('when the time runs out, locks the answer and opens scoring', async () => {
    const store = await renderRunningRound();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(30 * 60_000 + 1500);
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: /Score round 1/ }),
    ).toBeInTheDocument();
    expect(store.getState().current!.session.rounds[0]!.endReason).toBe('timeout');
    expect(store.getState().setAnswer(0, { answers: { q1: 'late' } })).toBe(false);
  });
});
