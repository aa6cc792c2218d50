import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadRounds } from '../../../../src/content/loader';
import type { Signal } from '../../../../src/domain/kind';
import deepDiveContent, { lintBank } from '../../../../src/kinds/deep-dive/content';
import {
  type DeepDiveAnswer,
  deepDiveSpec,
  type StoryTemplate,
  stepsOf,
} from '../../../../src/kinds/deep-dive/spec';
import { makeBank, makeCritique, makeStory } from './fixtures';

const MIN = 60_000;
const signal = (signals: Signal[], id: string) => signals.find((s) => s.id === id);
const response = (text: string, startedAt: number | null, endedAt: number | null, more = {}) => ({
  text,
  followup: '',
  startedAt,
  endedAt,
  gaveNumbers: false,
  ...more,
});

describe('the probe bank', () => {
  it('a theme must match its file, a probe id is used once, ids of the round’s own steps are taken', () => {
    const bank = makeBank(9);
    (bank[1]!.value as { theme: string }).theme = 'elsewhere';
    (bank[2]!.value as { probes: { id: string }[] }).probes[0]!.id = 'theme-a-q1';
    (bank[3]!.value as { probes: { id: string }[] }).probes[1]!.id = 'wrap-up';
    expect(lintBank(bank)).toEqual([
      { name: 'theme-b', message: 'theme: "elsewhere" must match the file name' },
      { name: 'theme-c', message: 'probes[0].id: "theme-a-q1" is already used in theme-a.yaml' },
      {
        name: 'theme-d',
        message: 'probes[1].id: "wrap-up" is reserved for the round\'s own steps',
      },
    ]);
  });

  it('each round type needs enough themes to draw its most questions over distinct themes', () => {
    const bank = makeBank(9);
    for (const e of bank.slice(0, 3))
      for (const p of (e.value as { probes: { for: string[] }[] }).probes) p.for = ['defense'];
    expect(lintBank(bank)).toEqual([
      {
        name: 'theme-a',
        message:
          'only 6 themes have production probes; a production round draws up to 8 distinct themes',
      },
    ]);
  });

  it('a template is filled with the probes of its own round type only', () => {
    const bank = makeBank(9);
    (bank[0]!.value as { probes: { for: string[] }[] }).probes[0]!.for = ['defense'];
    expect(makeStory('production', bank).bank).toHaveLength(17);
    expect(makeStory('defense', bank).bank).toHaveLength(18);
    expect(makeStory('defense', bank).bank![0]).toMatchObject({
      theme: 'theme-a',
      themeTitle: 'Theme 1',
    });
  });

  it('a template whose max cannot be drawn over distinct themes is refused', () => {
    const t = makeStory('defense', makeBank(6));
    expect(deepDiveContent.lint!(t)).toEqual([
      'probing.max: a round may ask 8 questions over distinct themes, but the bank has 6 themes with defense probes',
    ]);
    expect(deepDiveContent.lint!({ ...makeStory(), minutes: 30 } as StoryTemplate)).toEqual([
      "presentation, probing and wrapUp add up to 36 minutes, more than the template's 30",
    ]);
    expect(deepDiveContent.lint!({ ...makeCritique(), minutes: 30 })).toEqual([
      "prompts: the suggested minutes add up to 35, more than the card's 30",
    ]);
  });
});

describe('themes a template names', () => {
  it('a theme the bank does not hold (a typo) is named, not silently drawn from nothing', () => {
    const t = makeStory('defense', makeBank(10));
    const named = {
      ...t,
      bank: undefined,
      probing: { ...t.probing, themes: ['theme-a', 'theme-b', 'theem-c'] },
    } as StoryTemplate;
    const drawn = deepDiveContent.withBanks!(named, { probes: makeBank(10) }) as StoryTemplate;
    expect(deepDiveContent.lint!(drawn)).toContain(
      'probing.themes[2]: no probe in the bank has theme "theem-c" for a defense round',
    );
  });
});

describe('the answer a round starts from', () => {
  it('draws the most probes a round may ask, the same for the same seed and round', () => {
    const t = makeStory('defense');
    const a = deepDiveSpec.emptyAnswer(t, { seed: 11, index: 2 });
    expect(a.drawn).toHaveLength(8);
    expect(new Set(a.drawn.map((p) => p.theme)).size).toBe(8);
    expect(deepDiveSpec.emptyAnswer(t, { seed: 11, index: 2 })).toEqual(a);
    expect(deepDiveSpec.emptyAnswer(t, { seed: 12, index: 2 }).drawn).not.toEqual(a.drawn);
    // A copy of each probe as asked, so a later edit of the bank never rewrites the session.
    expect(a.drawn[0]).toMatchObject({ ask: expect.any(String), covers: expect.any(Array) });
    expect(deepDiveSpec.answerSchema.parse(a)).toEqual(a);
  });

  it('a paper critique draws nothing: every prompt of its card is asked', () => {
    expect(deepDiveSpec.emptyAnswer(makeCritique(), { seed: 1, index: 0 }).drawn).toEqual([]);
  });

  it('is empty until something is typed or recorded', () => {
    const a = deepDiveSpec.emptyAnswer(makeStory());
    expect(deepDiveSpec.isAnswerEmpty(a)).toBe(true);
    expect(deepDiveSpec.isAnswerEmpty({ ...a, outline: { method: 'x' } })).toBe(false);
    expect(
      deepDiveSpec.isAnswerEmpty({
        ...a,
        clips: [{ id: 'c', step: 'presentation', part: 'main', startedAt: 1, endedAt: 2 }],
      }),
    ).toBe(false);
  });
});

