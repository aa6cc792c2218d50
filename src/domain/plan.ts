// Loop assembly: (catalog, what the person asked for, seed, recent history) -> a plan.
// Pure and deterministic: the same inputs give the same plan, so a loop can be replayed.
import { type Catalog, findTrack, type TemplateBase, type TrackId } from './content';
import { makeRng } from './rng';

export interface PlannedRound {
  /** The track's slot name, or "custom-<n>" / "practice". */
  slot: string;
  title: string;
  kind: string;
  templateId: string;
  minutes: number;
  weight: number;
  /** Template tags this round may draw from (kept so a swap offers the same pool). */
  tags: string[];
  signature: boolean;
}

export interface LoopPlan {
  trackId: TrackId | null;
  rounds: PlannedRound[];
  /** The track's signature round, and whether its kind exists yet. */
  signature: { kind: string; title: string; available: boolean; included: boolean } | null;
}

export interface RoundRequest {
  kind: string;
  minutes: number;
  weight: number;
  title?: string;
  tags?: string[];
  templateId?: string;
}

export type LoopRequest =
  | { type: 'track'; trackId: TrackId }
  | { type: 'custom'; rounds: RoundRequest[] }
  | { type: 'practice'; kind: string; templateId?: string; tags?: string[] };

export class PlanError extends Error {}

/** The templates a round may draw: its kind, carrying all its tags. */
export function poolFor(catalog: Catalog, kind: string, tags: string[]): TemplateBase[] {
  return (catalog.templates[kind] ?? [])
    .filter((t) => tags.every((tag) => t.tags.includes(tag)))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * @param recent template ids used by recent sessions, most recent first. Fresh templates are
 * preferred; when all were used, the one used longest ago is taken.
 */
export function assemblePlan(
  catalog: Catalog,
  request: LoopRequest,
  seed: number,
  recent: string[],
  kinds: { kind: string; title: string }[],
): LoopPlan {
  const rng = makeRng(seed);
  const registered = new Set(kinds.map((k) => k.kind));
  const titleOf = (kind: string) => kinds.find((k) => k.kind === kind)?.title ?? kind;
  const chosen = new Set<string>();

  const draw = (kind: string, tags: string[], fixed?: string): string => {
    if (!registered.has(kind)) throw new PlanError(`"${kind}" is not a round kind`);
    const pool = poolFor(catalog, kind, tags);
    if (fixed) {
      if (!pool.some((t) => t.id === fixed)) throw new PlanError(`no ${kind} template "${fixed}"`);
      chosen.add(fixed);
      return fixed;
    }
    if (pool.length === 0) throw new PlanError(`no ${kind} template carries [${tags.join(', ')}]`);
    const unused = pool.filter((t) => !chosen.has(t.id));
    const candidates = unused.length ? unused : pool;
    const fresh = candidates.filter((t) => !recent.includes(t.id));
    let pick: TemplateBase;
    if (fresh.length) {
      pick = fresh[Math.floor(rng() * fresh.length)]!;
    } else {
      // Everything was used recently: take the one used longest ago.
      const age = (t: TemplateBase) => recent.indexOf(t.id);
      const oldest = Math.max(...candidates.map(age));
      const tied = candidates.filter((t) => age(t) === oldest);
      pick = tied[Math.floor(rng() * tied.length)]!;
    }
    chosen.add(pick.id);
    return pick.id;
  };

  if (request.type === 'practice') {
    const templateId = draw(request.kind, request.tags ?? [], request.templateId);
    const t = catalog.templates[request.kind]!.find((x) => x.id === templateId)!;
    return {
      trackId: null,
      signature: null,
      rounds: [
        {
          slot: 'practice',
          title: titleOf(request.kind),
          kind: request.kind,
          templateId,
          minutes: t.minutes,
          weight: 1,
          tags: [],
          signature: false,
        },
      ],
    };
  }

  if (request.type === 'custom') {
    if (request.rounds.length === 0) throw new PlanError('a loop needs at least one round');
    return {
      trackId: null,
      signature: null,
      rounds: request.rounds.map((r, i) => ({
        slot: `custom-${i + 1}`,
        title: r.title ?? titleOf(r.kind),
        kind: r.kind,
        templateId: draw(r.kind, r.tags ?? [], r.templateId),
        minutes: r.minutes,
        weight: r.weight,
        tags: r.tags ?? [],
        signature: false,
      })),
    };
  }

  const track = findTrack(catalog, request.trackId);
  if (!track) throw new PlanError(`no track "${request.trackId}"`);
  const rounds = track.rounds.map((r) => ({
    slot: r.slot,
    title: r.title,
    kind: r.kind,
    templateId: draw(r.kind, r.tags),
    minutes: r.minutes,
    weight: r.weight,
    tags: r.tags,
    signature: r.slot === track.signature.slot,
  }));
  return {
    trackId: track.id,
    rounds,
    signature: {
      kind: track.signature.kind,
      title: track.signature.title,
      available: registered.has(track.signature.kind),
      included: rounds.some((r) => r.signature),
    },
  };
}

export function totalMinutes(plan: LoopPlan): number {
  return plan.rounds.reduce((s, r) => s + r.minutes, 0);
}

/** Swap one round's template for another from the same pool. */
export function swapTemplate(
  catalog: Catalog,
  plan: LoopPlan,
  index: number,
  templateId: string,
): LoopPlan {
  const round = plan.rounds[index];
  if (!round) throw new PlanError(`no round ${index + 1}`);
  if (!poolFor(catalog, round.kind, round.tags).some((t) => t.id === templateId)) {
    throw new PlanError(`"${templateId}" cannot be drawn for ${round.title}`);
  }
  return { ...plan, rounds: plan.rounds.map((r, i) => (i === index ? { ...r, templateId } : r)) };
}

export function setMinutes(plan: LoopPlan, index: number, minutes: number): LoopPlan {
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 120) {
    throw new PlanError('minutes must be a whole number from 5 to 120');
  }
  return { ...plan, rounds: plan.rounds.map((r, i) => (i === index ? { ...r, minutes } : r)) };
}
