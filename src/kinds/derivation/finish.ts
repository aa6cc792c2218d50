// When a derivation round ends, the locked steps and final answer are checked once, in the
// checker worker, and the marks stored with the answer: the scoring signals read them there.
import type { KindFinish } from '../../domain/kind';
import { checkDerivation } from './check-client';
import { type DerivationAnswer, type DerivationTemplate, tallyMarks } from './spec';

const finish: KindFinish = async ({ template, answer }) => {
  const t = template as DerivationTemplate;
  const a = answer as DerivationAnswer;
  if (a.graded) return null;
  const r = await checkDerivation({
    template: { symbols: t.symbols, sizes: t.sizes, final: t.final },
    steps: a.steps.map((s) => s.tex),
    final: a.final,
  });
  const marks = a.steps.map((s, i) => ({ id: s.id, tex: s.tex, mark: r.marks[i]! }));
  const final = r.final ?? { status: 'empty' as const, message: 'no final answer given' };
  const n = tallyMarks(marks.map((m) => m.mark).filter((m) => m.status !== 'empty'));
  const summary = `Your steps were checked: ${n.follows} follow, ${n.broken} do not follow, ${n.unchecked} not checked. Final answer: ${final.message}.`;
  return { answer: { ...a, graded: { marks, final } }, summary };
};

export default finish;
