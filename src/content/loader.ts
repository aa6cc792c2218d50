// The one reader of rounds/. Used by the Vite plugin (dev and build) and by check:rounds.
// It reports every problem at once as `rounds/<path>: <field>: <what is wrong>`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Document, isScalar, parseDocument, type Scalar, visit } from 'yaml';
import { ruleProblems } from '../domain/calibration';
import {
  type Catalog,
  type Retired,
  type Rubric,
  retiredSchema,
  rubricSchema,
  type TemplateBase,
  type Track,
  trackSchema,
  type VerdictPolicy,
  verdictPolicySchema,
} from '../domain/content';
import type { BankEntry, ContentKind } from '../domain/kind';
import { PyFloat } from '../domain/pyvalue';
import type { z } from '../domain/zod';

export interface Failure {
  file: string;
  message: string;
}

export interface LoadResult {
  catalog: Catalog | null;
  failures: Failure[];
  /** Every file read, so a dev server can watch them. */
  files: string[];
}

/** Signals the app adds to every round's own (see app/round-facts.ts). */
const GENERIC_SIGNALS = ['time-used'];

const KNOWN_TOP = new Set(['README.md', 'tracks', 'rubrics', 'retired.yaml']);

/** specs: each kind with its content rules (contentKinds() in ./kinds). */
export function loadRounds(root: string, specs: ContentKind[]): LoadResult {
  const failures: Failure[] = [];
  const files: string[] = [];
  const rel = (p: string) => `rounds/${relative(root, p).split('\\').join('/')}`;
  const fail = (file: string, message: string) => failures.push({ file, message });

  /** pythonKeys: fields whose whole floats (1000.0) must stay floats (see pythonValueKeys). */
  function readYaml(path: string, pythonKeys?: readonly string[]): unknown {
    files.push(path);
    try {
      const doc = parseDocument(readFileSync(path, 'utf8'), {
        prettyErrors: true,
        uniqueKeys: true,
      });
      if (doc.errors.length) throw doc.errors[0];
      if (pythonKeys?.length) markPythonFloats(doc, new Set(pythonKeys));
      return doc.toJS();
    } catch (e) {
      fail(rel(path), `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
      return undefined;
    }
  }

  function validate<T>(
    schema: z.ZodMiniType<T>,
    data: unknown,
    file: string,
    fieldFile?: (field: string) => string | undefined,
  ): T | undefined {
    if (data === undefined) return undefined;
    const r = schema.safeParse(data);
    if (r.success) return r.data;
    for (const issue of r.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [null];
      for (const key of keys) {
        const path = key === null ? issue.path : [...issue.path, key];
        const field = formatPath(path);
        const target = fieldFile?.(String(path[0] ?? '')) ?? file;
        fail(target, `${field || '(top level)'}: ${describeIssue(issue, key !== null)}`);
      }
    }
    return undefined;
  }

  const yamlFiles = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
          .sort()
      : [];

  // Files in places nobody reads are almost always a mistake (a typo in a folder name).
  const kindDirs = new Set(specs.map((s) => s.layout.dir));
  if (existsSync(root)) {
    for (const entry of readdirSync(root)) {
      if (!KNOWN_TOP.has(entry) && !kindDirs.has(entry)) {
        fail(`rounds/${entry}`, 'not a known place for content (no registered kind reads it)');
      }
    }
  } else {
    fail('rounds', 'folder not found');
  }

  const verdictPath = join(root, 'rubrics', 'verdict.yaml');
  let verdict: VerdictPolicy | undefined;
  if (existsSync(verdictPath)) {
    verdict = validate<VerdictPolicy>(verdictPolicySchema, readYaml(verdictPath), rel(verdictPath));
  } else {
    fail('rounds/rubrics/verdict.yaml', 'missing: the verdict policy is required');
  }

  const retiredPath = join(root, 'retired.yaml');
  const retired: Retired['retired'] = existsSync(retiredPath)
    ? (validate(retiredSchema, readYaml(retiredPath), rel(retiredPath))?.retired ?? [])
    : [];
  const retiredIds = new Map(retired.map((r) => [r.id, r]));

  const rubrics: Rubric[] = [];
  for (const f of yamlFiles(join(root, 'rubrics'))) {
    if (f === 'verdict.yaml') continue;
    const path = join(root, 'rubrics', f);
    const r = validate(rubricSchema, readYaml(path), rel(path));
    if (!r) continue;
    if (`${r.id}.yaml` !== f) fail(rel(path), `id: "${r.id}" must match the file name`);
    const dims = new Set<string>();
    r.dimensions.forEach((d, i) => {
      if (dims.has(d.id)) fail(rel(path), `dimensions[${i}].id: "${d.id}" is used twice`);
      dims.add(d.id);
    });
    const spec = specs.find((s) => s.kind === r.kind);
    if (!spec) fail(rel(path), `kind: "${r.kind}" is not a registered round kind`);
    for (const p of ruleProblems(
      r.calibration,
      r.dimensions.map((d) => d.id),
    ))
      fail(rel(path), p);
    r.calibration.forEach((rule, i) => {
      const known = [...(spec?.signalIds ?? []), ...GENERIC_SIGNALS];
      if (spec?.signalIds && !known.includes(rule.signal))
        fail(
          rel(path),
          `calibration[${i}].signal: the ${r.kind} kind reports no signal "${rule.signal}" (it has ${known.join(', ')})`,
        );
    });
    rubrics.push(r);
  }

  const templates: Record<string, TemplateBase[]> = {};
  const idOwner = new Map<string, string>();
  for (const spec of specs) {
    const list: TemplateBase[] = [];
    templates[spec.kind] = list;
    if (
      !rubrics.some((r) => r.id === spec.rubricId) &&
      !existsSync(join(root, 'rubrics', `${spec.rubricId}.yaml`))
    ) {
      fail(
        `rounds/rubrics/${spec.rubricId}.yaml`,
        `missing: the ${spec.kind} kind needs its rubric`,
      );
    }
    const dir = join(root, spec.layout.dir);
    if (!existsSync(dir)) continue;
    const bankDirs = new Set(Object.keys(spec.banks ?? {}));
    const banks: Record<string, BankEntry[]> = {};
    for (const [bank, bankSpec] of Object.entries(spec.banks ?? {})) {
      const entries: BankEntry[] = [];
      const bankDir = join(dir, bank);
      for (const f of yamlFiles(bankDir)) {
        const path = join(bankDir, f);
        const value = validate(bankSpec.schema, readYaml(path), rel(path));
        if (value !== undefined) entries.push({ name: f.replace(/\.ya?ml$/, ''), value });
      }
      if (existsSync(bankDir)) {
        for (const f of readdirSync(bankDir)) {
          if (!/\.ya?ml$/.test(f)) fail(rel(join(bankDir, f)), `not read: expected <name>.yaml`);
        }
      }
      for (const p of bankSpec.lint?.(entries) ?? []) {
        fail(rel(join(bankDir, `${p.name}.yaml`)), p.message);
      }
      banks[bank] = entries;
    }
    const loaded: { template: TemplateBase; file: string; name: string }[] = [];
    if (spec.layout.type === 'file') {
      for (const f of yamlFiles(dir)) {
        const path = join(dir, f);
        const t = validate(spec.templateSchema, readYaml(path, spec.pythonValueKeys), rel(path));
        if (t) loaded.push({ template: t, file: rel(path), name: f.replace(/\.ya?ml$/, '') });
      }
      for (const f of readdirSync(dir)) {
        if (!/\.ya?ml$/.test(f) && f !== 'README.md' && !bankDirs.has(f))
          fail(rel(join(dir, f)), 'not a template: expected <id>.yaml');
      }
    } else {
      const sideFiles = spec.layout.files;
      for (const name of readdirSync(dir).sort()) {
        const folder = join(dir, name);
        if (!statSync(folder).isDirectory()) {
          if (name !== 'README.md') fail(rel(folder), 'not a template: expected a folder <id>/');
          continue;
        }
        const main = join(folder, 'template.yaml');
        if (!existsSync(main)) {
          fail(rel(main), 'missing: every template folder has a template.yaml');
          continue;
        }
        const data = readYaml(main, spec.pythonValueKeys);
        if (data === undefined) continue;
        if (data === null || typeof data !== 'object' || Array.isArray(data)) {
          fail(rel(main), '(top level): expected a mapping of fields');
          continue;
        }
        const merged: Record<string, unknown> = { ...(data as Record<string, unknown>) };
        const fieldToFile = new Map<string, string>();
        for (const [file, field] of Object.entries(sideFiles)) {
          fieldToFile.set(field, rel(join(folder, file)));
          if (field in merged)
            fail(rel(main), `${field}: belongs in ${file}, not in template.yaml`);
          const p = join(folder, file);
          if (existsSync(p)) {
            files.push(p);
            merged[field] = readFileSync(p, 'utf8');
          }
        }
        const known = new Set(['template.yaml', ...Object.keys(sideFiles)]);
        for (const f of readdirSync(folder)) {
          if (!known.has(f))
            fail(rel(join(folder, f)), `not read: expected only ${[...known].join(', ')}`);
        }
        const t = validate(spec.templateSchema, merged, rel(main), (field) => {
          const f = fieldToFile.get(field);
          return f && merged[field] === undefined ? f : undefined;
        });
        if (t) loaded.push({ template: t, file: rel(main), name });
      }
    }
    // Templates whose id matches their name claim it first: a copied folder that kept the old id
    // is the one that introduces the duplicate, never the template it was copied from.
    const named = (x: (typeof loaded)[number]) => Number(x.template.id !== x.name);
    for (const loadedOne of [...loaded].sort((a, b) => named(a) - named(b))) {
      const { file, name } = loadedOne;
      const template = spec.withBanks
        ? spec.withBanks(loadedOne.template, banks)
        : loadedOne.template;
      let ok = true;
      if (template.id !== name) {
        fail(file, `id: "${template.id}" must match its ${spec.layout.type} name "${name}"`);
        ok = false;
      }
      const prior = idOwner.get(template.id);
      if (prior) {
        fail(
          file,
          `id: "${template.id}" is already used by ${prior}: ids are unique across all kinds`,
        );
        ok = false;
      }
      const gone = retiredIds.get(template.id);
      if (gone) {
        fail(file, `id: "${template.id}" was retired (${gone.reason}); choose a new id`);
        ok = false;
      }
      if (template.rubric) {
        const named = rubrics.find((r) => r.id === template.rubric);
        if (!named) {
          fail(file, `rubric: there is no rounds/rubrics/${template.rubric}.yaml`);
          ok = false;
        } else if (named.kind !== spec.kind) {
          fail(file, `rubric: "${template.rubric}" is a ${named.kind} rubric, not ${spec.kind}`);
          ok = false;
        }
      }
      // A lint problem fails the load, but the template stays in the catalog so check:rounds
      // still runs it: a reference identical to its starter also reports the tests it fails.
      for (const message of spec.lint?.(template) ?? []) fail(file, message);
      if (template.id === name && !prior) idOwner.set(template.id, file);
      if (ok) list.push(template);
    }
  }

  const tracks: Track[] = [];
  for (const f of yamlFiles(join(root, 'tracks'))) {
    const path = join(root, 'tracks', f);
    const t = validate(trackSchema, readYaml(path), rel(path));
    if (!t) continue;
    const file = rel(path);
    if (`${t.id}.yaml` !== f) fail(file, `id: "${t.id}" must match the file name`);
    const slots = new Set<string>();
    t.rounds.forEach((r, i) => {
      if (slots.has(r.slot)) fail(file, `rounds[${i}].slot: "${r.slot}" is used twice`);
      slots.add(r.slot);
      if (!specs.some((s) => s.kind === r.kind)) {
        fail(
          file,
          `rounds[${i}].kind: "${r.kind}" is not a registered round kind (registered: ${specs.map((s) => s.kind).join(', ')})`,
        );
        return;
      }
      const pool = (templates[r.kind] ?? []).filter((tpl) =>
        r.tags.every((tag) => tpl.tags.includes(tag)),
      );
      if (pool.length === 0) {
        fail(
          file,
          r.tags.length
            ? `rounds[${i}].tags: no ${r.kind} template carries all of [${r.tags.join(', ')}]`
            : `rounds[${i}].kind: there is no ${r.kind} template to draw`,
        );
      }
    });
    t.failureMode.dimensions.forEach((ref, i) => {
      const [kind, dim] = ref.split('.') as [string, string];
      const ofKind = rubrics.filter((r) => r.kind === kind);
      // Dimensions of kinds not built yet are allowed: the track names its whole failure mode.
      if (
        specs.some((s) => s.kind === kind) &&
        ofKind.length > 0 &&
        !ofKind.some((r) => r.dimensions.some((d) => d.id === dim))
      ) {
        fail(file, `failureMode.dimensions[${i}]: no ${kind} rubric has a dimension "${dim}"`);
      }
    });
    // The signature is a slot of this track's loop; while its kind is not built it is absent.
    const sigRound = t.rounds.findIndex((r) => r.slot === t.signature.slot);
    if (specs.some((s) => s.kind === t.signature.kind)) {
      if (sigRound < 0) fail(file, `signature.slot: no round has slot "${t.signature.slot}"`);
      else if (t.rounds[sigRound]!.kind !== t.signature.kind)
        fail(
          file,
          `signature.kind: the round in slot "${t.signature.slot}" is ${t.rounds[sigRound]!.kind}, not ${t.signature.kind}`,
        );
    }
    tracks.push(t);
  }
  if (tracks.length === 0) fail('rounds/tracks', 'no track found');

  // Returned even when something failed, so check:rounds can go on to run what did load.
  const catalog = verdict ? { tracks, rubrics, verdict, templates, retired } : null;
  return { catalog, failures, files };
}

/**
 * YAML reads `1000.0` as the number 1000, which JSON and then Python would take for an int.
 * Under the given keys, a whole number written with a point or an exponent becomes a PyFloat.
 */
function markPythonFloats(doc: Document, keys: Set<string>) {
  const mark = (node: Scalar) => {
    const v = node.value;
    const src = (node as Scalar & { source?: string }).source ?? '';
    if (
      typeof v === 'number' &&
      Number.isFinite(v) &&
      Number.isInteger(v) &&
      /[.eE]/.test(src) &&
      !/^[-+]?0[xXoO]/.test(src)
    )
      node.value = new PyFloat(v);
  };
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && keys.has(String(pair.key.value)) && pair.value) {
        if (isScalar(pair.value)) mark(pair.value);
        else visit(pair.value as Parameters<typeof visit>[0], { Scalar: (_k, n) => mark(n) });
        return visit.SKIP;
      }
      return undefined;
    },
  });
}

function formatPath(path: PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue, unknownKey: boolean): string {
  if (unknownKey) return 'unknown field';
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    return `is missing (expected ${issue.expected})`;
  }
  return issue.message;
}

export function formatFailures(failures: Failure[]): string {
  return failures.map((f) => `${f.file}: ${f.message}`).join('\n');
}
