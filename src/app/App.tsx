import { useEffect, useState, useSyncExternalStore } from 'react';
import { kindEntry } from '../kinds/registry';
import { afterPaint } from '../ui/after-paint';
import { Loadable, lazyRetry, type Preloadable, useSettled } from '../ui/Loadable';
import { parseRoute, type Route } from './routes';
import { ShortcutHelp } from './ShortcutHelp';
import { Home } from './screens/Home';
import { NotFound } from './screens/NotFound';
import { ShortcutProvider, useShortcuts } from './shortcuts';
import { useApp } from './store-context';
import { applyTheme, nextThemePref, readThemePref, saveThemePref, type ThemePref } from './theme';
import { UpdateBanner } from './UpdateBanner';

// Every screen but home loads when first opened (charts and backups come with theirs), so the
// first visit's bundle is home's: the loop screen brings the round, scoring and plan screens.
const LoopScreen = lazyRetry(() =>
  import('./screens/LoopScreen').then((m) => ({ default: m.LoopScreen })),
);
const practice = () => import('./screens/Practice');
const Practice = lazyRetry(() => practice().then((m) => ({ default: m.Practice })));
const PracticeKind = lazyRetry(() => practice().then((m) => ({ default: m.PracticeKind })));
const PracticeStart = lazyRetry(() => practice().then((m) => ({ default: m.PracticeStart })));
const WhichTrack = lazyRetry(() =>
  import('./screens/WhichTrack').then((m) => ({ default: m.WhichTrack })),
);
const CustomLoop = lazyRetry(() =>
  import('./screens/CustomLoop').then((m) => ({ default: m.CustomLoop })),
);
const History = lazyRetry(() => import('./screens/History').then((m) => ({ default: m.History })));
const Review = lazyRetry(() => import('./screens/Review').then((m) => ({ default: m.Review })));
const Settings = lazyRetry(() =>
  import('./screens/Settings').then((m) => ({ default: m.Settings })),
);

/** The screen of a route that arrives in its own chunk, if it does. */
function lazyScreen(route: Route): Preloadable | null {
  switch (route.name) {
    case 'loop':
      return LoopScreen;
    case 'practice':
      return Practice;
    case 'practice-kind':
      return PracticeKind;
    case 'practice-template':
      return PracticeStart;
    case 'which-track':
      return WhichTrack;
    case 'custom':
      return CustomLoop;
    case 'history':
      return History;
    case 'review':
      return Review;
    case 'settings':
      return Settings;
    default:
      return null;
  }
}

/** Starts fetching the screen a link or a first load goes to, alongside the database opening. */
export function preloadScreens(hash: string, loadTemplates?: (kind: string) => void): void {
  const route = parseRoute(hash);
  void lazyScreen(route)?.preload();
  if (route.name === 'practice-template') {
    // A practice link opens its round on the loop screen as soon as the session is there, and
    // names the kind: its full templates and what its round needs (a coding round's editor)
    // start with the page instead of after the practice screen has loaded.
    void LoopScreen.preload();
    loadTemplates?.(route.kind);
    kindEntry(route.kind)?.warm?.();
  }
}

let othersPreloaded = false;
/**
 * The other lazy screens (a few kB each; their heavy parts load with them when opened), so a
 * later click finds its screen's code here: fetched once the first screen has painted and the
 * page is idle. Started any earlier, their evaluation (~50 ms here) landed as one long task
 * just when the first screen was ready to paint, and held it back.
 */
function preloadOtherScreens(): void {
  if (othersPreloaded) return;
  othersPreloaded = true;
  const later = () => {
    // The loop screen first: starting a loop from home opens it.
    for (const s of [LoopScreen, Practice, History, Review, Settings, WhichTrack, CustomLoop])
      void s.preload();
  };
  afterPaint(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(later, { timeout: 5000 });
    else setTimeout(later, 1000);
  }, 1000);
}

function subscribeHash(fn: () => void) {
  window.addEventListener('hashchange', fn);
  return () => window.removeEventListener('hashchange', fn);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribeHash, () => window.location.hash);
  return parseRoute(hash);
}

export function App() {
  return (
    <ShortcutProvider>
      <Shell />
    </ShortcutProvider>
  );
}

