// The derivation checker: marks each step against the one before and judges a final answer, by
// evaluating both sides at random points of the template's declared symbols. Pure TypeScript
// (LaTeX parsed by compute-engine's standalone parser); the same module runs in the browser's
// checker worker, in unit tests and in check:rounds under Node.

import { MAX_STEP_CHARS } from './limits';
import { compare, type Env, hashSeed, readsFrom } from './math/evaluate';
import {
  compileDecls,
  type Decls,
  type Expr,
  freeIndices,
  toTex,
  translate,
  Unreadable,
} from './math/expr';
import { type MathJson, type Part, parsePart, type Relation, splitRelations } from './math/latex';
import type { DerivationTemplate, FinalVerdict, StepMark } from './spec';

export interface Checker {
  decls: Decls;
}

/** Compiles a template's symbols; throws an Error naming the symbol at fault. */
export function prepare(t: Pick<DerivationTemplate, 'symbols' | 'sizes'>): Checker {
  return { decls: compileDecls(t.symbols, t.sizes) };
}

const STEP_POINTS = 12;
const FINAL_POINTS = 30;

type Read =
  | { ok: true; json: MathJson; part: Part }
  | { ok: false; reason: string; position?: number; part: Part };

function read(part: Part): Read {
  const r = parsePart(part);
  return r.ok ? { ok: true, json: r.json, part } : { ...r, part };
}

const RELATION_TEX: Record<Relation, string> = {
  '=': '=',
  '<': '<',
  '>': '>',
  '<=': '\\le',
  '>=': '\\ge',
  '!=': '\\ne',
  '~': '\\approx',
  '=>': '\\Rightarrow',
  '<=>': '\\iff',
  prop: '\\propto',
};

const RELATION_WORDS: Partial<Record<Relation, string>> = {
  '<': 'an inequality',
  '>': 'an inequality',
  '<=': 'an inequality',
  '>=': 'an inequality',
  '!=': 'a "not equal"',
  '~': 'an approximation',
  '=>': 'an implication',
  '<=>': 'an equivalence of statements',
  prop: 'a proportionality',
};

type Translated = { ok: true; expr: Expr } | { ok: false; reason: string; position?: number };

/** Translates the readable parts of one comparison with the free indices they share. */
function translatePair(decls: Decls, reads: Read[]): Translated[] {
  const free = freeIndices(
    decls,
    reads.flatMap((r) => (r.ok ? [r.json] : [])),
  );
  return reads.map((r) => {
    if (!r.ok) return r;
    try {
      return {
        ok: true,
        expr: translate(decls, r.json, { locals: new Set(), bound: new Set(), free }),
      };
    } catch (e) {
      if (e instanceof Unreadable) return { ok: false, reason: e.message };
      return { ok: false, reason: `cannot evaluate it (${(e as Error).message})` };
    }
  });
}