describe('signals', () => {
  function played(type: 'defense' | 'production'): { t: StoryTemplate; a: DeepDiveAnswer } {
    const t = makeStory(type);
    const a = deepDiveSpec.emptyAnswer(t, { seed: 5, index: 0 });
    a.minutes = type === 'defense' ? 45 : 30;
    a.project = {
      id: 'p',
      type: 'research',
      title: 'T',
      summary: '',
      role: '',
      result: '',
      limitations: '',
    };
    return { t, a };
  }

  it('counts answers, follow-ups, outline sections and themes, and time against each clock', () => {
    const { t, a } = played('defense');
    const steps = stepsOf(t, a);
    const [, q1, q2, q3] = steps;
    a.outline = { motivation: 'Why it matters', results: 'It worked' };
    a.step = 3;
    a.responses = {
      presentation: response('', 0, 14 * MIN),
      [q1!.id]: response('Five seeds, std 0.2.', 14 * MIN, 16 * MIN),
      [q2!.id]: response('', 16 * MIN, 21 * MIN),
      [q3!.id]: response('Still going', 21 * MIN, null),
    };
    const s = deepDiveSpec.signals({
      template: t,
      answer: a,
      scoring: { covered: {} },
      usedMs: 25 * MIN,
    });
    expect(signal(s, 'answered')).toMatchObject({ value: 2, outOf: 8, selfReported: false });
    // Presentation 2 min over, q2 2 min over, q3 (open when the round ended) 1 min over.
    expect(signal(s, 'within-clock')).toMatchObject({ value: 1, outOf: 4 });
    expect(signal(s, 'within-clock')!.display).toBe('1 of 4 (3 over, by 5:00 in all)');
    expect(signal(s, 'outline')).toMatchObject({ value: 2, outOf: 3 });
    const withFollowup = [q1, q3].filter((x) => x!.followup).length;
    expect(signal(s, 'followups')).toMatchObject({ value: 0, outOf: withFollowup });
    expect(signal(s, 'themes')).toMatchObject({ value: 2, outOf: 7 });
    expect(signal(s, 'quantities')).toBeUndefined();
  });

  it('a production story counts the quantities typed; a spoken answer’s numbers are self-reported', () => {
    const { t, a } = played('production');
    const [, q1, q2, q3] = stepsOf(t, a);
    a.step = 4;
    a.outline = { motivation: 'Checkout latency cost 2% of orders.' };
    a.responses = {
      [q1!.id]: response('p99 went from 120 to 45 ms at 12k QPS.', 0, MIN),
      [q2!.id]: response('It was a lot faster and people liked it.', MIN, 2 * MIN),
      [q3!.id]: response('', 2 * MIN, 3 * MIN, { gaveNumbers: true }),
    };
    a.clips = [{ id: 'c1', step: q3!.id, part: 'main', startedAt: 1000, endedAt: 61_000 }];
    const s = deepDiveSpec.signals({
      template: t,
      answer: a,
      scoring: { covered: {} },
      usedMs: 4 * MIN,
    });
    expect(signal(s, 'quantities')).toMatchObject({ value: 4 });
    expect(signal(s, 'quantities')!.display).toBe('4: 2%, 120, 45 ms, 12k QPS');
    expect(signal(s, 'answers-with-numbers')).toMatchObject({ value: 2, outOf: 3 });
    expect(signal(s, 'gave-numbers')).toMatchObject({ value: 1, outOf: 1, selfReported: true });
    expect(signal(s, 'answered')).toMatchObject({ value: 3 });
    expect(signal(s, 'spoken')!.display).toBe('1 step, 1:00 recorded');
  });

  it('points covered are the person’s own ticks, follow-ups included once shown', () => {
    const { t, a } = played('defense');
    const q1 = stepsOf(t, a).find((s) => s.followup)!;
    a.responses = { [q1.id]: response('yes', 0, null) };
    const s = deepDiveSpec.signals({
      template: t,
      answer: a,
      scoring: { covered: { [q1.id]: [0, 1, 7], [`${q1.id}/followup`]: [0] } },
    });
    const p = signal(s, 'points-covered')!;
    expect(p).toMatchObject({ value: 3, selfReported: true });
    expect(p.outOf).toBe(7 * 2 + 2 + 1); // 7 probes and the wrap-up, 2 points each; 1 follow-up point
  });

  it('a paper critique reports answers and clocks, not outline or themes', () => {
    const t = makeCritique();
    const a = deepDiveSpec.emptyAnswer(t);
    a.step = 1;
    a.responses = {
      reading: response('', null, 8 * MIN),
      summary: response('It claims…', 8 * MIN, null),
    };
    const s = deepDiveSpec.signals({
      template: t,
      answer: a,
      scoring: { covered: {} },
      usedMs: 14 * MIN,
    });
    expect(s.map((x) => x.id)).toEqual([
      'answered',
      'within-clock',
      'time-per-question',
      'points-covered',
    ]);
    expect(signal(s, 'answered')).toMatchObject({ value: 1, outOf: 6 });
    expect(signal(s, 'within-clock')).toMatchObject({ value: 1, outOf: 2 });
    for (const x of s) expect(deepDiveSpec.signalIds).toContain(x.id);
  });
});

