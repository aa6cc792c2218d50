// Drawing the probes of a round from the bank, reproducibly from the session seed: one theme at
// a time in a shuffled order, so no theme is asked twice while another remains, and any first n
// of the drawn list covers n distinct themes (the round asks as many as its minutes allow).
import { makeRng } from '../../domain/rng';

export interface Drawable {
  id: string;
  theme: string;
}

/** A 32-bit mix of the session seed, the round's place and the template, for makeRng. */
export function drawSeed(seed: number, index: number, templateId: string): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < templateId.length; i++) {
    h = Math.imul(h ^ templateId.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h;
}

function shuffle<T>(items: T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Up to `count` probes: each pass over the themes (shuffled) takes one unasked probe from each
 * theme that still has one, so a theme repeats only after every other theme was drawn.
 * The result does not depend on the order of `bank`.
 */
export function drawProbes<P extends Drawable>(bank: P[], count: number, rngSeed: number): P[] {
  const rng = makeRng(rngSeed);
  const byTheme = new Map<string, P[]>();
  for (const p of [...bank].sort((a, b) => a.id.localeCompare(b.id))) {
    byTheme.set(p.theme, [...(byTheme.get(p.theme) ?? []), p]);
  }
  const left = new Map([...byTheme].map(([theme, list]) => [theme, shuffle(list, rng)] as const));
  const themes = [...left.keys()].sort();
  const drawn: P[] = [];
  while (drawn.length < count) {
    const open = shuffle(
      themes.filter((t) => left.get(t)!.length > 0),
      rng,
    );
    if (open.length === 0) break;
    for (const theme of open) {
      if (drawn.length >= count) break;
      drawn.push(left.get(theme)!.shift()!);
    }
  }
  return drawn;
}

/** The number of distinct themes in a bank. */
export function themeCount(bank: Drawable[]): number {
  return new Set(bank.map((p) => p.theme)).size;
}
