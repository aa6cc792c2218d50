// Registers the service worker (built app only) and tells the page when a new version waits.
// Applying it is the person's choice: the waiting worker takes over only after apply(), and
// this tab then reloads. Until then this tab keeps the version it started with.
import type { Workbox } from 'workbox-window';
import { FIRST_INSTALL_AFTER_MS } from './first-install';

export type UpdateState = 'none' | 'waiting' | 'applying';

let state: UpdateState = 'none';
let wb: Workbox | null = null;
const listeners = new Set<() => void>();

function set(next: UpdateState) {
  state = next;
  for (const l of listeners) l();
}

export const updates = {
  get: (): UpdateState => state,
  subscribe(fn: () => void): () => void {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
  /** Lets the waiting version take over, then reloads this tab into it. */
  apply(): void {
    if (!wb || state !== 'waiting') return;
    set('applying');
    wb.addEventListener('controlling', () => window.location.reload());
    wb.messageSkipWaiting();
  },
};

export function registerServiceWorker(url = './sw.js', afterMs = FIRST_INSTALL_AFTER_MS): void {
  if (!('serviceWorker' in navigator)) return;
  // workbox-window comes with registering (at idle on a first visit), not in the entry bundle.
  const go = () =>
    void import('workbox-window')
      .then(({ Workbox }) => {
        const box = new Workbox(url, { scope: './', type: 'classic' });
        wb = box;
        // Also fires when a version was already waiting as this page loaded.
        box.addEventListener('waiting', () => set('waiting'));
        return box.register({ immediate: true });
      })
      .catch(() => {
        // No service worker (a private window, a file: URL), or its code did not load: the app
        // works online as before, and the next load tries again.
      });
  const idle = (fn: () => void, timeout: number) =>
    'requestIdleCallback' in window ? void requestIdleCallback(fn, { timeout }) : fn();
  // Installed already (a repeat visit): registering is only the update check, which waits for
  // the first idle moment after load so it does not compete with the screen being opened.
  const later = navigator.serviceWorker.controller
    ? () => idle(go, 1000)
    : () => setTimeout(() => idle(go, 5000), afterMs);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}
