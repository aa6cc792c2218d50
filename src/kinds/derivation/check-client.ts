// The page's side of the checker: one module worker, started when a derivation round (or a loop
// containing one) opens, with a time limit per check; where workers are missing (jsdom) the same
// code runs in the page, loaded lazily all the same.
import type {
  CheckerBody,
  CheckRequest,
  CheckResult,
  FromChecker,
  ToChecker,
} from './check-protocol';

/** A check that takes longer than this is abandoned and the worker replaced. */
export const CHECK_LIMIT_MS = 10_000;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<
  number,
  { resolve: (m: FromChecker) => void; reject: (e: Error) => void }
>();
let readyAt: Promise<number> | null = null;

function start(): Worker {
  const w = new Worker(new URL('./check.worker.ts', import.meta.url), {
    type: 'module',
    name: 'derivation-checker',
  });
  w.onmessage = (ev: MessageEvent<FromChecker>) => {
    const p = pending.get(ev.data.id);
    pending.delete(ev.data.id);
    p?.resolve(ev.data);
  };
  w.onerror = (ev) => {
    ev.preventDefault?.();
    fail(new Error(`the checker stopped: ${ev.message || 'it could not load'}`));
  };
  return w;
}

function fail(e: Error) {
  worker?.terminate();
  worker = null;
  readyAt = null;
  for (const p of pending.values()) p.reject(e);
  pending.clear();
}

function send(message: CheckerBody, limitMs: number): Promise<FromChecker> {
  worker ??= start();
  const id = nextId++;
  const w = worker;
  return new Promise<FromChecker>((resolve, reject) => {
    const timer = setTimeout(() => {
      if (!pending.has(id)) return;
      pending.delete(id);
      if (worker === w) fail(new Error('the checker took too long'));
      reject(new Error(`the check took longer than ${limitMs / 1000} s and was stopped`));
    }, limitMs);
    pending.set(id, {
      resolve: (m) => {
        clearTimeout(timer);
        resolve(m);
      },
      reject: (e) => {
        clearTimeout(timer);
        reject(e);
      },
    });
    w.postMessage({ ...message, id } as ToChecker);
  });
}

const hasWorkers = () => typeof Worker !== 'undefined';

/** Starts the checker; resolves with how long it took to load (ms). Safe to call often. */
export function warmChecker(): Promise<number> {
  if (!hasWorkers()) return import('./run-check').then(() => 0);
  if (!readyAt) {
    const started = performance.now();
    readyAt = send({ type: 'ping' }, CHECK_LIMIT_MS).then(() => performance.now() - started);
    readyAt.catch(() => {
      readyAt = null;
    });
  }
  return readyAt;
}

export async function checkDerivation(request: CheckRequest): Promise<CheckResult> {
  if (!hasWorkers()) return (await import('./run-check')).runCheck(request);
  const reply = await send({ type: 'check', request }, CHECK_LIMIT_MS);
  if (reply.type === 'error') throw new Error(reply.message);
  if (reply.type !== 'result') throw new Error('the checker answered something unexpected');
  return reply.result;
}
