import './app/styles.css';
import catalog from 'virtual:mockloop/catalog';
import templateLoaders from 'virtual:mockloop/templates';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadScreens } from './app/App';
import { StoreProvider } from './app/store-context';
import { applyTheme, readThemePref } from './app/theme';
import { registry } from './kinds/registry';
import { registerServiceWorker } from './pwa/register';
import { createAppStore } from './store/app-store';
import { openDb } from './store/db';
import { localJournal } from './store/saver';
import { createTabGuard } from './store/tabs';

applyTheme(readThemePref());

let journal: ReturnType<typeof localJournal> | undefined;
try {
  journal = localJournal();
} catch {
  journal = undefined; // localStorage blocked: IndexedDB alone still saves within a second
}

const store = createAppStore({
  catalog,
  loadTemplates: async (kind) => {
    const load = templateLoaders[kind];
    return load ? (await load()).default : [];
  },
  kinds: registry,
  openDb: () =>
    openDb(undefined, {
      onBlocking: () => {
        // A newer version of mockloop opened in another tab and needs the database.
        alert('mockloop was updated in another tab. This tab will reload to keep your data safe.');
        location.reload();
      },
    }),
  journal,
  settingsStorage: (() => {
    try {
      return localStorage;
    } catch {
      return undefined;
    }
  })(),
  guard: createTabGuard(),
  requestPersist: () => {
    void navigator.storage?.persist?.().catch(() => {});
  },
});

// Save at once when the tab is hidden or closed (a phone switching apps, a laptop lid).
const flushNow = () => void store.getState().flush();
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flushNow();
  else store.getState().checkTimeout();
});
window.addEventListener('pagehide', flushNow);

void store.getState().init();
preloadScreens(window.location.hash, (kind) => {
  store
    .getState()
    .fullCatalog([kind])
    .catch(() => {}); // the screen that needs them shows the failure, with Retry
});

// The built app only: dev serves modules straight from source.
if (import.meta.env.PROD) registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
