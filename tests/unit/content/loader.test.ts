import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentKinds } from '../../../src/content/kinds';
import { formatFailures, loadRounds } from '../../../src/content/loader';
import type { CodingTemplate } from '../../../src/kinds/coding/spec';
import { kindSpecs } from '../../../src/kinds/registry';

const kinds = await contentKinds(kindSpecs);

const REAL = resolve(import.meta.dirname, '../../../rounds');
let root: string;

function write(path: string, text: string) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

const SET = (id: string, extra = '') => `id: ${id}
title: A set
summary: Short.
tags: [applied, theory]
tracks: [mle]
minutes: 30
questions:
  - id: one
    minutes: 5
    prompt: What is $x$?
    keyPoints: [a, b, c]
  - id: two
    minutes: 5
    prompt: Why?
    keyPoints: [a, b, c]
  - id: three
    minutes: 5
    prompt: How?
    keyPoints: [a, b, c]
${extra}`;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'rounds-'));
  for (const part of ['tracks', 'rubrics', 'retired.yaml'])
    cpSync(join(REAL, part), join(root, part), { recursive: true });
  // One coding problem for each tag the tracks draw by.
  for (const id of ['stable-softmax', 'merge-intervals', 'layer-norm']) {
    cpSync(join(REAL, 'coding', id), join(root, 'coding', id), { recursive: true });
  }
  // Every other kind's templates as they are, so the tracks find a template for each round.
  for (const spec of kinds) {
    const dir = spec.layout.dir;
    if (dir !== 'coding' && dir !== 'fundamentals' && existsSync(join(REAL, dir)))
      cpSync(join(REAL, dir), join(root, dir), { recursive: true });
  }
  write('fundamentals/alpha.yaml', SET('alpha'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const load = () => loadRounds(root, kinds);

describe('the content loader', () => {
  it('loads valid rounds into a catalog with no failures', () => {
    const r = load();
    expect(r.failures).toEqual([]);
    expect(r.catalog?.templates.fundamentals?.map((t) => t.id)).toEqual(['alpha']);
    expect(r.catalog?.templates.coding?.map((t) => t.id)).toEqual([
      'layer-norm',
      'merge-intervals',
      'stable-softmax',
    ]);
    expect(r.catalog?.tracks.map((t) => t.id).sort()).toEqual(['mle', 'rs']);
  });

  it('the built-in rounds load without a single failure', () => {
    const r = loadRounds(REAL, kinds);
    expect(formatFailures(r.failures)).toBe('');
    expect(r.catalog!.templates.fundamentals!.length).toBeGreaterThanOrEqual(8);
  });

  it('names file and field for every problem at once', () => {
    write(
      'fundamentals/bravo.yaml',
      SET('bravo', 'colour: blue\n').replace('minutes: 30', 'minutes: "thirty"'),
    );
    write(
      'fundamentals/charlie.yaml',
      SET('charlie').replace('keyPoints: [a, b, c]', 'keyPoints: [a]'),
    );
    const messages = load().failures.map((f) => `${f.file}: ${f.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'rounds/fundamentals/bravo.yaml: colour: unknown field',
        expect.stringMatching(/^rounds\/fundamentals\/bravo\.yaml: minutes: .*number/),
        'rounds/fundamentals/charlie.yaml: questions[0].keyPoints: give 3 to 6 key points',
      ]),
    );
  });

  it('says when a required field is missing', () => {
    write('fundamentals/delta.yaml', SET('delta').replace('summary: Short.\n', ''));
    expect(load().failures).toContainEqual({
      file: 'rounds/fundamentals/delta.yaml',
      message: 'summary: is missing (expected string)',
    });
  });

  it('reports broken YAML with its line', () => {
    write('fundamentals/echo.yaml', 'id: echo\ntitle: [unclosed\n');
    const f = load().failures.find((x) => x.file === 'rounds/fundamentals/echo.yaml');
    expect(f?.message).toMatch(/not valid YAML/);
  });

  it('requires ids to match file names, be unique and never reuse a retired id', () => {
    write('fundamentals/foxtrot.yaml', SET('golf'));
    write(
      'retired.yaml',
      'retired:\n  - id: hotel\n    kind: fundamentals\n    reason: replaced by india\n',
    );
    write('fundamentals/hotel.yaml', SET('hotel'));
    const messages = load().failures.map((f) => `${f.file}: ${f.message}`);
    expect(messages).toContain(
      'rounds/fundamentals/foxtrot.yaml: id: "golf" must match its file name "foxtrot"',
    );
    expect(messages).toContain(
      'rounds/fundamentals/hotel.yaml: id: "hotel" was retired (replaced by india); choose a new id',
    );
  });

  it('blames a duplicate id on the file that introduces it and names the other', () => {
    // A copy that kept the original's id sorts before the original.
    write('fundamentals/aardvark.yaml', SET('alpha'));
    const r = load();
    const messages = r.failures.map((f) => `${f.file}: ${f.message}`);
    expect(messages).toContain(
      'rounds/fundamentals/aardvark.yaml: id: "alpha" must match its file name "aardvark"',
    );
    expect(messages).toContain(
      'rounds/fundamentals/aardvark.yaml: id: "alpha" is already used by rounds/fundamentals/alpha.yaml: ids are unique across all kinds',
    );
    expect(r.failures.filter((f) => f.file === 'rounds/fundamentals/alpha.yaml')).toEqual([]);
    expect(r.catalog?.templates.fundamentals?.map((t) => t.id)).toEqual(['alpha']);
  });

  it('across kinds, blames the later file in load order and names the earlier', () => {
    write('fundamentals/stable-softmax.yaml', SET('stable-softmax'));
    const messages = load().failures.map((f) => `${f.file}: ${f.message}`);
    expect(messages).toContain(
      'rounds/coding/stable-softmax/template.yaml: id: "stable-softmax" is already used by rounds/fundamentals/stable-softmax.yaml: ids are unique across all kinds',
    );
  });

  it('rejects a track naming a kind that is not registered, or a tag no template carries', () => {
    write(
      'tracks/mle.yaml',
      `${readTrack('mle')}  - slot: extra\n    title: Extra\n    kind: quantum\n    minutes: 30\n    weight: 1\n  - slot: tagged\n    title: Tagged\n    kind: fundamentals\n    minutes: 30\n    weight: 1\n    tags: [nothing-has-this]\n`,
    );
    const messages = load().failures.map((f) => f.message);
    expect(
      messages.some((m) => /rounds\[\d\]\.kind: "quantum" is not a registered round kind/.test(m)),
    ).toBe(true);
    expect(
      messages.some((m) => /no fundamentals template carries all of \[nothing-has-this\]/.test(m)),
    ).toBe(true);
  });

  it('flags files in places nobody reads', () => {
    write('fundamental/typo.yaml', SET('typo'));
    expect(load().failures).toContainEqual({
      file: 'rounds/fundamental',
      message: 'not a known place for content (no registered kind reads it)',
    });
  });

  it('rejects a rubric whose kind is not registered and a kind with no rubric', () => {
    rmSync(join(root, 'rubrics', 'fundamentals.yaml'));
    write(
      'rubrics/other.yaml',
      'id: other\nkind: other\ntitle: Other\ndimensions:\n  - id: a\n    name: A\n    question: Q\n    levels: {1: a, 2: b, 3: c, 4: d}\n  - id: b\n    name: B\n    question: Q\n    levels: {1: a, 2: b, 3: c, 4: d}\n',
    );
    const messages = load().failures.map((f) => `${f.file}: ${f.message}`);
    expect(messages).toContain(
      'rounds/rubrics/other.yaml: kind: "other" is not a registered round kind',
    );
    expect(messages).toContain(
      'rounds/rubrics/fundamentals.yaml: missing: the fundamentals kind needs its rubric',
    );
  });

  it('checks the verdict policy thresholds increase', () => {
    write(
      'rubrics/verdict.yaml',
      readFile('rubrics/verdict.yaml').replace('leanHireBelow: 3.25', 'leanHireBelow: 2.0'),
    );
    expect(
      load()
        .failures.map((f) => f.message)
        .join('\n'),
    ).toMatch(/thresholds must increase/);
  });
});

function readFile(p: string) {
  return readFileSync(join(root, p), 'utf8');
}
function readTrack(id: string) {
  return readFile(`tracks/${id}.yaml`);
}

describe('coding templates in folders', () => {
  it('reads the side files into fields and names a missing one by its file', () => {
    rmSync(join(root, 'coding', 'stable-softmax', 'statement.md'));
    const f = load().failures;
    expect(f).toContainEqual({
      file: 'rounds/coding/stable-softmax/statement.md',
      message: 'statement: is missing (expected string)',
    });
  });

  it('rejects stray files and a starter that already solves the problem', () => {
    write('coding/stable-softmax/notes.txt', 'scratch');
    write('coding/stable-softmax/starter.py', readFile('coding/stable-softmax/solution.py'));
    const messages = load().failures.map((x) => `${x.file}: ${x.message}`);
    expect(messages).toContain(
      'rounds/coding/stable-softmax/notes.txt: not read: expected only template.yaml, statement.md, starter.py, solution.py, checker.py',
    );
    expect(messages).toContain(
      'rounds/coding/stable-softmax/template.yaml: starter: is the same as the solution',
    );
  });

  it('a template with a lint problem stays in the catalog, so check:rounds still runs it', () => {
    write('coding/stable-softmax/starter.py', readFile('coding/stable-softmax/solution.py'));
    const r = load();
    expect(r.failures.map((x) => x.message)).toContain('starter: is the same as the solution');
    expect(r.catalog?.templates.coding?.map((t) => t.id)).toContain('stable-softmax');
  });

  it('keeps a whole float written 1000.0 apart from the integer 1000', () => {
    const t = load().catalog!.templates.coding!.find(
      (x) => x.id === 'stable-softmax',
    ) as unknown as CodingTemplate;
    expect(t.tests.find((x) => x.name === 'huge-ties')!.args).toEqual([
      [{ $float: '1000.0' }, { $float: '1000.0' }],
    ]);
    // Fields that are not Python values stay plain numbers.
    expect(t.scale[0]!.factor).toBe(10);
  });

  it('requires 3 visible and 5 hidden tests, each with an expected value or a check', () => {
    const yaml = readFile('coding/stable-softmax/template.yaml');
    const cut = yaml.slice(0, yaml.indexOf('  - name: empty')) + yaml.slice(yaml.indexOf('scale:'));
    write('coding/stable-softmax/template.yaml', cut.replace('    expected: [0.5, 0.5]\n', ''));
    const messages = load().failures.map((x) => x.message);
    expect(messages).toContain('tests: needs at least 5 hidden tests, has 0');
    expect(messages).toContain('tests[2]: give expected (or raises)');
  });

  it('keeps inf and NaN from YAML as tagged values the harness understands', () => {
    const t = load().catalog!.templates.coding!.find(
      (x) => x.id === 'stable-softmax',
    ) as unknown as { tests: { name: string; args: unknown[] }[] };
    expect(t.tests.find((x) => x.name === 'neg-infinity')!.args).toEqual([
      [{ $float: '0.0' }, { $float: '-inf' }],
    ]);
  });
});
