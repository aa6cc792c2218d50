// npm run check:rounds — validates everything under rounds/, then runs each kind's own deeper
// check where it has one (the coding kind runs every reference and starter in real Pyodide).
// --json prints exactly one JSON object on stdout. Exits 1 when anything failed.
// Arguments other than flags limit the deeper checks to those template ids.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatFailures, loadRounds } from '../src/content/loader';
import type { KindCheck } from '../src/domain/kind';
import { registry } from '../src/kinds/registry';

const json = process.argv.includes('--json');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const root = resolve(import.meta.dirname, '..', 'rounds');

const { catalog, failures } = loadRounds(
  root,
  registry.map((e) => e.spec),
);
const counts: Record<string, number> = {};
const extra: Record<string, Record<string, number>> = {};

if (catalog) {
  for (const { spec } of registry) {
    const list = catalog.templates[spec.kind] ?? [];
    counts[spec.kind] = list.length;
    const figures = { ...spec.extra?.(list) };
    const selected = only.length ? list.filter((t) => only.includes(t.id)) : list;
    // A kind's deeper check lives beside it (Node only, never in the app's bundle).
    const checkFile = resolve(import.meta.dirname, '..', 'src', 'kinds', spec.kind, 'check.ts');
    if (existsSync(checkFile) && selected.length) {
      const check = ((await import(checkFile)) as { default: KindCheck }).default;
      const result = await check(selected);
      failures.push(...result.failures);
      Object.assign(figures, result.extra);
    }
    if (Object.keys(figures).length) extra[spec.kind] = figures;
  }
}

if (json) {
  process.stdout.write(`${JSON.stringify({ counts, extra, failures })}\n`);
} else if (failures.length) {
  process.stderr.write(`${formatFailures(failures)}\n\n${failures.length} problem(s) in rounds/\n`);
} else {
  const parts = Object.entries(counts).map(([k, n]) => `${n} ${k}`);
  process.stdout.write(`rounds/ ok: ${parts.join(', ')} ${JSON.stringify(extra)}\n`);
}
process.exit(failures.length ? 1 : 0);
