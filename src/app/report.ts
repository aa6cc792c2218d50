// The session report: one Markdown document a mentor can read anywhere — the plan, every
// answer (each kind writes its own part), the scores with the anchor text chosen, notes,
// calibration flags. Whiteboards travel as PNG files beside it in a zip: images inlined as data
// URLs are dropped by many Markdown viewers and would bury the text under base64.
import type { Catalog } from '../domain/content';
import type { Session } from '../domain/session';
import { formatClock } from '../domain/timer';
import { fmt, formulaText, type ReviewModel } from './review-model';

export interface ReportImage {
  index: number;
  file: string;
}

export function reportMarkdown(input: {
  catalog: Catalog;
  session: Session;
  model: ReviewModel;
  answers: Record<number, { value: unknown }>;
  images: ReportImage[];
}): string {
  const { catalog, session, model, images } = input;
  const labels = catalog.verdict.labels;
  const lines: string[] = [];
  const title =
    session.mode === 'practice'
      ? `Practice: ${model.rounds[0]?.facts?.template.title ?? ''}`
      : `${model.track?.name ?? 'Custom'} loop`;
  lines.push(`# mockloop — ${title}`, '');
  lines.push(
    `Started ${new Date(session.startedAt ?? session.createdAt).toISOString().replace('T', ' ').slice(0, 16)} UTC.`,
    '',
  );
  if (model.loop) {
    lines.push(
      `**Verdict: ${labels[model.loop.verdict]}** — weighted mean ${formulaText(model)}${model.loop.capped ? ` (capped: a round was ${labels['strong-no-hire']})` : ''}.`,
      '',
    );
  }
  lines.push(
    '## Plan',
    '',
    '| # | Round | Template | Minutes | Weight | Time used | Mean | Verdict |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const r of model.rounds) {
    const f = r.facts;
    const used =
      f && r.played
        ? `${formatClock(f.usedMs)}${f.record.endReason === 'timeout' ? ' (time up)' : ''}`
        : 'not played';
    lines.push(
      `| ${r.index + 1} | ${r.title}${r.signature ? ' (signature)' : ''} | ${f?.template.title ?? '–'} | ${session.plan.rounds[r.index]!.minutes} | ${r.weight} | ${used} | ${r.verdict ? fmt(r.verdict.mean) : '–'} | ${r.verdict ? labels[r.verdict.verdict] : '–'} |`,
    );
  }
  lines.push('');
  if (model.weakest.length) {
    lines.push('## Weakest dimensions', '');
    for (const d of model.weakest) lines.push(`- ${d.name} (${d.kind}): ${fmt(d.mean)}`);
    lines.push('');
  }
  const flags = model.rounds.flatMap((r) =>
    r.flags.map((f) => `- Round ${r.index + 1}: ${f.sentence}.`),
  );
  if (flags.length) lines.push('## Calibration', '', ...flags, '');

  for (const r of model.rounds) {
    const f = r.facts;
    if (!f || !r.played) continue;
    lines.push(`## Round ${r.index + 1}: ${r.title} — ${f.template.title}`, '');
    lines.push('### Signals', '');
    for (const s of f.signals)
      lines.push(`- ${s.label}: ${s.display}${s.selfReported ? ' (self-reported)' : ''}`);
    lines.push('', '### Scores', '');
    for (const d of f.rubric.dimensions) {
      const level = f.record.scores[d.id];
      lines.push(
        level === undefined
          ? `- **${d.name}**: not scored`
          : `- **${d.name}: ${level}** — ${d.levels[level]}`,
      );
    }
    if (f.record.note.trim())
      lines.push('', `**What I'd do differently:** ${f.record.note.trim()}`);
    lines.push('', '### Answer', '');
    const md = f.spec.toMarkdown?.({
      template: f.template,
      answer: f.answer,
      scoring: f.record.scoring ?? f.spec.emptyScoring(f.template),
    });
    lines.push(md ?? `\`\`\`json\n${JSON.stringify(f.answer, null, 2)}\n\`\`\``);
    for (const img of images.filter((i) => i.index === r.index))
      lines.push('', `![Round ${r.index + 1} board](${img.file})`);
    lines.push('');
  }
  return `${lines.join('\n').trim()}\n`;
}
