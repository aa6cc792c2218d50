// Loads a kind's views through the registry, once, and hands React a promise to `use`.
import { kindEntry } from '../kinds/registry';
import type { KindViews } from '../kinds/views';

const cache = new Map<string, Promise<KindViews>>();

export function kindViews(kind: string): Promise<KindViews> {
  let p = cache.get(kind);
  if (!p) {
    const entry = kindEntry(kind);
    p = entry
      ? entry.views().then((m) => m.default)
      : Promise.reject(new Error(`unknown round kind "${kind}"`));
    cache.set(kind, p);
    // A failed chunk load (offline before it was cached) may succeed on a later try.
    p.catch(() => cache.delete(kind));
  }
  return p;
}
