// npm run check:rounds as a person runs it, on a copy of rounds/ with deliberately bad
// templates: slow and endless references are named with their test and the check ends in
// bounded time; a reference identical to its starter reports both problems.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../../..');
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'check-rounds-'));
  cpSync(join(REPO, 'rounds'), root, { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Outcome {
  json: {
    counts: Record<string, number>;
    extra: unknown;
    failures: { file: string; message: string }[];
  };
  messages: string[];
  seconds: number;
  status: number | null;
  stdoutLines: number;
}

function checkRounds(args: string[]): Outcome {
  const started = Date.now();
  const out = spawnSync(
    join(REPO, 'node_modules', '.bin', 'tsx'),
    [join(REPO, 'scripts', 'check-rounds.ts'), `--rounds=${root}`, '--json', ...args],
    { encoding: 'utf8', timeout: 170_000 },
  );
  const lines = out.stdout.trim().split('\n');
  const json = JSON.parse(lines.at(-1)!) as Outcome['json'];
  return {
    json,
    messages: json.failures.map((f) => `${f.file}: ${f.message}`),
    seconds: (Date.now() - started) / 1000,
    status: out.status,
    stdoutLines: lines.length,
  };
}

const write = (path: string, text: string) => writeFileSync(join(root, path), text);
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('check:rounds with a slow reference', () => {
  it('names the file and test past each cap, runs the rest, and ends in bounded time', () => {
    // Endless in one test, stuck in C (sleep ignores the interrupt) in another, quadratic on
    // the scale test: the issue's 11-minute check.
    write(
      'coding/stable-softmax/solution.py',
      `import math
import time


def softmax(scores):
    if len(scores) == 2 and scores[0] == 1000.0:
        while True:
            pass
    if not scores:
        time.sleep(600)
    if len(scores) > 1000:
        for _ in scores:
            max(scores)
    top = max(scores)
    exps = [math.exp(z - top) for z in scores]
    return [e / sum(exps) for e in exps]
`,
    );
    // A reference identical to its starter, and wrong: both problems are reported.
    const starter = read('coding/merge-intervals/starter.py');
    write('coding/merge-intervals/solution.py', starter);
    // The template's own cap is tested below; here it is wide, so a busy machine's slow Python
    // restarts cannot use it up before the scale test.
    const r = checkRounds([
      'stable-softmax',
      'merge-intervals',
      '--cap-test=1',
      '--cap-template=60',
    ]);
    const soft = r.messages.filter((m) => m.startsWith('rounds/coding/stable-softmax/'));
    // In this order; on a machine busy with other tests a quick test may pass 1 s as well, and
    // is then named the same way, so others may appear between them.
    const named = [
      'rounds/coding/stable-softmax/solution.py: test huge-ties: took longer than 1 s',
      'rounds/coding/stable-softmax/solution.py: test empty: took longer than 1 s',
      'rounds/coding/stable-softmax/solution.py: scale test large-list: took longer than 5 s',
    ];
    expect(soft.filter((m) => named.includes(m))).toEqual(named);
    for (const m of soft) expect(m).toMatch(/: (scale )?test \S+: took longer than [15] s$/);
    expect(r.messages).toContain(
      'rounds/coding/merge-intervals/template.yaml: starter: is the same as the solution',
    );
    expect(
      r.messages.some((m) =>
        /^rounds\/coding\/merge-intervals\/solution\.py: test \S+: the reference fails it: /.test(
          m,
        ),
      ),
    ).toBe(true);
    expect(r.status).toBe(1);
    expect(r.stdoutLines).toBe(1);
    expect(Object.keys(r.json).sort()).toEqual(['counts', 'extra', 'failures']);
    // 1 + 1 + 5 s of caps, a fresh Python after the sleep, and two starts of Python.
    expect(r.seconds).toBeLessThan(90);
  }, 180_000);

  it('stops a template at its own cap and the whole check at its cap, naming what was not run', () => {
    // Seven endless references: 2.5 s each at most, more than the whole check's 18 s after
    // Python has started.
    const ids = readdirSync(join(root, 'coding')).sort().slice(0, 7);
    for (const id of ids) {
      const entry = /(?:def|class) (\w+)/.exec(read(`coding/${id}/starter.py`))![1];
      write(`coding/${id}/solution.py`, `def ${entry}(*args):\n    while True:\n        pass\n`);
    }
    const r = checkRounds([...ids, '--cap-test=1', '--cap-template=2.5', '--cap-total=18']);
    const text = r.messages.join('\n');
    expect(text).toMatch(/rounds\/coding\/\S+\/solution\.py: test \S+: took longer than 1 s\n/);
    expect(text).toMatch(
      /rounds\/coding\/\S+\/solution\.py: test \S+: took longer than 0\.5 s \(the template's 2\.5 s in all ran out\)\n/,
    );
    expect(text).toMatch(
      /rounds\/coding\/\S+\/solution\.py: not run, the template's 2\.5 s in all ran out: test /,
    );
    expect(text).toMatch(/the whole check ran out of time/);
    expect(r.seconds).toBeLessThan(18 + 30);
  }, 180_000);
});