function Shell() {
  const route = useRoute();
  const dbState = useApp((s) => s.dbState);
  const [themePref, setThemePref] = useState<ThemePref>(readThemePref);
  const [helpOpen, setHelpOpen] = useState(false);

  useEffect(() => {
    applyTheme(themePref);
    if (themePref !== 'system' || typeof matchMedia !== 'function') return;
    const mq = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => applyTheme('system');
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, [themePref]);

  const screenKey = `${route.name}/${'sessionId' in route ? route.sessionId : ''}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per screen, keyed by screenKey
  useEffect(() => {
    // Move focus to the new screen's heading so keyboard and screen-reader users land on it.
    const h = document.querySelector<HTMLElement>('main h1');
    h?.focus({ preventScroll: true });
    window.scrollTo?.(0, 0);
  }, [screenKey]);

  const cycleTheme = () =>
    setThemePref((p) => {
      const next = nextThemePref(p);
      saveThemePref(next);
      return next;
    });

  useShortcuts([{ key: '?', label: 'Show keyboard shortcuts', run: () => setHelpOpen((o) => !o) }]);
  // A screen in its own chunk is rendered once its code is here: it then mounts without
  // suspending, so React's fallback throttle does not hold it back (see lazyRetry).
  const codeHere = useSettled(lazyScreen(route));
  const screenShown = dbState === 'ready' && codeHere;
  useEffect(() => {
    if (screenShown) preloadOtherScreens();
  }, [screenShown]);

  return (
    <div className="app">
      {/* A button, not a link: with hash routes, href="#main" would be read as a route. */}
      <button
        type="button"
        className="skip-link"
        onClick={() => document.getElementById('main')?.focus()}
      >
        Skip to content
      </button>
      <header className="topbar">
        <a className="brand" href="#/">
          mockloop
        </a>
        <nav aria-label="Main">
          <a href="#/" aria-current={route.name === 'home' ? 'page' : undefined}>
            Home
          </a>
          <a
            href="#/practice"
            aria-current={route.name.startsWith('practice') ? 'page' : undefined}
          >
            Practice
          </a>
          <a href="#/history" aria-current={route.name === 'history' ? 'page' : undefined}>
            History
          </a>
          <a href="#/settings" aria-current={route.name === 'settings' ? 'page' : undefined}>
            Settings
          </a>
        </nav>
        <div className="topbar-tools">
          <button type="button" className="ghost" onClick={cycleTheme} title="Switch theme">
            Theme: {themePref === 'system' ? 'system' : themePref}
          </button>
          <button
            type="button"
            className="ghost"
            onClick={() => setHelpOpen(true)}
            aria-label="Keyboard shortcuts"
          >
            ?
          </button>
        </div>
      </header>
      <SaveBanner />
      <UpdateBanner />
      <main id="main" tabIndex={-1}>
        {typeof dbState === 'object' ? (
          <StorageUnavailable message={dbState.error} />
        ) : dbState === 'opening' && route.name !== 'home' ? (
          // Home needs no stored data to show (its list of sessions in progress follows, and
          // a Start waits for the database); every other screen shows what is stored.
          <p className="muted">Opening your saved sessions…</p>
        ) : !codeHere ? (
          <p className="muted">Loading…</p>
        ) : (
          <Loadable key={screenKey} what="this screen" fallback={<p className="muted">Loading…</p>}>
            <Screen route={route} />
          </Loadable>
        )}
      </main>
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <Home />;
    case 'which-track':
      return <WhichTrack />;
    case 'custom':
      return <CustomLoop />;
    case 'loop':
      return <LoopScreen key={route.sessionId} sessionId={route.sessionId} />;
    case 'review':
      return <Review key={route.sessionId} sessionId={route.sessionId} />;
    case 'history':
      return <History />;
    case 'settings':
      return <Settings />;
    case 'practice':
      return <Practice />;
    case 'practice-kind':
      return <PracticeKind kind={route.kind} />;
    case 'practice-template':
      return (
        <PracticeStart
          key={`${route.kind}/${route.templateId}/${route.fresh ? 'new' : ''}`}
          kind={route.kind}
          templateId={route.templateId}
          fresh={route.fresh === true}
        />
      );
    case 'not-found':
      return <NotFound what="page" />;
  }
}

function SaveBanner() {
  const save = useApp((s) => s.save);
  if (save.state !== 'error') return null;
  return (
    <div className="banner banner-error" role="alert">
      <strong>Not saved yet.</strong> {save.message} Your work is kept in this tab and saving is
      retried
      {save.failures > 1 ? ` (tried ${save.failures} times)` : ''}. Do not close this tab until this
      message goes away.
    </div>
  );
}

function StorageUnavailable({ message }: { message: string }) {
  return (
    <section>
      <h1 tabIndex={-1}>Storage is not available</h1>
      <p>
        mockloop keeps your sessions in this browser&apos;s IndexedDB, and the browser refused to
        open it: {message}
      </p>
      <p>
        Private windows and some privacy settings block it. Open mockloop in a normal window to save
        your work.
      </p>
    </section>
  );
}
