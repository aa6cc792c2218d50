/// <reference lib="webworker" />
// The checker worker: the LaTeX parser and the evaluator, off the page's main thread, so a long
// derivation never holds up typing. Nothing here reaches the network or storage.
import type { FromChecker, ToChecker } from './check-protocol';
import { runCheck } from './run-check';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (ev: MessageEvent<ToChecker>) => {
  const m = ev.data;
  let reply: FromChecker;
  if (m.type === 'ping') {
    reply = { id: m.id, type: 'pong' };
  } else {
    try {
      reply = { id: m.id, type: 'result', result: runCheck(m.request) };
    } catch (e) {
      reply = { id: m.id, type: 'error', message: (e as Error)?.message ?? String(e) };
    }
  }
  self.postMessage(reply);
};
