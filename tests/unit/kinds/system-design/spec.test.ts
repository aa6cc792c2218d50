import { describe, expect, it } from 'vitest';
import designContent, {
  designTemplateSchema,
  lintDesign,
} from '../../../../src/kinds/system-design/content';
import {
  type DesignAnswer,
  designSpec,
  emptyDesignAnswer,
  readAnswer,
} from '../../../../src/kinds/system-design/spec';
import { makeDesignTemplate } from './make-template';

const MIN = 60_000;
const t = makeDesignTemplate();

function answer(overrides: Partial<DesignAnswer> = {}): DesignAnswer {
  return { ...emptyDesignAnswer(), ...overrides };
}

const signal = (
  a: DesignAnswer,
  id: string,
  usedMs = 45 * MIN,
  budgetMs: number | null = 45 * MIN,
) =>
  designSpec
    .signals({ template: t, answer: a, scoring: {}, usedMs, budgetMs })
    .find((s) => s.id === id)!;

describe('system design signals', () => {
  it('stages with notes speak to each stage’s rubric dimension, with their numbers', () => {
    const a = answer({
      notes: { data: 'click logs, negatives', features: '  ', modeling: 'GBDT baseline' },
    });
    expect(signal(a, 'notes-data')).toMatchObject({
      value: 1,
      outOf: 2,
      ratio: 0.5,
      dimensions: ['data'],
      display: '1 of 2 · 3 words',
    });
    expect(signal(a, 'notes-modeling')).toMatchObject({
      value: 1,
      outOf: 1,
      dimensions: ['modeling'],
    });
    expect(signal(a, 'notes-monitoring')).toMatchObject({ value: 0, outOf: 2, ratio: 0 });
    expect(signal(a, 'notes-framing')).toMatchObject({
      value: 0,
      outOf: 1,
      dimensions: ['framing'],
    });
    expect(signal(a, 'notes-serving').dimensions).toEqual(['serving']);
  });

  it('counts the important clarifying questions asked, for framing', () => {
    const a = answer({
      asks: [
        { id: 'scale', at: 60_000 },
        { id: 'latency', at: 90_000 },
        { id: 'gone', at: 1 },
      ],
    });
    expect(signal(a, 'important-asked')).toMatchObject({
      value: 1,
      outOf: 3,
      display: '1 of 3 (2 of 6 asked in all)',
      dimensions: ['framing'],
    });
  });

  it('judges the estimates within their factor, for serving', () => {
    const a = answer({
      estimates: {
        'peak-qps': { text: '3k/s', at: 1 },
        'log-volume': { text: 'forty gigs', at: 2 },
      },
    });
    expect(signal(a, 'estimates-within')).toMatchObject({
      value: 1,
      outOf: 2,
      ratio: 0.5,
      display: '1 of 2 (1 unreadable)',
      dimensions: ['serving'],
    });
  });

  it('counts follow-ups answered out of those that appeared, for communication', () => {
    const a = answer({
      followups: {
        'cold-start': { shownAt: 10 * MIN, answer: 'popular items first', answeredAt: 11 * MIN },
        'latency-breach': { shownAt: 20 * MIN, answer: ' ', answeredAt: null },
      },
    });
    expect(signal(a, 'followups-answered')).toMatchObject({
      value: 1,
      outOf: 2,
      display: '1 of 2 shown (2 not reached)',
      dimensions: ['communication'],
    });
    expect(signal(answer(), 'followups-answered')).toMatchObject({
      ratio: null,
      display: 'none reached',
    });
  });

  it('compares the time per stage with the plan scaled to the round, for communication', () => {
    const plan = [
      { stage: 'data', at: 5 * MIN },
      { stage: 'features', at: 10 * MIN },
      { stage: 'modeling', at: 18 * MIN },
      { stage: 'serving', at: 28 * MIN },
      { stage: 'deployment', at: 36 * MIN },
      { stage: 'monitoring', at: 40 * MIN },
    ] as DesignAnswer['stageLog'];
    expect(signal(answer({ stageLog: plan }), 'time-on-plan')).toMatchObject({
      value: 100,
      outOf: 100,
      dimensions: ['communication'],
    });
    // The same split in a 90-minute round is twice as long everywhere: still as planned.
    const doubled = plan.map((m) => ({ ...m, at: m.at * 2 }));
    expect(signal(answer({ stageLog: doubled }), 'time-on-plan', 90 * MIN, 90 * MIN).value).toBe(
      100,
    );
    const stuck = signal(
      answer({ stageLog: [{ stage: 'modeling', at: 1 * MIN }] }),
      'time-on-plan',
    );
    expect(stuck.value).toBeLessThan(30);
    expect(stuck.display).toMatch(/most over: model and offline evaluation \(\+\d+ min\)/);
    expect(signal(answer(), 'time-on-plan').display).toMatch(/never moved past framing/);
  });

  it('shows the elements on the board without a direction', () => {
    const a = answer({
      scene: {
        elements: [
          { id: 'a', type: 'rectangle', customData: { component: 'cache' } },
          { id: 'b', type: 'text', containerId: 'a' },
          { id: 'c', type: 'ellipse', isDeleted: true },
        ],
        files: {},
      },
    });
    expect(signal(a, 'board-elements')).toMatchObject({
      value: 2,
      ratio: null,
      dimensions: [],
      display: '2 (1 library component)',
    });
  });

  it('declares every signal id it reports, for the rubric’s calibration rules', () => {
    const ids = designSpec.signals({ template: t, answer: answer(), scoring: {} }).map((s) => s.id);
    expect(ids.sort()).toEqual([...designSpec.signalIds!].sort());
  });
});

