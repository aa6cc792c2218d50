// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { History } from '../../src/app/screens/History';
import { StoreProvider } from '../../src/app/store-context';
import { assemblePlan, type LoopRequest } from '../../src/domain/plan';
import { createSession } from '../../src/domain/session';
import { fundamentalsSpec } from '../../src/kinds/fundamentals/spec';
import { createAppStore } from '../../src/store/app-store';
import { openDb } from '../../src/store/db';
import { makeCatalog } from '../helpers/factories';
import { stubResizeObserver } from '../helpers/resize-observer';

beforeAll(stubResizeObserver);

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 9, 1, 9);
let n = 0;

/** History over finished sessions: `practice` practice rounds, then `custom` custom loops. */
async function renderHistory(practice: number, custom: number) {
  const name = `history-${n++}`;
  const catalog = makeCatalog();
  const kinds = [{ kind: 'fundamentals', title: fundamentalsSpec.title }];
  const db = await openDb(name);
  for (let i = 0; i < practice + custom; i++) {
    const request: LoopRequest =
      i < practice
        ? { type: 'practice', kind: 'fundamentals' }
        : { type: 'custom', rounds: [{ kind: 'fundamentals', minutes: 30, weight: 1 }] };
    const plan = assemblePlan(catalog, request, i + 1, [], kinds);
    const at = T0 + i * DAY;
    const s = createSession({
      id: `s-${i}`,
      mode: i < practice ? 'practice' : 'loop',
      seed: i + 1,
      plan,
      now: at,
      emptyScoring: () => ({ covered: {} }),
    });
    await db.put('sessions', {
      ...s,
      startedAt: at,
      finishedAt: at + 30 * 60_000,
      phase: { name: 'done' },
    });
  }
  db.close();
  const store = createAppStore({
    catalog,
    kinds: [{ spec: fundamentalsSpec }],
    openDb: () => openDb(name),
  });
  await store.getState().init();
  await act(async () => {
    render(
      <StoreProvider store={store}>
        <History />
      </StoreProvider>,
    );
  });
  await screen.findByText(`${practice + custom} of ${practice + custom} sessions`);
  return store;
}

const rows = () => screen.getAllByRole('listitem').filter((li) => li.matches('.history-item'));

describe('history', () => {
  it('a filter lists only its sessions, and clearing it lists them all again', async () => {
    await renderHistory(3, 2);
    const user = userEvent.setup();
    const track = within(screen.getByRole('group', { name: 'Filter sessions' })).getAllByRole(
      'combobox',
    )[0]!;
    await user.selectOptions(track, 'custom');
    expect(screen.getByText('2 of 5 sessions')).toBeInTheDocument();
    expect(rows()).toHaveLength(2);
    await user.selectOptions(track, 'practice');
    expect(screen.getByText('3 of 5 sessions')).toBeInTheDocument();
    expect(rows()).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(rows()).toHaveLength(5);
  });

  it('rows kept through a filter still compare and delete their own session', async () => {
    const store = await renderHistory(2, 2);
    const user = userEvent.setup();
    const track = within(screen.getByRole('group', { name: 'Filter sessions' })).getAllByRole(
      'combobox',
    )[0]!;
    await user.selectOptions(track, 'custom');
    const [a, b] = rows();
    await user.click(within(a!).getByRole('checkbox'));
    expect(screen.getByRole('status')).toHaveTextContent('Pick one more session to compare');
    await user.click(within(b!).getByRole('checkbox'));
    expect(screen.getByRole('heading', { name: 'Compare two sessions' })).toBeInTheDocument();
    const doomed = within(b!).getByRole('link').getAttribute('href')!.split('/').at(-1)!;
    await user.click(within(b!).getByRole('button', { name: /^Delete/ }));
    await user.click(screen.getByRole('button', { name: 'Delete', hidden: true }));
    await screen.findByText('Session deleted.', { exact: false });
    expect(store.getState().sessions!.map((s) => s.id)).not.toContain(doomed);
    expect(store.getState().sessions).toHaveLength(3);
  });

  it('draws the charts after the rows, and they follow a filter', async () => {
    await renderHistory(3, 2);
    const weeks = await screen.findByRole('figure', { name: 'Sessions per week' });
    const counted = () =>
      within(weeks)
        .getAllByRole('row')
        .slice(1)
        .reduce((n, tr) => n + Number(tr.lastElementChild!.textContent), 0);
    expect(counted()).toBe(5);
    const user = userEvent.setup();
    const track = within(screen.getByRole('group', { name: 'Filter sessions' })).getAllByRole(
      'combobox',
    )[0]!;
    await user.selectOptions(track, 'custom');
    // Every row stays in the page; the ones left out are hidden, so not in the list read out.
    expect(document.querySelectorAll('li.history-item')).toHaveLength(5);
    expect(rows()).toHaveLength(2);
    await waitFor(() =>
      expect(
        within(screen.getByRole('figure', { name: 'Sessions per week' }))
          .getAllByRole('row')
          .slice(1)
          .reduce((n, tr) => n + Number(tr.lastElementChild!.textContent), 0),
      ).toBe(2),
    );
  });
});
