// Serves the validated catalog to the app as `virtual:mockloop/catalog`. A file under rounds/
// that breaks the schema checks (the loader's) stops the dev server and the build with the same
// messages as check:rounds; running references and starters is check:rounds' part alone.
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { lightCatalog } from '../domain/content';
import type { ContentKind } from '../domain/kind';
import { formatFailures, type LoadResult, loadRounds } from './loader';

// The catalog the app starts with holds what every screen needs (tracks, rubrics, and each
// template's title, tags and length); full templates (statements, tests, solutions) load per
// kind when a round of that kind opens.
const ID = 'virtual:mockloop/catalog';
const LOADERS = 'virtual:mockloop/templates';
const KIND_PREFIX = 'virtual:mockloop/templates/';
const RESOLVED = `\0${ID}`;
const RESOLVED_LOADERS = `\0${LOADERS}`;

/** kinds: the registry's specs with their content rules, `await contentKinds(kindSpecs)`. */
export function roundsPlugin(opts: { root: string; kinds: ContentKind[] }): Plugin {
  const dir = resolve(opts.root, 'rounds');
  const problems = (result: LoadResult) =>
    result.failures.length || !result.catalog
      ? `rounds/ has ${result.failures.length} problem(s):\n${formatFailures(result.failures)}`
      : null;
  const load = () => {
    const result = loadRounds(dir, opts.kinds);
    const text = problems(result);
    if (text) {
      const error = new Error(text);
      // The list says everything; a stack trace into the plugin would only bury it.
      error.stack = '';
      throw error;
    }
    return result;
  };
  return {
    name: 'mockloop-rounds',
    buildStart() {
      // Fail fast, before anything is bundled or served. Thrown, the list would come out of
      // Vite twice and under the bundler's stack trace: print it once and stop instead.
      const text = problems(loadRounds(dir, opts.kinds));
      if (text) {
        process.stderr.write(`${text}\n`);
        process.exit(1);
      }
    },
    resolveId(id) {
      if (id === ID) return RESOLVED;
      if (id === LOADERS) return RESOLVED_LOADERS;
      if (id.startsWith(KIND_PREFIX)) return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (id !== RESOLVED && id !== RESOLVED_LOADERS && !id.startsWith(`\0${KIND_PREFIX}`))
        return undefined;
      const { catalog, files } = load();
      for (const f of files) this.addWatchFile(f);
      // JSON.parse of a string literal is faster to start than an object literal of this size.
      const json = (value: unknown) =>
        `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;
      if (id === RESOLVED) return json(lightCatalog(catalog!));
      if (id === RESOLVED_LOADERS) {
        const entries = opts.kinds.map(
          (s) => `${JSON.stringify(s.kind)}: () => import(${JSON.stringify(KIND_PREFIX + s.kind)})`,
        );
        return `export default {${entries.join(', ')}};`;
      }
      const kind = id.slice(`\0${KIND_PREFIX}`.length);
      return json(catalog!.templates[kind] ?? []);
    },
    configureServer(server) {
      server.watcher.add(dir);
      const reload = (file: string) => {
        if (!file.startsWith(dir)) return;
        for (const mod of server.moduleGraph.idToModuleMap.values()) {
          if (mod.id?.startsWith('\0virtual:mockloop/')) server.moduleGraph.invalidateModule(mod);
        }
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', reload);
      server.watcher.on('add', reload);
      server.watcher.on('unlink', reload);
    },
  };
}