describe('reading a stored answer', () => {
  it('takes a good answer as it is', () => {
    const a = answer({ notes: { data: 'x' } });
    expect(readAnswer(a)).toEqual({ answer: a, problems: [] });
  });

  it('replaces each unreadable field with its empty value and names it, keeping the rest', () => {
    const { answer: a, problems } = readAnswer({
      scene: { elements: [{ id: 'a' }], files: 'no' },
      asks: 'everything',
      notes: { data: 'kept' },
      current: 'lunch',
      stageLog: [],
      estimates: {},
      followups: {},
    });
    expect(problems.sort()).toEqual(['asks', 'current', 'scene']);
    expect(a.notes.data).toBe('kept');
    expect(a.current).toBe('framing');
    // The elements of a misshapen scene are still handed to Excalidraw's restore.
    expect(a.scene).toEqual({ elements: [{ id: 'a' }], files: {} });
    expect(readAnswer(null).answer).toEqual(emptyDesignAnswer());
  });

  it('an answer is empty until something is drawn, asked, written or estimated', () => {
    expect(designSpec.isAnswerEmpty(answer())).toBe(true);
    expect(
      designSpec.isAnswerEmpty(
        answer({ scene: { elements: [{ id: 'x', isDeleted: true }], files: {} } }),
      ),
    ).toBe(true);
    expect(designSpec.isAnswerEmpty(answer({ asks: [{ id: 'scale', at: 1 }] }))).toBe(false);
    expect(designSpec.isAnswerEmpty(answer({ notes: { data: 'logs' } }))).toBe(false);
    expect(
      designSpec.isAnswerEmpty(answer({ scene: { elements: [{ id: 'x' }], files: {} } })),
    ).toBe(false);
  });
});