/** Marks every step. Empty steps are skipped: the next step continues the one before them. */
export function checkSteps(checker: Checker, steps: string[]): StepMark[] {
  const { decls } = checker;
  let prev: { read: Read; step: number } | { read: null; step: number; reason: string } | null =
    null;
  return steps.map((raw, i): StepMark => {
    const n = i + 1;
    const tex = raw.trim();
    if (tex === '') return { status: 'empty', message: 'empty' };
    if (raw.length > MAX_STEP_CHARS) {
      prev = { read: null, step: n, reason: 'it is too long to check' };
      return { status: 'unchecked', code: 'long', message: 'not checked: over 10 kB of LaTeX' };
    }
    const offset = raw.indexOf(tex);
    const split = splitRelations(tex);
    const parts = split.parts.map((p) => ({ ...p, offset: p.offset + offset }));
    const continues = parts[0]!.text === '' && split.relations.length > 0;
    const reads = (continues ? parts.slice(1) : parts).map(read);
    const rels = split.relations;
    const last = reads[reads.length - 1]!;
    const before = prev;
    // Whatever happens to this step, the next one continues from its last expression.
    prev = last.ok
      ? { read: last, step: n }
      : { read: null, step: n, reason: `step ${n} could not be read` };

    // Comparisons: [left, right, against step k | null for both sides of this line].
    const chain: Read[] = [];
    let againstStep: number | null = null;
    if (continues) {
      if (!before) {
        return {
          status: 'unchecked',
          code: 'continues',
          message: 'not checked: it starts with = but there is no step before it',
          ...readAs(decls, reads, rels, true),
        };
      }
      if (!before.read) {
        return {
          status: 'unchecked',
          code: 'continues',
          message: `not checked: it continues step ${before.step}, which could not be read`,
          ...readAs(decls, reads, rels, true),
        };
      }
      chain.push(before.read, ...reads);
      againstStep = before.step;
    } else {
      chain.push(...reads);
    }
    const translated = translatePair(decls, chain);
    const shown = readAs(decls, reads, rels, continues, translated.slice(continues ? 1 : 0));

    const prose = translated.find((x) => !x.ok && x.reason.startsWith('prose'));
    if (prose)
      return { status: 'unchecked', code: 'prose', message: 'not checked: prose', ...shown };
    const words = rels.map((r) => RELATION_WORDS[r]).find(Boolean);
    if (words)
      return { status: 'unchecked', code: 'relation', message: `not checked: ${words}`, ...shown };
    if (rels.length === 0) {
      const t = translated[0]!;
      if (!t.ok) return unreadableMark(t, shown);
      return {
        status: 'unchecked',
        code: 'bare',
        message: 'not checked: no = in this step (it starts a chain for the next one)',
        ...shown,
      };
    }
    // A new chain's left side that cannot be evaluated (∂L/∂w with no L declared) is not checked,
    // but what follows it is.
    if (!continues && !translated[0]!.ok) {
      const t = translated[0] as { reason: string; position?: number };
      const rest = translated.slice(1).find((x) => !x.ok) as
        | { reason: string; position?: number }
        | undefined;
      const bad = rest ?? t;
      return {
        status: 'unchecked',
        code: rest ? 'unreadable' : 'lhs',
        message: rest
          ? `not checked: ${rest.reason}`
          : `not checked: the left side cannot be evaluated (${t.reason})`,
        ...(bad.position !== undefined ? { position: bad.position } : {}),
        ...shown,
      };
    }
    // This step's own problem first; then one in the step it continues.
    const own = translated.slice(continues ? 1 : 0).find((x) => !x.ok) as
      | { ok: false; reason: string; position?: number }
      | undefined;
    if (own) return unreadableMark(own, shown);
    if (continues && !translated[0]!.ok) {
      return {
        status: 'unchecked',
        code: 'continues',
        message: `not checked: it continues step ${againstStep}, which cannot be evaluated (${translated[0]!.reason})`,
        ...shown,
      };
    }
    const exprs = translated.map((x) => (x as { expr: Expr }).expr);
    const free = freeIndices(
      decls,
      chain.map((r) => (r as { json: MathJson }).json),
    );
    for (let k = 0; k + 1 < exprs.length; k++) {
      const a = exprs[k]!;
      const b = exprs[k + 1]!;
      const result = compare(decls, b, a, free, {
        points: STEP_POINTS,
        seed: hashSeed(chain[k]!.part.text, chain[k + 1]!.part.text),
      });
      const fromPrev = continues && k === 0;
      if (result.kind === 'differs') {
        const at = `at ${describePoint(decls, result.env, [a, b], free)}: ${pair(result.left, result.right)}`;
        return {
          status: 'broken',
          message: fromPrev
            ? `does not follow from step ${againstStep} (${at})`
            : `does not follow: the two sides differ (${at})`,
          ...shown,
        };
      }
      if (result.kind === 'undefined') {
        return {
          status: 'unchecked',
          code: 'undefined',
          message: 'not checked: no sampled point where both sides are defined',
          ...shown,
        };
      }
    }
    return {
      status: 'follows',
      message: continues ? `follows from step ${againstStep}` : 'follows: both sides agree',
      ...shown,
    };
  });
}

function unreadableMark(t: { reason: string; position?: number }, shown: { readAs?: string }) {
  return {
    status: 'unchecked' as const,
    code: 'unreadable' as const,
    message: `not checked: ${t.reason}`,
    ...(t.position !== undefined ? { position: t.position } : {}),
    ...shown,
  };
}

/** What the checker read, as one line of LaTeX ("?" where a part could not be read). */
function readAs(
  decls: Decls,
  reads: Read[],
  rels: Relation[],
  continues: boolean,
  translated?: Translated[],
): { readAs?: string } {
  const pieces = reads.map((_, i) => {
    const t = translated?.[i];
    if (t?.ok) {
      try {
        return toTex(decls, t.expr);
      } catch {
        return '?';
      }
    }
    return '?';
  });
  if (pieces.every((p) => p === '?')) return {};
  let out = continues ? `${RELATION_TEX[rels[0]!]} ` : '';
  pieces.forEach((p, i) => {
    out += p === '?' ? '\\text{?}' : p;
    const rel = rels[continues ? i + 1 : i];
    if (rel && i < pieces.length - 1) out += ` ${RELATION_TEX[rel]} `;
  });
  return { readAs: out };
}

