// A preview server of the build that a spec starts and stops itself: stopping it is how the
// offline specs cut the network for real (Playwright's setOffline does not block a service
// worker's own fetches).
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { CSP_REPORT_FILE } from './csp-reports';

const ROOT = resolve(import.meta.dirname, '../..');

/** The build the suite runs against (MOCKLOOP_OUT, as vite.config.ts reads it). */
export const BUILD_DIR = resolve(ROOT, process.env.MOCKLOOP_OUT ?? 'dist');

async function reachable(url: string): Promise<boolean> {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return r.ok;
  } catch {
    return false;
  }
}

export interface OwnServer {
  url: string;
  stop(): Promise<void>;
}

export async function startPreview(port: number, outDir = BUILD_DIR): Promise<OwnServer> {
  const url = `http://localhost:${port}/`;
  if (await reachable(url)) throw new Error(`port ${port} is already serving something`);
  const child: ChildProcess = spawn(
    'npx',
    ['vite', 'preview', '--configLoader', 'runner', '--port', String(port), '--strictPort'],
    {
      cwd: ROOT,
      env: { ...process.env, MOCKLOOP_OUT: outDir, MOCKLOOP_CSP_REPORT: CSP_REPORT_FILE },
      detached: true, // its own process group, so stop() ends npx and vite together
      stdio: 'ignore',
    },
  );
  const until = Date.now() + 60_000;
  while (!(await reachable(url))) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode})`);
    if (Date.now() > until) throw new Error(`vite preview did not answer at ${url}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.pid) {
        const exited = new Promise((r) => child.once('exit', r));
        process.kill(-child.pid, 'SIGTERM');
        await exited;
      }
      const until = Date.now() + 10_000;
      while (await reachable(url)) {
        if (Date.now() > until) throw new Error(`${url} still answers after stop`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}
