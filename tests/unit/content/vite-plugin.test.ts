// `vite build` with a broken file under rounds/, as a person runs it: the build stops before
// bundling and prints the problems once, with no stack trace.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../../..');
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'vite-rounds-'));
  cpSync(join(REPO, 'rounds'), join(root, 'rounds'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><script type="module">1</script>');
  writeFileSync(
    join(root, 'vite.config.ts'),
    `import { roundsPlugin } from ${JSON.stringify(join(REPO, 'src/content/vite-plugin.ts'))};
import { contentKinds } from ${JSON.stringify(join(REPO, 'src/content/kinds.ts'))};
import { kindSpecs } from ${JSON.stringify(join(REPO, 'src/kinds/registry.ts'))};
export default {
  root: ${JSON.stringify(root)},
  logLevel: 'info',
  plugins: [roundsPlugin({ root: ${JSON.stringify(root)}, kinds: await contentKinds(kindSpecs) })],
  build: { outDir: ${JSON.stringify(join(root, 'out'))} },
};
`,
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('a broken rounds/ file stops the build with its problem printed once and no stack trace', () => {
  const file = join(root, 'rounds/coding/stable-softmax/template.yaml');
  writeFileSync(file, `colour: blue\n${readFileSync(file, 'utf8')}`);
  const out = spawnSync(
    join(REPO, 'node_modules', '.bin', 'vite'),
    ['build', '--configLoader', 'runner', '--config', join(root, 'vite.config.ts')],
    { cwd: root, encoding: 'utf8', timeout: 120_000 },
  );
  const text = `${out.stdout}\n${out.stderr}`;
  expect(out.status).toBe(1);
  const problem = 'rounds/coding/stable-softmax/template.yaml: colour: unknown field';
  expect(text.split(problem)).toHaveLength(2);
  expect(text).toMatch(/rounds\/ has 1 problem\(s\):\n/);
  expect(text).not.toMatch(/\n\s+at /);
  expect(text).not.toMatch(/Build failed/);
}, 150_000);