/** Judges a final answer against the reference answer at many random points. */
export function checkFinal(checker: Checker, reference: string, answer: string): FinalVerdict {
  const { decls } = checker;
  const tex = answer.trim();
  if (tex === '') return { status: 'empty', message: 'no final answer given' };
  if (answer.length > MAX_STEP_CHARS)
    return { status: 'unreadable', message: "can't read this expression: over 10 kB of LaTeX" };
  const offset = answer.indexOf(tex);
  const split = splitRelations(tex);
  const bad = split.relations.map((r) => RELATION_WORDS[r]).find(Boolean);
  if (bad)
    return {
      status: 'unreadable',
      message: `can't read this expression: ${bad}, not an expression`,
    };
  // "σ′(x) = σ(x)(1 − σ(x))": the answer is what comes after the last =.
  const lastPart = split.parts[split.parts.length - 1]!;
  const mine = read({ text: lastPart.text, offset: lastPart.offset + offset });
  const ref = read({ text: reference.trim(), offset: 0 });
  const [r, m] = translatePair(decls, [ref, mine]) as [Translated, Translated];
  if (!r.ok)
    return { status: 'unreadable', message: `the reference answer cannot be read: ${r.reason}` };
  if (!m.ok) {
    return {
      status: 'unreadable',
      message: `can't read this expression: ${m.reason}`,
      ...(m.position !== undefined ? { position: m.position } : {}),
    };
  }
  const readTex = toTex(decls, m.expr);
  const free = freeIndices(
    decls,
    [ref, mine].map((x) => (x as { json: MathJson }).json),
  );
  const result = compare(decls, m.expr, r.expr, free, {
    points: FINAL_POINTS,
    seed: hashSeed(reference, tex),
  });
  if (result.kind === 'same')
    return {
      status: 'equivalent',
      message: `equivalent (agrees with the reference at ${result.points} random points)`,
      readAs: readTex,
    };
  if (result.kind === 'undefined')
    return {
      status: 'unreadable',
      message: "can't check this expression: no sampled point where it is defined",
      readAs: readTex,
    };
  return {
    status: 'different',
    message: `not equivalent (differs at ${describePoint(decls, result.env, [m.expr, r.expr], free)}: yours ${pair(result.left, result.right).replace(' vs ', ', the reference ')})`,
    readAs: readTex,
  };
}

/** For check:rounds and tests: do two expressions agree at random points? */
export function sameValue(
  checker: Checker,
  a: string,
  b: string,
  points = FINAL_POINTS,
): { kind: 'same' | 'differs' | 'undefined' | 'unreadable'; message: string } {
  const { decls } = checker;
  const reads = [read({ text: a.trim(), offset: 0 }), read({ text: b.trim(), offset: 0 })];
  const t = translatePair(decls, reads);
  const bad = t.find((x) => !x.ok) as { reason: string } | undefined;
  if (bad) return { kind: 'unreadable', message: bad.reason };
  const [ea, eb] = t.map((x) => (x as { expr: Expr }).expr) as [Expr, Expr];
  const free = freeIndices(
    decls,
    reads.map((r) => (r as { json: MathJson }).json),
  );
  const result = compare(decls, ea, eb, free, { points, seed: hashSeed(a, b) });
  if (result.kind === 'differs')
    return {
      kind: 'differs',
      message: `at ${describePoint(decls, result.env, [ea, eb], free)}: ${pair(result.left, result.right)}`,
    };
  if (result.kind === 'undefined')
    return { kind: 'undefined', message: 'no sampled point where both are defined' };
  return { kind: 'same', message: `agree at ${result.points} points` };
}

// ---- how a point and two values are shown ---------------------------------------------------

/** Two numbers with just enough digits to tell them apart. */
export function pair(a: number, b: number): string {
  for (let p = 3; p <= 12; p++) {
    const x = fmt(a, p);
    const y = fmt(b, p);
    if (x !== y || p === 12) return `${x} vs ${y}`;
  }
  return `${a} vs ${b}`;
}

function fmt(v: number, digits: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e9) return String(v);
  const s = Number(v.toPrecision(digits)).toString();
  return s.replace('-', '−');
}

const GREEK: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Sigma: 'Σ',
  Lambda: 'Λ',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Phi: 'Φ',
  Omega: 'Ω',
};

/** A declared LaTeX name as plain text for a message: \sigma_1 → σ_1, \hat{p} → p̂. */
export function plainName(latex: string): string {
  return latex
    .replace(/\\hat\{([^}]*)\}/g, '$1\u0302')
    .replace(/\\bar\{([^}]*)\}/g, '$1\u0304')
    .replace(/\\tilde\{([^}]*)\}/g, '$1\u0303')
    .replace(/\\([A-Za-z]+)/g, (m, name: string) => GREEK[name] ?? m.slice(1))
    .replace(/[{}]/g, '');
}

function describePoint(decls: Decls, env: Env, exprs: Expr[], free: Map<string, number>) {
  const reads = readsFrom(decls, exprs);
  const out: string[] = [];
  for (const i of reads.indices) if (free.has(i)) out.push(`${i} = ${env.indices.get(i)}`);
  for (const k of reads.scalars) {
    const s = decls.scalars.get(k)!;
    out.push(`${plainName(s.latex)} = ${fmt(env.vars.get(k)!, 4)}`);
  }
  for (const k of reads.arrays) {
    const a = decls.arrays.get(k)!;
    const v = [...env.arrays.get(k)!].map((x) => fmt(x, 3));
    out.push(`${plainName(a.latex)} = (${v.join(', ')})`);
  }
  if (out.length === 0) return 'every point';
  return out.length > 5 ? `${out.slice(0, 5).join(', ')}, …` : out.join(', ');
}
