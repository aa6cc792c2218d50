// ML fundamentals: a themed set of short conceptual questions answered in writing (the sets'
// rules: ./content.ts). No React here: check:rounds loads this module under Node.

import type { RoundKindSpec } from '../../domain/kind';
import { z } from '../../domain/zod';
import type { FundamentalsTemplate } from './content';

export type { FundamentalsQuestion, FundamentalsTemplate } from './content';

/** Written answers by question id. */
export const fundamentalsAnswerSchema = z.strictObject({
  answers: z.record(z.string(), z.string()),
});
export type FundamentalsAnswer = z.infer<typeof fundamentalsAnswerSchema>;

/** Key points the person says they covered, by question id (indices into keyPoints). */
export const fundamentalsScoringSchema = z.strictObject({
  covered: z.record(z.string(), z.array(z.int().check(z.gte(0)))),
});
export type FundamentalsScoring = z.infer<typeof fundamentalsScoringSchema>;

export function pointsCovered(template: FundamentalsTemplate, scoring: FundamentalsScoring) {
  let covered = 0;
  let total = 0;
  for (const q of template.questions) {
    total += q.keyPoints.length;
    const ticks = new Set(scoring.covered[q.id] ?? []);
    covered += [...ticks].filter((i) => i < q.keyPoints.length).length;
  }
  return { covered, total };
}

export function questionsAnswered(template: FundamentalsTemplate, answer: FundamentalsAnswer) {
  const answered = template.questions.filter((q) => (answer.answers[q.id] ?? '').trim() !== '');
  return { answered: answered.length, total: template.questions.length };
}

export const fundamentalsSpec: RoundKindSpec<
  FundamentalsTemplate,
  FundamentalsAnswer,
  FundamentalsScoring
> = {
  kind: 'fundamentals',
  title: 'ML fundamentals',
  blurb: 'Five short conceptual questions on one theme, answered in writing with math.',
  rubricId: 'fundamentals',
  answerSchema: fundamentalsAnswerSchema,
  scoringSchema: fundamentalsScoringSchema,
  emptyAnswer: () => ({ answers: {} }),
  emptyScoring: () => ({ covered: {} }),
  isAnswerEmpty: (a) => Object.values(a.answers).every((s) => s.trim() === ''),
  signals({ template, answer, scoring }) {
    const a = questionsAnswered(template, answer);
    const p = pointsCovered(template, scoring);
    return [
      {
        id: 'answered',
        label: 'Questions answered',
        display: `${a.answered} of ${a.total}`,
        ratio: a.total ? a.answered / a.total : null,
        value: a.answered,
        outOf: a.total,
        selfReported: false,
        dimensions: ['depth'],
      },
      {
        id: 'points-covered',
        label: 'Points covered (self-reported)',
        display: `${p.covered} of ${p.total}`,
        ratio: p.total ? p.covered / p.total : null,
        value: p.covered,
        outOf: p.total,
        selfReported: true,
        dimensions: ['accuracy', 'depth'],
      },
    ];
  },
  signalIds: ['answered', 'points-covered'],
  toMarkdown({ template, answer, scoring }) {
    return template.questions
      .map((q, i) => {
        const text = (answer.answers[q.id] ?? '').trim();
        const ticked = new Set(scoring.covered[q.id] ?? []);
        const points = q.keyPoints
          .map((p, k) => `- [${ticked.has(k) ? 'x' : ' '}] ${p}`)
          .join('\n');
        return `#### Question ${i + 1}\n\n${q.prompt.trim()}\n\n**Answer**\n\n${text || '_(no answer)_'}\n\n**Key points ticked (self-reported)**\n\n${points}`;
      })
      .join('\n\n');
  },
};
