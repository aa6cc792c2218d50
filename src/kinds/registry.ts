// The one list of round kinds. Each entry pairs a kind's spec (no React; Node can load it) with
// a loader for its views, so a kind's screens arrive only when one of its rounds opens.
// Adding a kind = one folder under src/kinds, one line here, its rubric and templates in rounds/.
// A kind may also have src/kinds/<kind>/check.ts, a deeper Node-only check that check:rounds runs.
import type { AnyKindSpec, KindFinish } from '../domain/kind';
import { codingSpec } from './coding/spec';
import { warmCoding } from './coding/warm';
import { deepDiveSpec } from './deep-dive/spec';
import { derivationSpec } from './derivation/spec';
import { fundamentalsSpec } from './fundamentals/spec';
import { designSpec } from './system-design/spec';
import type { KindViews } from './views';

export interface KindEntry {
  spec: AnyKindSpec;
  views: () => Promise<{ default: KindViews }>;
  /** Start what the kind's rounds will need (e.g. Python) when a loop containing one starts. */
  warm?: () => void;
  /** The kind's last step when a round ends (see KindFinish), loaded only then. */
  finish?: () => Promise<{ default: KindFinish }>;
}

export const registry: KindEntry[] = [
  { spec: fundamentalsSpec, views: () => import('./fundamentals/views') },
  {
    spec: codingSpec,
    views: () => import('./coding/views'),
    finish: () => import('./coding/finish'),
    // The round's views and Monaco side by side, then Python once the editor is up.
    warm: warmCoding,
  },
  {
    spec: derivationSpec,
    views: () => import('./derivation/views'),
    finish: () => import('./derivation/finish'),
    warm: () =>
      void import('./derivation/check-client').then((m) => m.warmChecker().catch(() => {})),
  },
  {
    spec: designSpec,
    views: () => import('./system-design/views'),
    finish: () => import('./system-design/finish'),
  },
  {
    spec: deepDiveSpec,
    views: () => import('./deep-dive/views'),
    finish: () => import('./deep-dive/finish'),
  },
];

export const kindSpecs: AnyKindSpec[] = registry.map((e) => e.spec);

export function kindEntry(kind: string): KindEntry | undefined {
  return registry.find((e) => e.spec.kind === kind);
}
