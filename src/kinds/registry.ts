// The one list of round kinds. Each entry pairs a kind's spec (no React; Node can load it) with
// a loader for its views, so a kind's screens arrive only when one of its rounds opens.
// Adding a kind = one folder under src/kinds, one line here, its rubric and templates in rounds/.
import type { AnyKindSpec, KindCheck } from '../domain/kind';
import { fundamentalsSpec } from './fundamentals/spec';
import type { KindViews } from './views';

export interface KindEntry {
  spec: AnyKindSpec;
  views: () => Promise<{ default: KindViews }>;
  /** Start what the kind's rounds will need (e.g. Python) when a loop containing one starts. */
  warm?: () => void;
  /** A deeper check of templates for check:rounds, run under Node only. */
  check?: () => Promise<{ default: KindCheck }>;
}

export const registry: KindEntry[] = [
  { spec: fundamentalsSpec, views: () => import('./fundamentals/views') },
];

export const kindSpecs: AnyKindSpec[] = registry.map((e) => e.spec);

export function kindEntry(kind: string): KindEntry | undefined {
  return registry.find((e) => e.spec.kind === kind);
}
