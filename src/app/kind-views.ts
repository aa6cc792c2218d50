// Loads a kind's views through the registry, once, and hands React a promise to `use`.
import { kindEntry } from '../kinds/registry';
import type { KindViews } from '../kinds/views';
import { holdUntilRetry } from '../ui/Loadable';

const loaded = {};

/**
 * A failed load (offline before the chunk was cached, a deploy that replaced it) stays failed
 * until the person presses Retry (see Loadable), which loads it again.
 */
export function kindViews(kind: string): Promise<KindViews> {
  return holdUntilRetry(loaded, kind, () => {
    const entry = kindEntry(kind);
    return entry
      ? entry.views().then((m) => m.default)
      : Promise.reject(new Error(`unknown round kind "${kind}"`));
  });
}
