// The import rules of the design: pure domain, kinds that never import each other, and an app
// that reaches a kind only through the registry.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [
    ...text.matchAll(
      /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm,
    ),
  ];
  return found.map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** "src/kinds/coding/spec.ts" for a relative import, or the package name. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return relative(resolve(SRC, '..'), resolve(file, '..', spec))
    .split('\\')
    .join('/');
}

const all = files(SRC).map((f) => ({
  file: relative(resolve(SRC, '..'), f).split('\\').join('/'),
  deps: imports(f).map((s) => target(f, s)),
}));

const byFile = new Map(all.map((x) => [x.file, x.deps]));

/**
 * Every import reachable from `root`, each seen once with the file that imports it; `visit`
 * returns the file an import leads on to, or null to go no further.
 */
function walk(root: string, visit: (from: string, dep: string) => string | null): void {
  const queue = [root];
  const seen = new Set<string>();
  while (queue.length) {
    const f = queue.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const d of byFile.get(f) ?? []) {
      const next = visit(f, d);
      if (next) queue.push(next);
    }
  }
}

describe('architecture', () => {
  it('domain imports no React, no DOM-bound code and no other layer', () => {
    for (const { file, deps } of all.filter((x) => x.file.startsWith('src/domain/'))) {
      for (const d of deps) {
        expect(d, `${file} imports ${d}`).toMatch(/^(zod|src\/domain\/)/);
      }
    }
  });

  it('kind specs import no React and no views, so Node can load them', () => {
    // A spec may use its own kind's plain modules (a parser, a clock), held to the same rule.
    for (const { file } of all.filter((x) => /^src\/kinds\/[^/]+\/spec\.ts$/.test(x.file))) {
      const own = `src/kinds/${file.split('/')[2]}/`;
      walk(file, (f, d) => {
        if (/^(zod|src\/domain\/)/.test(d)) return null;
        const plain = d.startsWith(own) && !/views$/.test(d) && byFile.has(`${d}.ts`);
        expect(plain, `${f} (reached from ${file}) imports ${d}`).toBe(true);
        return `${d}.ts`;
      });
    }
  });

  it("a kind's content rules (content.ts) reach the app's code as types only", () => {
    // Template schemas and lint run under Node (the content loader, check:rounds); the browser
    // gets templates already checked, so its bundle must not hold them.
    const valueImport = /^\s*(?:import|export)\s+(?!type\b)[^'";]*?from\s+['"]([^'"]+)['"]/gm;
    for (const { file } of all) {
      if (/^src\/content\//.test(file) || /^src\/kinds\/[^/]+\/(content|check)\.ts$/.test(file))
        continue;
      const text = readFileSync(resolve(SRC, '..', file), 'utf8');
      for (const m of text.matchAll(valueImport)) {
        const d = target(resolve(SRC, '..', file), m[1]!);
        expect(/^src\/kinds\/[^/]+\/content$/.test(d), `${file} imports ${d} as a value`).toBe(
          false,
        );
      }
    }
  });

  it('what Node loads (specs, content rules, checks and all they import) imports no stylesheet', () => {
    // check:rounds runs under Node, which cannot load CSS: stylesheets belong to views.
    const resolveFile = (d: string) =>
      [`${d}.ts`, `${d}.tsx`, `${d}/index.ts`].find((f) => byFile.has(f)) ?? null;
    const roots = all
      .map((x) => x.file)
      .filter((f) => /^src\/kinds\/[^/]+\/(spec|content|check)\.ts$/.test(f));
    expect(roots.length).toBeGreaterThan(10);
    for (const root of roots) {
      walk(root, (f, d) => {
        expect(d.endsWith('.css'), `${f} (reached from ${root}) imports ${d}`).toBe(false);
        return d.startsWith('src/') ? resolveFile(d) : null;
      });
    }
  });

  it('kinds never import each other', () => {
    for (const { file, deps } of all.filter((x) => /^src\/kinds\/[^/]+\//.test(x.file))) {
      const own = file.split('/')[2];
      for (const d of deps.filter((x) => x.startsWith('src/kinds/'))) {
        const other = d.split('/')[2];
        expect(
          other === own || other === 'views' || other === 'views.ts',
          `${file} imports ${d}`,
        ).toBe(true);
      }
    }
  });

  it('the app, the store and the engine reach kinds only through the registry', () => {
    for (const { file, deps } of all.filter((x) => /^src\/(app|store|ui|content)\//.test(x.file))) {
      for (const d of deps.filter((x) => x.startsWith('src/kinds/'))) {
        expect(d, `${file} imports ${d}`).toMatch(/^src\/kinds\/(registry|views)$/);
      }
    }
  });

  it('ui imports only domain types and itself (no store, no app)', () => {
    for (const { file, deps } of all.filter((x) => x.file.startsWith('src/ui/'))) {
      for (const d of deps.filter((x) => x.startsWith('src/')))
        expect(d, `${file} imports ${d}`).toMatch(/^src\/(domain|ui)\//);
    }
  });

  it('the runner is generic: it imports no kind, store or screen', () => {
    for (const { file, deps } of all.filter((x) => x.file.startsWith('src/runner/'))) {
      for (const d of deps.filter((x) => x.startsWith('src/')))
        expect(d, `${file} imports ${d}`).toMatch(/^src\/(domain|runner)\//);
    }
  });

  it('the store does not import the app', () => {
    for (const { file, deps } of all.filter((x) => x.file.startsWith('src/store/'))) {
      for (const d of deps) expect(d.startsWith('src/app/'), `${file} imports ${d}`).toBe(false);
    }
  });

  it('the registry lists every kind folder, and no other file names more than one kind', () => {
    const kindDirs = readdirSync(join(SRC, 'kinds')).filter((f) =>
      statSync(join(SRC, 'kinds', f)).isDirectory(),
    );
    const registry = all.find((x) => x.file === 'src/kinds/registry.ts')!;
    for (const k of kindDirs)
      expect(registry.deps, `registry misses ${k}`).toContain(`src/kinds/${k}/spec`);
    const naming = all
      .filter(({ deps }) => deps.filter((d) => /^src\/kinds\/[^/]+\/spec$/.test(d)).length > 1)
      .map((x) => x.file);
    expect(naming.filter((f) => f !== 'src/kinds/registry.ts')).toEqual([]);
  });
});
