import { describe, expect, it } from 'vitest';
import {
  assemblePlan,
  PlanError,
  setMinutes,
  swapTemplate,
  totalMinutes,
} from '../../../src/domain/plan';
import { KINDS, makeCatalog, makeTrack } from '../../helpers/factories';

const catalog = makeCatalog();
const mle = { type: 'track', trackId: 'mle' } as const;

describe('loop assembly', () => {
  it('gives the same plan for the same seed and history', () => {
    const a = assemblePlan(catalog, mle, 42, [], KINDS);
    const b = assemblePlan(catalog, mle, 42, [], KINDS);
    expect(a).toEqual(b);
  });

  it('draws different templates for different seeds (over many seeds)', () => {
    const firsts = new Set(
      Array.from(
        { length: 30 },
        (_, s) => assemblePlan(catalog, mle, s, [], KINDS).rounds[0]!.templateId,
      ),
    );
    expect(firsts.size).toBeGreaterThan(1);
  });

  it('never draws the same template twice in one loop while others remain', () => {
    for (let seed = 0; seed < 50; seed++) {
      const ids = assemblePlan(catalog, mle, seed, [], KINDS).rounds.map((r) => r.templateId);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('avoids templates used in recent sessions while others remain', () => {
    for (let seed = 0; seed < 50; seed++) {
      const ids = assemblePlan(catalog, mle, seed, ['alpha', 'bravo'], KINDS).rounds.map(
        (r) => r.templateId,
      );
      expect(ids.sort()).toEqual(['charlie', 'delta']);
    }
  });

  it('when everything was used recently, takes the one used longest ago', () => {
    const recent = ['delta', 'charlie', 'bravo', 'alpha']; // alpha is the oldest
    const plan = assemblePlan(
      catalog,
      { type: 'custom', rounds: [{ kind: 'fundamentals', minutes: 20, weight: 1 }] },
      7,
      recent,
      KINDS,
    );
    expect(plan.rounds[0]!.templateId).toBe('alpha');
  });

  it('draws only templates carrying the round tags', () => {
    const c = makeCatalog({
      tracks: [
        {
          ...makeCatalog().tracks[0]!,
          rounds: [
            {
              slot: 'x',
              title: 'Applied',
              kind: 'fundamentals',
              minutes: 30,
              weight: 1,
              tags: ['applied'],
            },
          ],
        },
      ],
    });
    for (let seed = 0; seed < 20; seed++)
      expect(assemblePlan(c, mle, seed, [], KINDS).rounds[0]!.templateId).toBe('delta');
  });

  it('marks the signature round, and says plainly when the signature kind is not built', () => {
    const plan = assemblePlan(catalog, mle, 1, [], KINDS);
    expect(plan.signature).toEqual({
      kind: 'system-design',
      title: 'ML system design',
      available: false,
      included: false,
    });
    expect(plan.rounds.every((r) => !r.signature)).toBe(true);
    const withSig = assemblePlan(
      catalog,
      mle,
      1,
      [],
      [...KINDS, { kind: 'system-design', title: 'Design' }],
    );
    expect(withSig.signature?.available).toBe(true);
  });

  it("the signature is the track's slot, not every round of its kind", () => {
    const track = makeTrack({
      id: 'rs',
      signature: { slot: 'b', kind: 'fundamentals', title: 'The signature' },
    });
    const c = makeCatalog({ tracks: [track] });
    const plan = assemblePlan(c, { type: 'track', trackId: 'rs' }, 1, [], KINDS);
    // Both rounds are fundamentals; only slot b is the signature round.
    expect(plan.rounds.map((r) => [r.slot, r.signature])).toEqual([
      ['a', false],
      ['b', true],
    ]);
    expect(plan.signature).toMatchObject({ available: true, included: true });
  });

  it('a practice plan has one round at the template length', () => {
    const plan = assemblePlan(
      catalog,
      { type: 'practice', kind: 'fundamentals', templateId: 'charlie' },
      1,
      [],
      KINDS,
    );
    expect(plan.rounds).toHaveLength(1);
    expect(plan.rounds[0]).toMatchObject({ templateId: 'charlie', minutes: 30, slot: 'practice' });
  });

  it('"surprise me" in practice draws only templates with the chosen tag', () => {
    for (let seed = 0; seed < 20; seed++) {
      const plan = assemblePlan(
        catalog,
        { type: 'practice', kind: 'fundamentals', tags: ['applied'] },
        seed,
        [],
        KINDS,
      );
      expect(plan.rounds[0]!.templateId).toBe('delta');
    }
  });

  it('rejects unknown kinds and templates with a reason', () => {
    expect(() => assemblePlan(catalog, { type: 'practice', kind: 'nope' }, 1, [], KINDS)).toThrow(
      PlanError,
    );
    expect(() =>
      assemblePlan(
        catalog,
        { type: 'practice', kind: 'fundamentals', templateId: 'zzz' },
        1,
        [],
        KINDS,
      ),
    ).toThrow(/no fundamentals template "zzz"/);
    expect(() => assemblePlan(catalog, { type: 'custom', rounds: [] }, 1, [], KINDS)).toThrow(
      /at least one round/,
    );
  });

  it('swapping a template and changing minutes keep the rest of the plan', () => {
    const plan = assemblePlan(catalog, mle, 3, [], KINDS);
    const other = ['alpha', 'bravo', 'charlie', 'delta'].find(
      (id) => !plan.rounds.some((r) => r.templateId === id),
    )!;
    const swapped = swapTemplate(catalog, plan, 1, other);
    expect(swapped.rounds[1]!.templateId).toBe(other);
    expect(swapped.rounds[0]).toEqual(plan.rounds[0]);
    const longer = setMinutes(swapped, 0, 45);
    expect(totalMinutes(longer)).toBe(75);
    expect(() => setMinutes(plan, 0, 2)).toThrow(PlanError);
    expect(() => swapTemplate(catalog, plan, 0, 'nope')).toThrow(PlanError);
  });
});
