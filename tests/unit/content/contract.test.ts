// The parts of the kind contract the loader enforces for any kind: banks, a template's own
// rubric, and the signature round as a track slot. A small demo kind stands in for real ones.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadRounds } from '../../../src/content/loader';
import { idSchema, templateBaseShape } from '../../../src/domain/content';
import type { BankEntry, ContentKind } from '../../../src/domain/kind';
import { z } from '../../../src/domain/zod';
import fundamentalsContent from '../../../src/kinds/fundamentals/content';
import { fundamentalsSpec } from '../../../src/kinds/fundamentals/spec';

const REAL = resolve(import.meta.dirname, '../../../rounds');
let root: string;
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};

const itemSchema = z.strictObject({
  theme: idSchema,
  items: z.array(z.string()).check(z.minLength(1)),
});
type Demo = z.infer<typeof demoSchema> & { drawn?: string[] };
const demoSchema = z.strictObject({ ...templateBaseShape, themes: z.array(idSchema) });
const demo: ContentKind = {
  kind: 'demo',
  title: 'Demo',
  blurb: 'A demo kind.',
  rubricId: 'demo',
  layout: { type: 'file', dir: 'demo' },
  templateSchema: demoSchema,
  answerSchema: z.unknown(),
  scoringSchema: z.unknown(),
  emptyAnswer: () => ({}),
  emptyScoring: () => ({}),
  isAnswerEmpty: () => true,
  signals: () => [],
  banks: {
    items: {
      schema: itemSchema,
      lint: (entries: BankEntry[]) =>
        entries
          .filter((e) => (e.value as { theme: string }).theme !== e.name)
          .map((e) => ({ name: e.name, message: 'theme: must match the file name' })),
    },
  },
  withBanks: (t: Demo, banks: Record<string, BankEntry[]>) => ({
    ...t,
    drawn: banks
      .items!.filter((e) => t.themes.includes(e.name))
      .flatMap((e) => (e.value as { items: string[] }).items),
  }),
};

const RUBRIC = (id: string, kind = 'demo') => `id: ${id}
kind: ${kind}
title: Demo rubric ${id}
dimensions:
  - { id: one, name: One, question: One?, levels: { 1: a, 2: b, 3: c, 4: d } }
  - { id: two, name: Two, question: Two?, levels: { 1: a, 2: b, 3: c, 4: d } }
`;
const TEMPLATE = (id: string, extra = '') => `id: ${id}
title: Demo ${id}
summary: Short.
tracks: [rs]
minutes: 30
themes: [alpha]
${extra}`;
const TRACK = (signature: string, rounds: string) => `id: rs
name: Research Scientist
short: RS
summary: Demo track.
glance: { coding: c, signatureRound: s, math: m, portfolio: p, failureMode: f }
signature: ${signature}
failureMode: { label: L, advice: A, dimensions: [demo.one] }
rounds:
${rounds}`;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'contract-'));
  cpSync(join(REAL, 'rubrics', 'verdict.yaml'), join(root, 'rubrics', 'verdict.yaml'));
  cpSync(join(REAL, 'rubrics', 'fundamentals.yaml'), join(root, 'rubrics', 'fundamentals.yaml'));
  write('rubrics/demo.yaml', RUBRIC('demo'));
  write('rubrics/demo-story.yaml', RUBRIC('demo-story'));
  write('demo/items/alpha.yaml', 'theme: alpha\nitems: [first, second]\n');
  write('demo/items/beta.yaml', 'theme: beta\nitems: [third]\n');
  write('demo/one.yaml', TEMPLATE('one'));
  write(
    'tracks/rs.yaml',
    TRACK(
      '{ slot: defense, kind: demo, title: Defense }',
      '  - { slot: defense, title: Defense, kind: demo, minutes: 45, weight: 2 }\n' +
        '  - { slot: critique, title: Critique, kind: demo, minutes: 45, weight: 1 }\n',
    ),
  );
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const load = () => loadRounds(root, [{ ...fundamentalsSpec, ...fundamentalsContent }, demo]);

describe('the kind contract in the loader', () => {
  it('reads a bank beside the templates and fills each template from it', () => {
    const r = load();
    expect(r.failures).toEqual([]);
    expect((r.catalog!.templates.demo![0] as Demo).drawn).toEqual(['first', 'second']);
  });

  it('a broken bank file is reported with its file, and a bank rule names the file', () => {
    write('demo/items/gamma.yaml', 'theme: delta\nitems: []\n');
    write('demo/items/notes.txt', 'stray');
    const messages = load().failures.map((f) => `${f.file}: ${f.message}`);
    expect(messages).toContain(
      'rounds/demo/items/gamma.yaml: items: Too small: expected array to have >=1 items',
    );
    expect(messages).toContain('rounds/demo/items/notes.txt: not read: expected <name>.yaml');
  });

  it('a template may name its own rubric of the same kind, and only an existing one', () => {
    write('demo/two.yaml', TEMPLATE('two', 'rubric: demo-story'));
    write('demo/three.yaml', TEMPLATE('three', 'rubric: nowhere'));
    write('demo/four.yaml', TEMPLATE('four', 'rubric: fundamentals'));
    const r = load();
    expect(r.catalog!.templates.demo!.map((t) => [t.id, t.rubric])).toEqual([
      ['one', undefined],
      ['two', 'demo-story'],
    ]);
    expect(r.failures.map((f) => `${f.file}: ${f.message}`)).toEqual([
      'rounds/demo/four.yaml: rubric: "fundamentals" is a fundamentals rubric, not demo',
      'rounds/demo/three.yaml: rubric: there is no rounds/rubrics/nowhere.yaml',
    ]);
  });

  it('the signature names a slot of the track whose kind matches', () => {
    write(
      'tracks/rs.yaml',
      TRACK(
        '{ slot: defense, kind: demo, title: Defense }',
        '  - { slot: critique, title: Critique, kind: demo, minutes: 45, weight: 1 }\n',
      ),
    );
    expect(load().failures.map((f) => f.message)).toEqual([
      'signature.slot: no round has slot "defense"',
    ]);
  });

  it('a signature whose kind is not built yet may be absent from the loop', () => {
    write(
      'tracks/rs.yaml',
      TRACK(
        '{ slot: talk, kind: not-built, title: Talk }',
        '  - { slot: critique, title: Critique, kind: demo, minutes: 45, weight: 1 }\n',
      ),
    );
    expect(load().failures).toEqual([]);
  });
});
