// Small builders for tests: a catalog, a fundamentals template, a session at a given phase.
import type { Catalog, Rubric, Track, VerdictPolicy } from '../../src/domain/content';
import type { LoopPlan } from '../../src/domain/plan';
import type { FundamentalsTemplate } from '../../src/kinds/fundamentals/spec';

export const policy: VerdictPolicy = {
  labels: {
    'strong-no-hire': 'Strong no hire',
    'lean-no-hire': 'Lean no hire',
    'lean-hire': 'Lean hire',
    'strong-hire': 'Strong hire',
  },
  thresholds: { strongNoHireBelow: 1.75, leanNoHireBelow: 2.5, leanHireBelow: 3.25 },
  strongNoHireRoundCapsLoopAt: 'lean-no-hire',
  flagDimensionAtOrBelow: 1,
};

export function makeRubric(overrides: Partial<Rubric> = {}): Rubric {
  const levels = { 1: 'poor', 2: 'mixed', 3: 'good', 4: 'excellent' };
  return {
    id: 'fundamentals',
    kind: 'fundamentals',
    title: 'ML fundamentals',
    dimensions: [
      { id: 'accuracy', name: 'Accuracy', question: 'Right?', levels },
      { id: 'depth', name: 'Depth', question: 'Why?', levels },
      { id: 'clarity', name: 'Clarity', question: 'Clear?', levels },
      { id: 'examples', name: 'Use of examples', question: 'Examples?', levels },
    ],
    calibration: [],
    ...overrides,
  };
}

let n = 0;
export function makeTemplate(overrides: Partial<FundamentalsTemplate> = {}): FundamentalsTemplate {
  n++;
  const id = overrides.id ?? `set-${n}`;
  return {
    id,
    title: `Set ${id}`,
    summary: 'A set.',
    tags: [],
    tracks: ['mle', 'rs'],
    minutes: 30,
    difficulty: 'medium',
    questions: [1, 2, 3].map((i) => ({
      id: `q${i}`,
      prompt: `Question ${i} about $x^${i}$?`,
      minutes: 5,
      keyPoints: ['point a', 'point b', 'point c'],
    })),
    ...overrides,
  };
}

export function makeTrack(overrides: Partial<Track> = {}): Track {
  return {
    id: 'mle',
    name: 'ML Engineer',
    short: 'MLE',
    summary: 'MLE',
    glance: { coding: 'c', signatureRound: 's', math: 'm', portfolio: 'p', failureMode: 'f' },
    signature: { slot: 'system-design', kind: 'system-design', title: 'ML system design' },
    failureMode: {
      label: 'Cannot productionize',
      advice: 'Practise serving.',
      dimensions: ['fundamentals.examples'],
    },
    rounds: [
      {
        slot: 'a',
        title: 'Fundamentals A',
        kind: 'fundamentals',
        minutes: 30,
        weight: 1,
        tags: [],
      },
      {
        slot: 'b',
        title: 'Fundamentals B',
        kind: 'fundamentals',
        minutes: 30,
        weight: 2,
        tags: [],
      },
    ],
    ...overrides,
  };
}

export function makeCatalog(overrides: Partial<Catalog> = {}): Catalog {
  return {
    tracks: [
      makeTrack(),
      makeTrack({
        id: 'rs',
        name: 'Research Scientist',
        short: 'RS',
        signature: { slot: 'project-defense', kind: 'deep-dive', title: 'Research deep dive' },
      }),
    ],
    rubrics: [makeRubric()],
    verdict: policy,
    templates: {
      fundamentals: ['alpha', 'bravo', 'charlie', 'delta'].map((id) =>
        makeTemplate({ id, tags: id === 'delta' ? ['applied'] : [] }),
      ),
    },
    retired: [],
    ...overrides,
  };
}

export const KINDS = [{ kind: 'fundamentals', title: 'ML fundamentals' }];

export function onePlan(minutes = 30): LoopPlan {
  return {
    trackId: null,
    signature: null,
    rounds: [
      {
        slot: 'a',
        title: 'A',
        kind: 'fundamentals',
        templateId: 'alpha',
        minutes,
        weight: 1,
        tags: [],
        signature: false,
      },
      {
        slot: 'b',
        title: 'B',
        kind: 'fundamentals',
        templateId: 'bravo',
        minutes,
        weight: 2,
        tags: [],
        signature: false,
      },
    ],
  };
}
