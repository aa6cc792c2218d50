// Small deep-dive content for tests: a bank of themed probes and the three template types.
import type { BankEntry } from '../../../../src/domain/kind';
import deepDiveContent from '../../../../src/kinds/deep-dive/content';
import type {
  CritiqueTemplate,
  StoryTemplate,
  ThemeFile,
} from '../../../../src/kinds/deep-dive/spec';

/** `themes` theme files of `per` probes each; every probe is for both round types. */
export function makeBank(themes = 10, per = 2, followups: 'first' | 'all' = 'first'): BankEntry[] {
  return Array.from({ length: themes }, (_, t) => {
    const theme = `theme-${String.fromCharCode(97 + t)}`;
    const value: ThemeFile = {
      theme,
      title: `Theme ${t + 1}`,
      probes: Array.from({ length: per }, (_, i) => ({
        id: `${theme}-q${i + 1}`,
        for: ['defense', 'production'],
        ask: `Question ${i + 1} on ${theme}?`,
        covers: ['a first point', 'a second point'],
        ...(i === 0 || followups === 'all'
          ? { followup: { ask: 'And how many seeds?', covers: ['the number'] } }
          : {}),
      })),
    };
    return { name: theme, value };
  });
}

const base = {
  summary: 'A test round.',
  tags: [],
  tracks: ['rs' as const],
  difficulty: 'medium' as const,
};

export function makeStory(
  type: 'defense' | 'production' = 'defense',
  bank: BankEntry[] = makeBank(),
): StoryTemplate {
  const t: StoryTemplate = {
    ...base,
    id: type === 'defense' ? 'project-defense' : 'production-story',
    title: type === 'defense' ? 'Project defense' : 'Production story',
    type,
    minutes: type === 'defense' ? 45 : 30,
    presentation: {
      minutes: type === 'defense' ? 12 : 8,
      outline: [
        { id: 'motivation', title: 'Motivation', hint: 'Why.' },
        { id: 'method', title: 'Method', hint: 'How.' },
        { id: 'results', title: 'Results', hint: 'What.' },
      ],
    },
    probing:
      type === 'defense' ? { count: 7, max: 8, minutes: 3 } : { count: 5, max: 7, minutes: 3 },
    wrapUp: {
      ask: 'What next?',
      covers: ['one experiment', 'what would change your mind'],
      minutes: 3,
    },
  };
  return deepDiveContent.withBanks!(t, { probes: bank }) as StoryTemplate;
}

export function makeCritique(): CritiqueTemplate {
  return {
    ...base,
    id: 'paper-test',
    title: 'Critique: a test paper',
    type: 'critique',
    minutes: 45,
    paper: {
      title: 'A Test Paper',
      authors: 'Someone et al.',
      year: 2020,
      problem: 'P.',
      contribution: 'C.',
      method: 'M.',
      evaluation: 'E.',
      headline: 'H.',
    },
    prompts: ['summary', 'novelty', 'significance', 'assumption', 'benchmark', 'experiment'].map(
      (id, i) => ({ id, ask: `Prompt ${id}?`, minutes: i === 0 ? 5 : 6, covers: ['x', 'y'] }),
    ),
  };
}
