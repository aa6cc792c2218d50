// npm run check:rounds — validates everything under rounds/, then runs each kind's own deeper
// check where it has one (the coding kind runs every reference and starter in real Pyodide).
// --json prints exactly one JSON object on stdout. Exits 1 when anything failed.
// Arguments other than flags limit the deeper checks to those template ids.
//
// Every run has a time cap, so one bad template cannot hold up the check: a test may take
// --cap-test seconds (default 3; a scale test's reference run the app's 5 s limit), one
// template --cap-template seconds in all (default 20), and the whole check --cap-total seconds
// (default 150). Past a cap the run is reported ("test <name>: took longer than N s") and the
// check moves on. --rounds=<dir> checks another rounds folder (tests use it).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentKinds } from '../src/content/kinds';
import { formatFailures, loadRounds } from '../src/content/loader';
import type { CheckOptions, KindCheck } from '../src/domain/kind';
import { registry } from '../src/kinds/registry';

const started = Date.now();
const args = process.argv.slice(2);
const flag = (name: string) =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? null;
const cap = (name: string, fallback: number) => {
  const value = Number(flag(name) ?? fallback);
  if (!(value > 0)) throw new Error(`--${name} must be a number of seconds above 0`);
  return value;
};
const json = args.includes('--json');
const only = args.filter((a) => !a.startsWith('--'));
const root = resolve(flag('rounds') ?? resolve(import.meta.dirname, '..', 'rounds'));
const totalCapS = cap('cap-total', 150);
const options: CheckOptions = {
  testCapS: cap('cap-test', 3),
  templateCapS: cap('cap-template', 20),
  deadline: started + totalCapS * 1000,
};
// A kind's check that does not honour the deadline is abandoned this long after it.
const ABANDON_AFTER_MS = 15_000;

const kinds = await contentKinds(registry.map((e) => e.spec));
const { catalog, failures } = loadRounds(root, kinds);
const counts: Record<string, number> = {};
const extra: Record<string, Record<string, number>> = {};

if (catalog) {
  for (const spec of kinds) {
    const list = catalog.templates[spec.kind] ?? [];
    counts[spec.kind] = list.length;
    const figures = { ...spec.extra?.(list) };
    const selected = only.length ? list.filter((t) => only.includes(t.id)) : list;
    // A kind's deeper check lives beside it (Node only, never in the app's bundle).
    const checkFile = resolve(import.meta.dirname, '..', 'src', 'kinds', spec.kind, 'check.ts');
    const checkName = `src/kinds/${spec.kind}/check.ts`;
    if (existsSync(checkFile) && selected.length) {
      if (Date.now() >= options.deadline) {
        failures.push({
          file: checkName,
          message: `not run: the whole check's ${totalCapS} s ran out`,
        });
        continue;
      }
      try {
        const check = ((await import(checkFile)) as { default: KindCheck }).default;
        let timer: NodeJS.Timeout | undefined;
        const abandoned = new Promise<null>((r) => {
          timer = setTimeout(() => r(null), options.deadline - Date.now() + ABANDON_AFTER_MS);
        });
        const result = await Promise.race([check(selected, options), abandoned]);
        clearTimeout(timer);
        if (result) {
          failures.push(...result.failures);
          Object.assign(figures, result.extra);
        } else {
          failures.push({
            file: checkName,
            message: `still running when the whole check's ${totalCapS} s ran out: abandoned`,
          });
        }
      } catch (e) {
        failures.push({ file: checkName, message: `crashed: ${(e as Error)?.stack ?? e}` });
      }
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
// Python workers may still be running (a stopped run's replacement): end them with the check.
process.exit(failures.length ? 1 : 0);
