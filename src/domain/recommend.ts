// "Which track?" A short questionnaire and the pure function that turns answers into a
// recommendation with its reasons. Each option leans towards one track by a stated amount.
import type { TrackId } from './content';

export interface QuizOption {
  id: string;
  label: string;
  /** Points towards each track; the reason is shown when the option tips the result. */
  lean: Partial<Record<TrackId, number>>;
  reason?: string;
}

export interface QuizQuestion {
  id: string;
  prompt: string;
  options: QuizOption[];
}

export const QUIZ: QuizQuestion[] = [
  {
    id: 'publications',
    prompt: 'Have you published at peer-reviewed ML venues?',
    options: [
      {
        id: 'none',
        label: 'No',
        lean: { mle: 1 },
        reason: 'Without publications, RS loops weigh you against people who have them.',
      },
      { id: 'workshop', label: 'Workshop papers or a preprint', lean: { rs: 1 } },
      {
        id: 'first-author',
        label: 'First-author papers at main venues',
        lean: { rs: 3 },
        reason: 'First-author papers are the portfolio an RS loop asks you to present and defend.',
      },
    ],
  },
  {
    id: 'shipped',
    prompt: 'Have you shipped models that served real traffic?',
    options: [
      { id: 'none', label: 'Not yet', lean: { rs: 1 } },
      { id: 'some', label: 'One or two, with help', lean: { mle: 1 } },
      {
        id: 'owned',
        label: 'Yes, and I owned them in production (monitoring, retraining, on-call)',
        lean: { mle: 3 },
        reason: 'Owning models in production is what the MLE system design round probes.',
      },
    ],
  },
  {
    id: 'derivations',
    prompt:
      'How comfortable are you deriving results formally (gradients, estimators, bounds) on a whiteboard?',
    options: [
      {
        id: 'low',
        label: 'I would rather reason about it in code',
        lean: { mle: 2 },
        reason: 'MLE loops test conceptual math rather than formal derivations.',
      },
      { id: 'medium', label: 'Fine with standard derivations', lean: { mle: 1, rs: 1 } },
      {
        id: 'high',
        label: 'Comfortable with proofs and new derivations',
        lean: { rs: 2 },
        reason: 'Formal derivations are a round of their own in RS loops.',
      },
    ],
  },
  {
    id: 'goal',
    prompt: 'What do you want your next role to be mostly about?',
    options: [
      {
        id: 'product',
        label: 'Building ML systems that move a product metric',
        lean: { mle: 3 },
        reason: 'You aim at product impact, which is what MLE roles are hired for.',
      },
      { id: 'both', label: 'Applied research that ships', lean: { mle: 1, rs: 1 } },
      {
        id: 'research',
        label: 'New methods and papers',
        lean: { rs: 3 },
        reason: 'You aim at new methods, which is what RS roles are hired for.',
      },
    ],
  },
  {
    id: 'coding',
    prompt: 'Which coding round would you rather face?',
    options: [
      {
        id: 'production',
        label: 'Production-quality code and classic algorithms',
        lean: { mle: 2 },
      },
      { id: 'method', label: 'Implementing a method from a paper, correctly', lean: { rs: 2 } },
      { id: 'either', label: 'Either', lean: {} },
    ],
  },
  {
    id: 'design',
    prompt: 'Which signature round plays to your strengths?',
    options: [
      {
        id: 'system-design',
        label: 'Designing an ML system end to end (data, serving, monitoring)',
        lean: { mle: 2 },
        reason: 'The MLE signature round is full-lifecycle ML system design.',
      },
      {
        id: 'deep-dive',
        label: 'Presenting my research and critiquing a paper',
        lean: { rs: 2 },
        reason: 'The RS signature round is a research deep dive on your own work.',
      },
    ],
  },
];

export interface Recommendation {
  track: TrackId;
  scores: Record<TrackId, number>;
  /** Why, from the options that leaned most towards the chosen track. */
  reasons: string[];
  /** True when the two tracks are within one point: either is worth practising. */
  close: boolean;
  answered: number;
}

/** answers: question id -> option id. Unanswered questions count for nothing. */
export function recommendTrack(
  answers: Record<string, string>,
  quiz: QuizQuestion[] = QUIZ,
): Recommendation {
  const scores: Record<TrackId, number> = { mle: 0, rs: 0 };
  const picked: QuizOption[] = [];
  for (const q of quiz) {
    const option = q.options.find((o) => o.id === answers[q.id]);
    if (!option) continue;
    picked.push(option);
    scores.mle += option.lean.mle ?? 0;
    scores.rs += option.lean.rs ?? 0;
  }
  // Ties go to MLE: its loop is the more common one, so practising it transfers more widely.
  const track: TrackId = scores.rs > scores.mle ? 'rs' : 'mle';
  const other: TrackId = track === 'mle' ? 'rs' : 'mle';
  const reasons = picked
    .filter((o) => o.reason && (o.lean[track] ?? 0) > (o.lean[other] ?? 0))
    .sort((a, b) => (b.lean[track] ?? 0) - (a.lean[track] ?? 0))
    .map((o) => o.reason!);
  return {
    track,
    scores,
    reasons,
    close: Math.abs(scores.mle - scores.rs) <= 1,
    answered: picked.length,
  };
}
