// The page's side of the Python worker (src/runner/client.ts) against a scripted worker: when
// Python is up and idle a run's request reaches the worker at once, so the worker starts while
// the page does its own work for the click; runs still never overlap.
import { describe, expect, it } from 'vitest';
import { PythonRunner } from '../../../src/runner/client';
import type { FromWorker, ToWorker } from '../../../src/runner/protocol';
import type { HarnessReport, HarnessRequest } from '../../../src/runner/suite';

class FakeWorker {
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  posted: ToWorker[] = [];
  postMessage(m: ToWorker) {
    this.posted.push(m);
  }
  terminate() {}
  reply(m: FromWorker) {
    this.onmessage?.({ data: m } as MessageEvent<FromWorker>);
  }
  runs() {
    return this.posted.filter((m): m is Extract<ToWorker, { type: 'run' }> => m.type === 'run');
  }
}

const request = { source: 'x = 1', entry: 'f', tests: [], scale: [] } as unknown as HarnessRequest;
const report = { compiled: true, results: [], stdout: '' } as unknown as HarnessReport;

async function readyRunner() {
  const worker = new FakeWorker();
  const runner = new PythonRunner({
    createWorker: () => worker as unknown as Worker,
    indexURL: '/pyodide/',
  });
  const up = runner.warm();
  worker.reply({ type: 'ready', ms: 1, isolated: false, leftGlobals: [] });
  await up;
  return { runner, worker };
}

describe('PythonRunner', () => {
  it('posts a run to a ready, idle worker before run() returns', async () => {
    const { runner, worker } = await readyRunner();
    const outcome = runner.run(request);
    expect(worker.runs()).toHaveLength(1);
    worker.reply({ type: 'result', id: worker.runs()[0]!.id, report, ms: 3 });
    expect(await outcome).toEqual({ kind: 'ok', report, ms: 3 });
  });

  it('a second run waits for the first to finish, then is posted', async () => {
    const { runner, worker } = await readyRunner();
    const first = runner.run(request);
    const second = runner.run(request);
    await Promise.resolve();
    expect(worker.runs()).toHaveLength(1);
    worker.reply({ type: 'result', id: worker.runs()[0]!.id, report, ms: 1 });
    await first;
    await new Promise((r) => setTimeout(r, 0));
    expect(worker.runs()).toHaveLength(2);
    worker.reply({ type: 'result', id: worker.runs()[1]!.id, report, ms: 2 });
    expect((await second).kind).toBe('ok');
    // Idle again (a later click is a later task): the next run goes out at once.
    await new Promise((r) => setTimeout(r, 0));
    void runner.run(request);
    expect(worker.runs()).toHaveLength(3);
  });

  it('a run asked for before Python is up is posted once it is ready', async () => {
    const worker = new FakeWorker();
    const runner = new PythonRunner({
      createWorker: () => worker as unknown as Worker,
      indexURL: '/pyodide/',
    });
    const outcome = runner.run(request);
    await Promise.resolve();
    expect(worker.posted.map((m) => m.type)).toEqual(['init']);
    worker.reply({ type: 'ready', ms: 1, isolated: false, leftGlobals: [] });
    await new Promise((r) => setTimeout(r, 0));
    expect(worker.runs()).toHaveLength(1);
    worker.reply({ type: 'result', id: worker.runs()[0]!.id, report, ms: 1 });
    expect((await outcome).kind).toBe('ok');
  });
});
