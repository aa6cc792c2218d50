// Registers the service worker (built app only) and tells the page when a new version waits.
// Applying it is the person's choice: the waiting worker takes over only after apply(), and
// this tab then reloads. Until then this tab keeps the version it started with.
import { Workbox } from 'workbox-window';

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

export function registerServiceWorker(url = './sw.js'): void {
  if (!('serviceWorker' in navigator)) return;
  wb = new Workbox(url, { scope: './', type: 'classic' });
  // Also fires when a version was already waiting as this page loaded.
  wb.addEventListener('waiting', () => set('waiting'));
  void wb.register().catch(() => {
    // No service worker (a private window, a file: URL): the app works online as before.
  });
}
