// A realistic backup for the history bench: finished sessions over ~20 weeks, drawn with the
// app's own plan assembly from the real catalog (MLE and RS loops, practice rounds of every kind,
// a few custom loops), every round timed, scored 1–4 on each of its rubric's dimensions (scores
// drifting upwards, so trends have a shape), and an answer of its kind's own shape.
// Deterministic: the same count gives the same document.
import { join } from 'node:path';
import { contentKinds } from '../../src/content/kinds';
import { loadRounds } from '../../src/content/loader';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupDocument,
  checkBackup,
  parseBackupText,
} from '../../src/domain/backup';
import { type Catalog, findTemplate, type Level, rubricFor } from '../../src/domain/content';
import type { AnyKindSpec } from '../../src/domain/kind';
import { assemblePlan, type LoopRequest } from '../../src/domain/plan';
import { makeRng } from '../../src/domain/rng';
import { createSession, type Session } from '../../src/domain/session';
import { registry } from '../../src/kinds/registry';

const DAY = 86_400_000;
/** The last session's day (fixed, so the document is the same on every run). */
const END = Date.UTC(2026, 10, 27, 18);

type Answer = BackupDocument['answers'][number];

/** Fills a kind's empty answer with some writing, as a person would leave it. */
function writeSome(kind: string, template: Record<string, unknown>, answer: unknown, i: number) {
  const a = structuredClone(answer) as Record<string, unknown>;
  const prose = `Answer ${i}: start from the objective, name the assumption, then the trade-off and how I would check it on held-out data.`;
  if (kind === 'fundamentals') {
    const qs = (template.questions as { id: string }[] | undefined) ?? [];
    a.answers = Object.fromEntries(qs.map((q) => [q.id, prose]));
  } else if (kind === 'coding') {
    a.code = `${String(a.code ?? '')}\n# attempt ${i}: vectorised, O(n log n)\n`;
  } else if (kind === 'derivation') {
    const steps = a.steps as { tex: string; why: string }[];
    if (steps[0]) {
      steps[0].tex = String.raw`\nabla_w L = X^\top (Xw - y)`;
      steps[0].why = 'chain rule on the squared error';
    }
    a.final = String.raw`w^* = (X^\top X)^{-1} X^\top y`;
  } else if (kind === 'system-design') {
    a.notes = { framing: prose, data: 'Logged impressions, 30 days, label delay 2 h.' };
  } else if (kind === 'deep-dive') {
    const outline =
      (template.presentation as { outline?: { id: string }[] } | undefined)?.outline ?? [];
    a.outline = Object.fromEntries(outline.map((s) => [s.id, prose]));
  }
  return a;
}

export interface HistoryBackup {
  doc: BackupDocument;
  text: string;
  /** Sessions per plan type, and round kinds covered. */
  mix: Record<string, number>;
}

