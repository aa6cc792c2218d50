import { use } from 'react';
import type { Catalog } from '../domain/content';
import { useAppStore } from './store-context';

/** The catalog with full templates for these kinds; suspends while their chunks load. */
export function useFullCatalog(kinds: Iterable<string>): Catalog {
  return use(useAppStore().getState().fullCatalog(kinds));
}
