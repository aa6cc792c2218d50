// Node only: each registered kind's spec joined with its content rules, the default export of
// src/kinds/<kind>/content.ts, found by convention (as a kind's check.ts) so that template
// schemas and lint never enter the browser's bundle: the app receives templates validated.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnyKindContent, AnyKindSpec, ContentKind } from '../domain/kind';

export async function contentKinds(specs: AnyKindSpec[]): Promise<ContentKind[]> {
  return Promise.all(
    specs.map(async (spec) => {
      const url = new URL(`../kinds/${spec.kind}/content.ts`, import.meta.url);
      if (!existsSync(fileURLToPath(url)))
        throw new Error(
          `src/kinds/${spec.kind}/content.ts: missing: every registered kind needs one`,
        );
      const content = ((await import(/* @vite-ignore */ url.href)) as { default: AnyKindContent })
        .default;
      return { ...spec, ...content };
    }),
  );
}
