// Serves the validated catalog to the app as `virtual:mockloop/catalog`. A broken file under
// rounds/ stops the dev server, the build and check:rounds with the same messages.
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { AnyKindSpec } from '../domain/kind';
import { formatFailures, loadRounds } from './loader';

const ID = 'virtual:mockloop/catalog';
const RESOLVED = `\0${ID}`;

export function roundsPlugin(opts: { root: string; specs: AnyKindSpec[] }): Plugin {
  const dir = resolve(opts.root, 'rounds');
  const load = () => {
    const result = loadRounds(dir, opts.specs);
    if (result.failures.length || !result.catalog) {
      throw new Error(
        `rounds/ has ${result.failures.length} problem(s):\n${formatFailures(result.failures)}`,
      );
    }
    return result;
  };
  return {
    name: 'mockloop-rounds',
    buildStart() {
      // Fail fast, before anything is bundled or served.
      load();
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      const { catalog, files } = load();
      for (const f of files) this.addWatchFile(f);
      // JSON.parse of a string literal is faster to start than an object literal of this size.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(catalog))});`;
    },
    configureServer(server) {
      server.watcher.add(dir);
      const reload = (file: string) => {
        if (!file.startsWith(dir)) return;
        const mod = server.moduleGraph.getModuleById(RESOLVED);
        if (mod) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', reload);
      server.watcher.on('add', reload);
      server.watcher.on('unlink', reload);
    },
  };
}
