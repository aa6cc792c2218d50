// check:rounds for derivations, under Node with the same checker the app runs: every reference
// step renders in KaTeX and, unless marked check: false, follows from the one before; every
// numeric final answer equals its rewrite and differs from its wrong variant.
import type { KindCheck } from '../../domain/kind';
import { checkSteps, prepare, sameValue } from './checker';
import { renderStep } from './render';
import type { DerivationTemplate } from './spec';

/** At least this many checked reference steps in every template with a numeric final answer. */
export const MIN_CHECKED_STEPS = 2;

export function checkTemplate(t: DerivationTemplate): { problems: string[]; checked: number } {
  const problems: string[] = [];
  const renders: [string, string][] = [
    ...t.reference.map((s, i): [string, string] => [`reference[${i}] (step ${i + 1})`, s.step]),
    ['final.lhs', t.final.lhs],
    ['final.answer', t.final.answer],
    ...(t.final.equivalent ? [['final.equivalent', t.final.equivalent] as [string, string]] : []),
    ...(t.final.wrong ? [['final.wrong', t.final.wrong] as [string, string]] : []),
    ...t.symbols.map((s, i): [string, string] => [`symbols[${i}].name`, s.name]),
  ];
  for (const [field, tex] of renders) {
    const r = renderStep(tex);
    if (!r.ok)
      problems.push(
        `${field}: does not render in KaTeX: ${r.message}${r.position !== null ? ` (at position ${r.position})` : ''}`,
      );
  }
  let checker: ReturnType<typeof prepare>;
  try {
    checker = prepare(t);
  } catch (e) {
    problems.push(`symbols: ${(e as Error).message}`);
    return { problems, checked: 0 };
  }
  let checked = 0;
  const marks = checkSteps(
    checker,
    t.reference.map((s) => s.step),
  );
  marks.forEach((m, i) => {
    const where = `reference[${i}] (step ${i + 1}: ${t.reference[i]!.step})`;
    if (t.reference[i]!.check === false) {
      // Not required to be checkable, but never allowed to be provably wrong.
      if (m.status === 'broken') problems.push(`${where}: ${m.message}`);
      return;
    }
    if (m.status === 'follows') checked++;
    // A new chain whose left side is only notation (\hat{\mu} = …): nothing to check there.
    else if (m.code === 'lhs') return;
    else
      problems.push(
        `${where}: ${m.message}${m.status === 'unchecked' ? ' (mark it check: false if that is intended)' : ''}`,
      );
  });
  if (t.final.check === 'numeric') {
    if (checked < MIN_CHECKED_STEPS)
      problems.push(
        `reference: ${checked} checked step(s); a numeric derivation needs at least ${MIN_CHECKED_STEPS}`,
      );
    const eq = sameValue(checker, t.final.answer, t.final.equivalent!);
    if (eq.kind !== 'same')
      problems.push(`final.equivalent: is not equal to final.answer (${eq.message})`);
    const wrong = sameValue(checker, t.final.answer, t.final.wrong!);
    if (wrong.kind !== 'differs')
      problems.push(
        wrong.kind === 'same'
          ? 'final.wrong: equals final.answer at every sampled point; a wrong variant must differ'
          : `final.wrong: cannot be compared (${wrong.message})`,
      );
    // Where the left side can be evaluated (σ′(x), ∂L/∂z₁), the answer must equal it too.
    const lhs = sameValue(checker, t.final.lhs, t.final.answer);
    if (lhs.kind === 'differs')
      problems.push(`final.answer: differs from final.lhs (${lhs.message})`);
  }
  return { problems, checked };
}

const check: KindCheck = async (templates: DerivationTemplate[]) => {
  const failures: { file: string; message: string }[] = [];
  let checked = 0;
  for (const t of templates) {
    const r = checkTemplate(t);
    checked += r.checked;
    for (const message of r.problems)
      failures.push({ file: `rounds/derivation/${t.id}.yaml`, message });
  }
  return { failures, extra: { reference_steps_checked: checked } };
};

export default check;
