import { useState, useSyncExternalStore } from 'react';
import { updates } from '../pwa/register';
import { useApp } from './store-context';

/**
 * "Update available": a new version of the app is installed and waiting. It is applied only
 * when the person chooses, and never under a running round (the round would reload).
 */
export function UpdateBanner() {
  const state = useSyncExternalStore(updates.subscribe, updates.get, updates.get);
  const inRound = useApp((s) => s.current?.session.phase.name === 'round');
  const flush = useApp((s) => s.flush);
  const [later, setLater] = useState(false);
  if (state === 'none' || later) return null;
  return (
    <section className="banner banner-info update-banner" aria-label="Update available">
      <strong>Update available.</strong>{' '}
      {inRound ? (
        'A new version of mockloop is ready; you can apply it when this round ends.'
      ) : (
        <>
          A new version of mockloop is ready. Your work is saved first; the page then reloads.{' '}
          <button
            type="button"
            disabled={state === 'applying'}
            onClick={() => void flush().then((saved) => saved && updates.apply())}
          >
            {state === 'applying' ? 'Updating…' : 'Update now'}
          </button>{' '}
          <button type="button" className="ghost" onClick={() => setLater(true)}>
            Later
          </button>
        </>
      )}
    </section>
  );
}
