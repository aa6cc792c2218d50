// check:rounds for system design prompts, under Node: every Markdown field renders its math
// (KaTeX), and every estimate's reference, written the way the round displays it, reads back
// through the estimate grammar as right — so a person who gets it right can type it.
import type { KindCheck } from '../../domain/kind';
import { mathErrors } from '../../ui/markdown';
import { formatQuantity, judgeEstimate } from './estimate';
import type { DesignTemplate } from './spec';
import { STAGE_IDS } from './stages';

function markdownFields(t: DesignTemplate): [string, string][] {
  return [
    ['prompt', t.prompt],
    ...t.clarifications.map((c, i): [string, string] => [`clarifications[${i}].answer`, c.answer]),
    ...STAGE_IDS.map((s): [string, string] => [`stages.${s}.outline`, t.stages[s].outline]),
    ...t.estimates.map((e, i): [string, string] => [`estimates[${i}].working`, e.working]),
    ...t.followups.map((f, i): [string, string] => [`followups[${i}].covers`, f.covers]),
    ...t.pitfalls.map((p, i): [string, string] => [`pitfalls[${i}]`, p]),
  ];
}

const check: KindCheck = async (templates: DesignTemplate[]) => {
  const failures: { file: string; message: string }[] = [];
  let fields = 0;
  let typed = 0;
  for (const t of templates) {
    const file = `rounds/design/${t.id}.yaml`;
    for (const [field, source] of markdownFields(t)) {
      fields++;
      for (const e of mathErrors(source))
        failures.push({ file, message: `${field}: $${e.source}$ does not render: ${e.message}` });
    }
    t.estimates.forEach((e, i) => {
      const written = formatQuantity(e.reference, e.unit, e.noun);
      const j = judgeEstimate(written, e.reference, e.unit, e.factor);
      if (j.verdict === 'within') typed++;
      else
        failures.push({
          file,
          message: `estimates[${i}]: the reference written as "${written}" is not read back as right (${j.verdict}${'reason' in j ? `: ${j.reason}` : ''})`,
        });
    });
  }
  return { failures, extra: { markdown_fields: fields, references_typed: typed } };
};

export default check;
