// The built-in tracks as a person meets them: a default loop that fits an interview day, holds
// its signature round at double weight, and can be drawn again and again without running dry.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentKinds } from '../../../src/content/kinds';
import { loadRounds } from '../../../src/content/loader';
import { assemblePlan, poolFor, totalMinutes } from '../../../src/domain/plan';
import { kindSpecs } from '../../../src/kinds/registry';

const contents = await contentKinds(kindSpecs);
const catalog = loadRounds(resolve(import.meta.dirname, '../../../rounds'), contents).catalog!;
const kinds = kindSpecs.map((s) => ({ kind: s.kind, title: s.title }));

describe.each(catalog.tracks.map((t) => [t.id, t] as const))('track %s', (_id, track) => {
  const plan = assemblePlan(catalog, { type: 'track', trackId: track.id }, 7, [], kinds);

  it('fits an onsite day: between three and four hours of rounds', () => {
    expect(totalMinutes(plan)).toBeGreaterThanOrEqual(180);
    expect(totalMinutes(plan)).toBeLessThanOrEqual(240);
  });

  it('holds its signature round once, built, at weight 2', () => {
    const sig = plan.rounds.filter((r) => r.signature);
    expect(sig).toHaveLength(1);
    expect(sig[0]!.weight).toBe(2);
    expect(plan.signature).toMatchObject({ available: true, included: true });
  });

  it('never repeats a template in one loop; each slot offers three, or draws from banks', () => {
    const ids = plan.rounds.map((r) => `${r.kind}/${r.templateId}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of track.rounds) {
      // A kind with banks (the deep dive) draws a fresh set of probes per seed from one template.
      const banks = contents.find((s) => s.kind === r.kind)?.banks;
      const least = banks ? 1 : 3;
      expect(poolFor(catalog, r.kind, r.tags ?? []).length, r.slot).toBeGreaterThanOrEqual(least);
    }
  });
});

it('every registered round kind is met in some track', () => {
  const inTracks = new Set(catalog.tracks.flatMap((t) => t.rounds.map((r) => r.kind)));
  expect(kindSpecs.map((s) => s.kind).filter((k) => !inTracks.has(k))).toEqual([]);
});