describe('in the content loader', () => {
  const REAL = resolve(import.meta.dirname, '../../../../rounds');
  let root: string;
  const write = (path: string, value: unknown) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), typeof value === 'string' ? value : stringify(value));
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'deep-dive-'));
    for (const f of ['verdict.yaml', 'deep-dive.yaml', 'deep-dive-production.yaml'])
      cpSync(join(REAL, 'rubrics', f), join(root, 'rubrics', f));
    cpSync(
      join(REAL, 'deep-dive', 'project-defense.yaml'),
      join(root, 'deep-dive', 'project-defense.yaml'),
    );
    for (const e of makeBank(9)) write(`deep-dive/probes/${e.name}.yaml`, e.value);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const problems = () =>
    loadRounds(root, [{ ...deepDiveSpec, ...deepDiveContent }])
      .failures.filter((f) => f.file !== 'rounds/tracks')
      .map((f) => `${f.file}: ${f.message}`);

  it('reads the bank beside the templates and fills each template from it', () => {
    const r = loadRounds(root, [{ ...deepDiveSpec, ...deepDiveContent }]);
    expect(problems()).toEqual([]);
    expect((r.catalog!.templates['deep-dive']![0] as StoryTemplate).bank).toHaveLength(18);
  });

  it('names the file of a theme with one probe and of a template with too few themes', () => {
    write('deep-dive/probes/theme-a.yaml', {
      theme: 'theme-a',
      title: 'A',
      probes: [{ id: 'only', for: ['defense'], ask: 'Q?', covers: ['a', 'b'] }],
    });
    rmSync(join(root, 'deep-dive/probes/theme-b.yaml'));
    expect(problems()).toEqual([
      'rounds/deep-dive/probes/theme-a.yaml: probes: every theme needs at least 2 probes',
      'rounds/deep-dive/probes/theme-c.yaml: only 7 themes have defense probes; a defense round draws up to 8 distinct themes',
      'rounds/deep-dive/probes/theme-c.yaml: only 7 themes have production probes; a production round draws up to 8 distinct themes',
      'rounds/deep-dive/project-defense.yaml: probing.max: a round may ask 8 questions over distinct themes, but the bank has 7 themes with defense probes',
    ]);
  });

  it('rejects an unknown round type and unknown fields', () => {
    write('deep-dive/paper-x.yaml', { ...makeCritique(), id: 'paper-x', type: 'essay' });
    write('deep-dive/paper-y.yaml', { ...makeCritique(), id: 'paper-y', notes: 'x' });
    const p = problems();
    expect(p.some((m) => m.startsWith('rounds/deep-dive/paper-x.yaml: type:'))).toBe(true);
    expect(p).toContain('rounds/deep-dive/paper-y.yaml: notes: unknown field');
  });
});

describe('the session report', () => {
  it('gives the project, each question asked with the typed answer, and says where recordings are', () => {
    const t = makeStory('defense', makeBank(10, 2, 'all'));
    const a = deepDiveSpec.emptyAnswer(t, { seed: 2, index: 0 });
    const [, q1] = stepsOf(t, a);
    a.project = {
      id: 'p',
      type: 'research',
      title: 'Sparse routing',
      summary: 'S.',
      role: 'R.',
      result: '+1.8',
      limitations: '',
    };
    a.step = 2;
    a.outline = { motivation: 'Context is short.' };
    a.responses = { [q1!.id]: response('Five seeds.', 0, 1, { followup: 'Std 0.2.' }) };
    a.clips = [{ id: 'c', step: q1!.id, part: 'main', startedAt: 0, endedAt: 1000 }];
    const md = deepDiveSpec.toMarkdown!({ template: t, answer: a, scoring: { covered: {} } });
    expect(md).toContain('#### Project: Sparse routing');
    expect(md).toContain('**Motivation.** Context is short.');
    expect(md).toContain(`> ${q1!.ask}`);
    expect(md).toContain('Five seeds.');
    expect(md).toContain('> And how many seeds?\n\nStd 0.2.');
    expect(md).toContain('_1 recording kept in the browser._');
  });
});