export async function historyBackup(
  root: string,
  count: number,
  weeks = 20,
): Promise<HistoryBackup> {
  const specs = registry.map((e) => e.spec);
  const { catalog, failures } = loadRounds(join(root, 'rounds'), await contentKinds(specs));
  if (!catalog) throw new Error(`rounds/ does not load: ${failures[0]?.message ?? '?'}`);
  const specOf = (kind: string): AnyKindSpec => {
    const s = specs.find((x) => x.kind === kind);
    if (!s) throw new Error(`no kind ${kind}`);
    return s;
  };
  const kinds = specs.map((s) => ({ kind: s.kind, title: s.title }));
  const rng = makeRng(20_261_127);
  const start = END - weeks * 7 * DAY;
  const recent: string[] = [];
  const sessions: Session[] = [];
  const answers: Answer[] = [];
  const mix: Record<string, number> = {};

  for (let i = 0; i < count; i++) {
    const progress = count > 1 ? i / (count - 1) : 1;
    const at = Math.round(start + progress * (END - start) + (rng() - 0.5) * 6 * 3_600_000);
    const r = rng();
    const request: LoopRequest =
      r < 0.4
        ? { type: 'track', trackId: 'mle' }
        : r < 0.75
          ? { type: 'track', trackId: 'rs' }
          : r < 0.9
            ? { type: 'practice', kind: kinds[i % kinds.length]!.kind }
            : {
                type: 'custom',
                rounds: [0, 1, 2].map((k) => ({
                  kind: kinds[(i + k * 2) % kinds.length]!.kind,
                  minutes: 30,
                  weight: 1,
                })),
              };
    const what = request.type === 'track' ? request.trackId : request.type;
    mix[what] = (mix[what] ?? 0) + 1;
    const seed = Math.floor(rng() * 2 ** 31);
    const plan = assemblePlan(catalog, request, seed, recent.slice(0, 40), kinds);
    const templates = plan.rounds.map((p) => findTemplate(catalog, p.kind, p.templateId)!);
    const session = createSession({
      id: `bench-${String(i).padStart(3, '0')}`,
      mode: request.type === 'practice' ? 'practice' : 'loop',
      seed,
      plan,
      now: at - 5 * 60_000,
      emptyScoring: (k) => specOf(plan.rounds[k]!.kind).emptyScoring(templates[k]),
    });
    let t = at;
    session.rounds = plan.rounds.map((p, k) => {
      const spec = specOf(p.kind);
      const template = templates[k]!;
      const rubric = rubricFor(catalog as Catalog, spec.rubricId, template)!;
      const budgetMs = p.minutes * 60_000;
      const timeout = rng() < 0.15;
      const usedMs = timeout ? budgetMs : Math.round(budgetMs * (0.65 + 0.33 * rng()));
      const scores: Record<string, Level> = {};
      rubric.dimensions.forEach((d, j) => {
        const level = 1.5 + 2 * progress + (rng() - 0.5) * 1.8 + ((j % 3) - 1) * 0.3;
        scores[d.id] = Math.min(4, Math.max(1, Math.round(level))) as Level;
      });
      let scoring = spec.emptyScoring(template);
      if (p.kind === 'fundamentals') {
        const qs = (template as unknown as { questions: { id: string; keyPoints: unknown[] }[] })
          .questions;
        scoring = {
          covered: Object.fromEntries(
            qs.map((q) => [q.id, q.keyPoints.map((_, n) => n).filter(() => rng() < 0.6)]),
          ),
        };
      }
      const answer = writeSome(
        p.kind,
        template as unknown as Record<string, unknown>,
        spec.emptyAnswer(template, { seed, index: k }),
        i,
      );
      if (!spec.answerSchema.safeParse(answer).success)
        throw new Error(`session ${i} round ${k}: the ${p.kind} answer does not fit its schema`);
      answers.push({ sessionId: session.id, index: k, kind: p.kind, value: answer, updatedAt: t });
      const round = {
        timer: { budgetMs, startedAt: t, pauses: [], extensions: [], endedAt: t + usedMs },
        endReason: timeout ? ('timeout' as const) : ('done' as const),
        scores,
        note: rng() < 0.3 ? 'Slow down and state the assumption first.' : '',
        scoring,
        scoredAt: t + usedMs + 90_000,
      };
      t += usedMs + 4 * 60_000;
      return round;
    });
    for (const p of plan.rounds) recent.unshift(p.templateId);
    Object.assign(session, {
      startedAt: at,
      finishedAt: t,
      updatedAt: t,
      phase: { name: 'done' },
    });
    sessions.push(session);
  }

  const doc: BackupDocument = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: END + DAY,
    sessions,
    answers,
    timeline: [],
    projects: [
      {
        id: 'project-1',
        type: 'research',
        title: 'Sparse attention',
        summary: 'Long inputs.',
        role: 'Mine.',
        result: '+1.8 ROUGE-L',
        limitations: 'English only.',
        createdAt: start,
        updatedAt: start,
      },
    ],
    media: [],
    settings: {},
  };
  const text = JSON.stringify(doc);
  // The app's own checks, here first: a document the import would refuse fails loudly now.
  const parsed = parseBackupText(text);
  const checked = parsed.ok ? checkBackup(parsed.value) : parsed;
  if (!checked.ok) throw new Error(`the bench backup is not valid: ${checked.errors.join('; ')}`);
  const kindsCovered = new Set(sessions.flatMap((s) => s.plan.rounds.map((p) => p.kind)));
  mix.kinds = kindsCovered.size;
  return { doc, text, mix };
}