describe('template checks', () => {
  it('recomputes a formula and says where it breaks', () => {
    const bad = makeDesignTemplate({
      estimates: [
        { ...t.estimates[0]!, formula: 'daily_users * requests_per_user * (peak_factor / 86400' },
        t.estimates[1]!,
      ],
    });
    expect(lintDesign(bad)).toEqual([
      'estimates[0].formula: a "(" is never closed (at character 35)',
    ]);
  });

  it('accepts a good template', () => {
    expect(designTemplateSchema.safeParse(t).success).toBe(true);
    expect(lintDesign(t)).toEqual([]);
  });

  it('names the field of every cross-field problem', () => {
    const bad = makeDesignTemplate({
      facts: [...t.facts, { name: 'hidden_fact', value: 3, unit: 'x' }],
      clarifications: t.clarifications.map((c, i) =>
        i === 0 ? { ...c, facts: [...c.facts, 'ghost'] } : { ...c, important: false },
      ),
      stages: { ...t.stages, serving: { minutes: 6, outline: '- x' } },
      estimates: [
        { ...t.estimates[0]!, reference: 3000 },
        {
          ...t.estimates[1]!,
          inputs: ['daily_users', 'hidden_fact', 'nowhere'],
          formula: 'daily_users * requests_per_user',
        },
      ],
      followups: [
        { id: 'a', at: 3, prompt: 'p', covers: 'c' },
        { id: 'b', at: 20, prompt: 'p', covers: 'c' },
        { id: 'c', at: 20, prompt: 'p', covers: 'c' },
        { id: 'd', at: 44, prompt: 'p', covers: 'c' },
      ],
    });
    expect(lintDesign(bad)).toEqual([
      'clarifications[0].facts[2]: "ghost" is not a declared fact',
      'clarifications: mark at least 2 as important (has 1)',
      'facts[4]: "hidden_fact" is given by no clarification (list it in one\'s facts)',
      "stages: the minutes add up to 43, not the template's 45",
      "estimates[0].reference: 3000 is more than 1% from the formula's 2777.78",
      'estimates[1].inputs[1]: "hidden_fact" is given by no clarification, so it cannot be learnt in the round',
      'estimates[1].inputs[2]: "nowhere" is not a declared fact',
      'estimates[1].formula: uses "requests_per_user", which is not among its inputs',
      'estimates[1].inputs[1]: "hidden_fact" is not used by the formula',
      'estimates[1].inputs[2]: "nowhere" is not used by the formula',
      'followups[0].at: 3 must be between 5 and 42',
      'followups[2].at: 20 must come after the one before (20)',
      'followups[3].at: 44 must be between 5 and 42',
    ]);
  });

  it('rejects missing and repeated pieces in the schema, with paths', () => {
    const r = designTemplateSchema.safeParse({
      ...t,
      clarifications: t.clarifications.slice(0, 5),
      estimates: [t.estimates[0], t.estimates[0]],
      pitfalls: ['only one'],
      stages: { ...t.stages, extra: { minutes: 1, outline: 'x' } },
      facts: [{ name: 'Daily Users', value: 1, unit: 'u' }],
    });
    expect(r.success).toBe(false);
    const issues = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        'clarifications: give at least 6 clarifying questions',
        'pitfalls: give at least 3 common pitfalls',
        'facts.0.name: must be snake_case, like daily_users',
      ]),
    );
    expect(
      r.error!.issues.some((i) => i.code === 'unrecognized_keys' && i.path.join('.') === 'stages'),
    ).toBe(true);
  });

  it('reports its figures for check:rounds', () => {
    expect(designContent.extra!([t, t])).toEqual({
      prompts: 2,
      clarifications: 12,
      followups: 8,
      estimates: 4,
    });
  });
});

describe('the session report', () => {
  it('writes the asks, notes, judged estimates and follow-ups as Markdown', () => {
    const md = designSpec.toMarkdown!({
      template: t,
      answer: answer({
        asks: [{ id: 'scale', at: 65_000 }],
        notes: { data: 'click logs' },
        estimates: { 'peak-qps': { text: '3k/s', at: 1 } },
        followups: {
          'cold-start': { shownAt: 10 * MIN, answer: 'popular first', answeredAt: 11 * MIN },
        },
      }),
      scoring: {},
    });
    expect(md).toContain('- asked at 1:05 (important): How many users?');
    expect(md).toContain('- not asked (important): How peaky?');
    expect(md).toContain('**Data**\n\nclick logs');
    expect(md).toContain(
      '- Peak requests per second: `3k/s`; reference 2.78k requests/s; within 2× (1.1× the reference)',
    );
    expect(md).toContain('- Event log volume per day: —; reference 40 GB/day; not answered');
    expect(md).toContain('- **Cold start?** (at 10:00)\n\n  popular first');
    expect(md).toContain('- **Drift?** (not reached)');
    expect(md.split('\n').every((l) => !/^#{1,3} /.test(l))).toBe(true);
  });
});
