// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { LoopScreen } from '../../src/app/screens/LoopScreen';
import { ShortcutProvider } from '../../src/app/shortcuts';
import { StoreProvider } from '../../src/app/store-context';
import { fundamentalsSpec } from '../../src/kinds/fundamentals/spec';
import { createAppStore } from '../../src/store/app-store';
import { openDb } from '../../src/store/db';
import { makeCatalog } from '../helpers/factories';

let n = 0;
async function renderPlan() {
  const store = createAppStore({
    catalog: makeCatalog(),
    kinds: [{ spec: fundamentalsSpec }],
    openDb: () => openDb(`plan-${n++}`),
  });
  await store.getState().init();
  const id = await store.getState().newSession({ type: 'track', trackId: 'mle' });
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
  await screen.findByRole('heading', { level: 1, name: /the plan/ });
  return store;
}

const minutesOf = (store: Awaited<ReturnType<typeof renderPlan>>) =>
  store.getState().current!.session.plan.rounds[0]!.minutes;

describe('the plan editor', () => {
  it('when a minutes field is selected and 25 typed, the round gets 25 minutes', async () => {
    const store = await renderPlan();
    const user = userEvent.setup();
    const field = screen.getAllByRole('textbox', { name: 'Minutes' })[0]!;
    await user.tripleClick(field);
    await user.keyboard('25');
    expect(field).toHaveValue('25');
    expect(minutesOf(store)).toBe(25);
  });

  it('when a value out of range is typed, says why and keeps the last good one', async () => {
    const store = await renderPlan();
    const user = userEvent.setup();
    const field = screen.getAllByRole('textbox', { name: 'Minutes' })[0]!;
    await user.tripleClick(field);
    await user.keyboard('200');
    expect(field).toHaveValue('200');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('At most 120 minutes (kept at 30)');
    expect(minutesOf(store)).toBe(30);
    await user.tab();
    expect(field).toHaveValue('30');
  });
});
