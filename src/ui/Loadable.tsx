// A part of the app that arrives in a chunk of its own (a screen, a kind's views, the charts):
// while it loads, a fallback; when it cannot be loaded (offline before it was cached, or a new
// deploy replaced it), a plain message with Retry instead of a raw "Failed to fetch
// dynamically imported module". Errors that are not a failed load are passed on.
import {
  Component,
  type ComponentProps,
  type ComponentType,
  createElement,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useEffect,
  useState,
  useSyncExternalStore,
} from 'react';

const CHUNK_ERROR =
  /dynamically imported module|Importing a module script failed|error loading dynamically imported module|Unable to preload|Failed to fetch|Load failed|NetworkError/i;

/** A failed load of code or content, as browsers word it. */
export function isLoadError(e: unknown): boolean {
  const m = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return CHUNK_ERROR.test(m);
}

/** Loads that failed (lazy components, held promises): renewed when the person presses Retry. */
const failed = new Set<() => void>();

const held = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * The promise a view passes to `use`, held until Retry once it failed. A cache that drops a
 * failed load at once would hand React a fresh pending promise on every render, so a load
 * that keeps failing (offline) would show "Loading…" for ever instead of the message.
 */
export function holdUntilRetry<T>(owner: object, key: string, get: () => Promise<T>): Promise<T> {
  let map = held.get(owner);
  if (!map) {
    map = new Map();
    held.set(owner, map);
  }
  let p = map.get(key) as Promise<T> | undefined;
  if (!p) {
    p = get();
    map.set(key, p);
    p.catch(() => failed.add(() => map.delete(key)));
  }
  return p;
}

interface BoundaryProps {
  children: ReactNode;
  /** What failed to load, for the message: "this screen", "the round". */
  what: string;
}

class LoadBoundary extends Component<BoundaryProps, { error: unknown; attempt: number }> {
  state = { error: null as unknown, attempt: 0 };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  retry = () => {
    for (const renew of failed) renew();
    failed.clear();
    this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));
  };

  render() {
    const { error, attempt } = this.state;
    if (error === null) return <Frame key={attempt}>{this.props.children}</Frame>;
    if (!isLoadError(error)) throw error;
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    return (
      <div className="load-failed" role="alert">
        <p>
          <strong>{capitalise(this.props.what)} could not be loaded.</strong>{' '}
          {offline
            ? 'You seem to be offline, and this part of mockloop was not saved on this device yet. It is saved after the first visit finishes loading.'
            : 'The connection may have dropped, or a newer version of mockloop replaced this part.'}{' '}
          Your work is saved.
        </p>
        <p>
          <button type="button" className="primary" onClick={this.retry}>
            Retry
          </button>{' '}
          <button type="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        </p>
      </div>
    );
  }
}

function Frame({ children }: { children: ReactNode }) {
  return children;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Suspense with a retry when what it waits for fails to load. */
export function Loadable({
  children,
  fallback,
  what,
}: {
  children: ReactNode;
  fallback: ReactNode;
  what: string;
}) {
  return (
    <LoadBoundary what={what}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </LoadBoundary>
  );
}

/** A lazy component's code: fetched ahead of need, and known to have arrived (or failed). */
export interface Preloadable {
  /** Starts the load if it has not started; resolves once it has arrived (or failed). */
  preload(): Promise<void>;
  /** True once the load arrived or failed (a failure is shown by Loadable, with Retry). */
  settled(): boolean;
  subscribe(fn: () => void): () => void;
}

/**
 * React.lazy that can be tried again: a lazy component remembers a failed load for good, so
 * after a failure the next render (Loadable's Retry) gets a fresh one that imports again.
 * Called once per component at module level, as React.lazy is.
 *
 * Once its code has arrived it renders at once, without suspending. That matters beyond the one
 * render: React holds back what a Suspense fallback gave way to until 300 ms after the fallback
 * showed (its fallback throttle), so a screen whose 10 kB chunk arrives in 20 ms would still wait
 * some 280 ms. `preload` and `useSettled` let a caller fetch the code ahead and render the part
 * only when it is here.
 */
// biome-ignore lint/suspicious/noExplicitAny: the same constraint as React.lazy's own
export function lazyRetry<T extends ComponentType<any>>(
  load: () => Promise<{ default: T }>,
): T & Preloadable {
  let loaded: T | null = null;
  let pending: Promise<{ default: T }> | null = null;
  let done = false;
  const listeners = new Set<() => void>();
  const settle = () => {
    done = true;
    for (const fn of listeners) fn();
  };
  const get = () => {
    pending ??= load().then(
      (m) => {
        loaded = m.default;
        settle();
        return m;
      },
      (e: unknown) => {
        settle();
        throw e;
      },
    );
    return pending;
  };
  const fresh = (): LazyExoticComponent<T> =>
    lazy(() =>
      get().catch((e: unknown) => {
        failed.add(() => {
          pending = null;
          done = false;
          current = fresh();
        });
        throw e;
      }),
    );
  let current = fresh();
  // biome-ignore lint/correctness/noComponentHookFactories: made once per lazy component, at module level
  const Retryable = (props: ComponentProps<T>) => {
    // The type is chosen once per mounted instance: switching it would remount the part.
    const [pinned] = useState(() => ({ type: loaded ?? current }));
    return createElement(pinned.type, props);
  };
  return Object.assign(Retryable, {
    preload: () =>
      get().then(
        () => {},
        () => {},
      ),
    settled: () => done,
    subscribe: (fn: () => void) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  }) as unknown as T & Preloadable;
}

/** Starts loading `part` and says whether its code is here (or failed, for Loadable to show). */
export function useSettled(part: Preloadable | null): boolean {
  useEffect(() => {
    void part?.preload();
  }, [part]);
  return useSyncExternalStore(
    useCallback((fn: () => void) => part?.subscribe(fn) ?? (() => {}), [part]),
    () => part?.settled() ?? true,
  );
}
