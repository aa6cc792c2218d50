import { use } from 'react';
import type { Catalog } from '../domain/content';
import { holdUntilRetry } from '../ui/Loadable';
import { useAppStore } from './store-context';

/** The catalog with full templates for these kinds; suspends while their chunks load. */
export function useFullCatalog(kinds: Iterable<string>): Catalog {
  const store = useAppStore();
  const list = [...new Set(kinds)].sort();
  return use(holdUntilRetry(store, list.join(','), () => store.getState().fullCatalog(list)));
}
