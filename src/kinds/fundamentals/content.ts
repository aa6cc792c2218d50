// What a fundamentals set under rounds/fundamentals/ must be. Loaded by the content loader and
// check:rounds under Node only; the app receives the sets checked.

import { flagRepeats, idSchema, templateBaseShape } from '../../domain/content';
import type { KindContent } from '../../domain/kind';
import { z } from '../../domain/zod';

const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

export const questionSchema = z.strictObject({
  id: idSchema,
  /** Markdown with $…$ math. */
  prompt: text,
  minutes: z.int().check(z.gte(1), z.lte(20)),
  /** What a strong answer covers; revealed at scoring as a checklist. */
  keyPoints: z
    .array(text)
    .check(z.minLength(3, 'give 3 to 6 key points'), z.maxLength(6, 'give 3 to 6 key points')),
});
export type FundamentalsQuestion = z.infer<typeof questionSchema>;

export const fundamentalsTemplateSchema = z
  .strictObject({
    ...templateBaseShape,
    questions: z.array(questionSchema).check(z.minLength(3), z.maxLength(8)),
  })
  .check(
    z.superRefine((t, ctx) => {
      flagRepeats(ctx, [{ path: 'questions', names: t.questions.map((q) => q.id) }]);
    }),
  );
export type FundamentalsTemplate = z.infer<typeof fundamentalsTemplateSchema>;

const fundamentalsContent: KindContent<FundamentalsTemplate> = {
  layout: { type: 'file', dir: 'fundamentals' },
  templateSchema: fundamentalsTemplateSchema,
  lint(t) {
    const sum = t.questions.reduce((s, q) => s + q.minutes, 0);
    return sum > t.minutes
      ? [`questions: the suggested minutes add up to ${sum}, more than the set's ${t.minutes}`]
      : [];
  },
  extra: (templates) => ({
    sets: templates.length,
    questions: templates.reduce((n, t) => n + t.questions.length, 0),
  }),
};

export default fundamentalsContent;
