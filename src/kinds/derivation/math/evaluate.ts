// Numbers from expression trees: plain recursion over the tree (no compile, no eval, so a strict
// CSP is fine), derivatives by central differences with Richardson extrapolation, sums over
// declared sizes. Then the comparison: two expressions agree when they agree at random points of
// the declared domains; a point where either side is undefined is drawn again, never counted.
import { children, type Decls, type Expr, familySize, memberKey, walk } from './expr';

export interface Env {
  vars: Map<string, number>;
  arrays: Map<string, Float64Array>;
  indices: Map<string, number>;
  locals: Map<string, number>;
}

class Undefined extends Error {}
const undef = (why: string): never => {
  throw new Undefined(why);
};

const MAX_TERMS = 1000;

export function evaluate(decls: Decls, e: Expr, env: Env): number {
  const ev = (x: Expr) => evaluate(decls, x, env);
  switch (e.k) {
    case 'num':
      return e.v;
    case 'const':
      return e.name === 'e' ? Math.E : Math.PI;
    case 'var':
      return env.vars.get(e.key) ?? undef(`no value for ${e.key}`);
    case 'local':
      return env.locals.get(e.name) ?? undef(`no value for ${e.name}`);
    case 'index':
      return env.indices.get(e.name) ?? undef(`no value for the index ${e.name}`);
    case 'elem': {
      const a = decls.arrays.get(e.key)!;
      const arr = env.arrays.get(e.key) ?? undef(`no value for ${a.latex}`);
      return arr[flatIndex(a.dims, e.subs.map(ev))]!;
    }
    case 'family': {
      const k = memberKey(decls, e.base, ev(e.sub));
      if (!k) return undef('an index outside its range');
      if (decls.scalars.has(k)) return env.vars.get(k) ?? undef(`no value for ${k}`);
      return ev({ k: 'defined', key: k, subs: [] });
    }
    case 'vnorm': {
      const arr = env.arrays.get(e.key)!;
      return Math.sqrt(arr.reduce((s, v) => s + v * v, 0));
    }
    case 'vmean': {
      const arr = env.arrays.get(e.key)!;
      return arr.reduce((s, v) => s + v, 0) / arr.length;
    }
    case 'defined': {
      const d = decls.defined.get(e.key)!;
      if (d.dims.length === 0) return ev(d.body);
      const at = e.subs.map(ev);
      flatIndex(d.dims, at);
      const indices = new Map(env.indices);
      for (const [i, letter] of d.indices.entries()) indices.set(letter, at[i]!);
      return evaluate(decls, d.body, { ...env, indices });
    }
    case 'add': {
      let s = 0;
      for (const a of e.args) s += ev(a);
      return s;
    }
    case 'mul': {
      let p = 1;
      for (const a of e.args) p *= ev(a);
      return p;
    }
    case 'neg':
      return -ev(e.a);
    case 'div':
      return ev(e.a) / ev(e.b);
    case 'pow':
      return power(ev(e.a), ev(e.b));
    case 'fn':
      return builtin(e.name, e.args.map(ev));
    case 'apply': {
      const f = decls.functions.get(e.key)!;
      const args = e.args.map(ev);
      const at = (xs: number[]) => {
        const locals = new Map(env.locals);
        for (const [i, p] of f.params.entries()) locals.set(p, xs[i]!);
        return evaluate(decls, f.body, { ...env, locals });
      };
      if (e.order === 0) return at(args);
      return nthDerivative((x) => at([x]), args[0]!, e.order);
    }
    case 'dfn': {
      const x = ev(e.args[0]!);
      return nthDerivative((t) => builtin(e.name, [t]), x, e.order);
    }
    case 'deriv':
      return differentiate(decls, e.body, e.wrt, env, e.order);
    case 'sum':
    case 'prod': {
      const lo = ev(e.lo);
      if (e.hi.k === 'num' && e.hi.v === Number.POSITIVE_INFINITY)
        return infiniteSum(decls, e.index, lo, e.body, env);
      const hi = ev(e.hi);
      if (!Number.isInteger(lo) || !Number.isInteger(hi)) undef('a sum bound is not an integer');
      if (hi - lo + 1 > MAX_TERMS) undef('a sum with too many terms');
      let acc = e.k === 'sum' ? 0 : 1;
      const indices = new Map(env.indices);
      const inner = { ...env, indices };
      for (let i = lo; i <= hi; i++) {
        indices.set(e.index, i);
        const v = evaluate(decls, e.body, inner);
        acc = e.k === 'sum' ? acc + v : acc * v;
      }
      return acc;
    }
    case 'delta':
      return ev(e.a) === ev(e.b) ? 1 : 0;
    case 'ind': {
      const a = ev(e.cond.a);
      const b = ev(e.cond.b);
      const ok = {
        '<': a < b,
        '<=': a <= b,
        '>': a > b,
        '>=': a >= b,
        '=': a === b,
        '!=': a !== b,
      }[e.cond.op];
      return ok ? 1 : 0;
    }
  }
  return undef('an expression the evaluator does not know');
}

/** Σ from lo to ∞: summed until 50 terms in a row no longer change it; undefined if it never settles. */
function infiniteSum(decls: Decls, index: string, lo: number, body: Expr, env: Env): number {
  if (!Number.isInteger(lo)) undef('a sum bound is not an integer');
  const indices = new Map(env.indices);
  const inner = { ...env, indices };
  let acc = 0;
  let quiet = 0;
  for (let i = lo; i < lo + 20_000; i++) {
    indices.set(index, i);
    const v = evaluate(decls, body, inner);
    if (!Number.isFinite(v)) undef('a term of the sum is undefined');
    acc += v;
    quiet = Math.abs(v) <= 1e-17 * Math.max(1e-300, Math.abs(acc)) ? quiet + 1 : 0;
    if (quiet >= 50) return acc;
  }
  return undef('an infinite sum that does not settle');
}

function flatIndex(dims: number[], at: number[]): number {
  let flat = 0;
  for (const [i, n] of dims.entries()) {
    const v = at[i]!;
    if (!Number.isInteger(v) || v < 1 || v > n) undef('an index outside its range');
    flat = flat * n + (v - 1);
  }
  return flat;
}

function power(a: number, b: number): number {
  // A negative base with an odd-root exponent (x^{1/3}) stays real where Math.pow gives NaN.
  if (a < 0 && !Number.isInteger(b)) {
    const inv = 1 / b;
    if (Number.isInteger(inv) && Math.abs(inv) % 2 === 1) return -((-a) ** b);
  }
  return a ** b;
}

function builtin(name: string, a: number[]): number {
  const [x, y] = a as [number, number];
  switch (name) {
    case 'exp':
      return Math.exp(x);
    case 'ln':
      return Math.log(x);
    case 'log2':
      return Math.log2(x);
    case 'log10':
      return Math.log10(x);
    case 'logb':
      return Math.log(x) / Math.log(y);
    case 'sqrt':
      return Math.sqrt(x);
    case 'root':
      return power(x, 1 / y);
    case 'abs':
      return Math.abs(x);
    case 'floor':
      return Math.floor(x);
    case 'ceil':
      return Math.ceil(x);
    case 'sign':
      return Math.sign(x);
    case 'max':
      return Math.max(...a);
    case 'min':
      return Math.min(...a);
    case 'binom':
      return Number.isInteger(x) && Number.isInteger(y)
        ? binomial(x, y)
        : gamma(x + 1) / (gamma(y + 1) * gamma(x - y + 1));
    case 'fact':
      return gamma(x + 1);
    case 'gamma':
      return gamma(x);
    case 'erf':
      return erf(x);
    case 'erfc':
      return 1 - erf(x);
    case 'sin':
      return Math.sin(x);
    case 'cos':
      return Math.cos(x);
    case 'tan':
      return Math.tan(x);
    case 'sec':
      return 1 / Math.cos(x);
    case 'csc':
      return 1 / Math.sin(x);
    case 'cot':
      return 1 / Math.tan(x);
    case 'asin':
      return Math.asin(x);
    case 'acos':
      return Math.acos(x);
    case 'atan':
      return Math.atan(x);
    case 'sinh':
      return Math.sinh(x);
    case 'cosh':
      return Math.cosh(x);
    case 'tanh':
      return Math.tanh(x);
  }
  return undef(`unknown function ${name}`);
}

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) r = (r * (n - i + 1)) / i;
  return r;
}

// Lanczos approximation (g = 7), accurate to ~15 digits.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
export function gamma(x: number): number {
  if (Number.isInteger(x) && x <= 0) return Number.NaN;
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  const z = x - 1;
  let s = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) s += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return Math.sqrt(2 * Math.PI) * t ** (z + 0.5) * Math.exp(-t) * s;
}

function erf(x: number): number {
  // Abramowitz–Stegun 7.1.26 is only 1e-7; a series/continued fraction pair gives ~1e-15.
  const ax = Math.abs(x);
  if (ax < 2.5) {
    let sum = x;
    let term = x;
    for (let n = 1; n < 100; n++) {
      term *= (-x * x) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc by Lentz's continued fraction for larger |x|.
  let f = ax;
  let c = ax;
  let d = 0;
  for (let n = 1; n < 200; n++) {
    const an = n / 2;
    d = ax + an * d;
    d = d === 0 ? 1e-300 : 1 / d;
    c = ax + an / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const erfc = Math.exp(-ax * ax) / (f * Math.sqrt(Math.PI));
  return x > 0 ? 1 - erfc : erfc - 1;
}

/** f′ at x by central differences, improved once by Richardson extrapolation. */
function derivative1(f: (x: number) => number, x: number): number {
  const h = 1e-3 * Math.max(1, Math.abs(x));
  const d = (s: number) => (f(x + s) - f(x - s)) / (2 * s);
  return (4 * d(h / 2) - d(h)) / 3;
}

function nthDerivative(f: (x: number) => number, x: number, order: number): number {
  if (order <= 0) return f(x);
  if (order > 3) undef('a derivative of order above 3');
  return derivative1((t) => nthDerivative(f, t, order - 1), x);
}

function differentiate(decls: Decls, body: Expr, wrt: Expr, env: Env, order: number): number {
  const at = (t: number) => evaluate(decls, body, withValue(decls, env, wrt, t));
  const x0 = evaluate(decls, wrt, env);
  return nthDerivative(at, x0, order);
}

function withValue(decls: Decls, env: Env, target: Expr, value: number): Env {
  if (target.k === 'var') {
    const vars = new Map(env.vars);
    vars.set(target.key, value);
    return { ...env, vars };
  }
  if (target.k === 'local') {
    const locals = new Map(env.locals);
    locals.set(target.name, value);
    return { ...env, locals };
  }
  if (target.k === 'elem') {
    const a = decls.arrays.get(target.key)!;
    const i = flatIndex(
      a.dims,
      target.subs.map((s) => evaluate(decls, s, env)),
    );
    const copy = Float64Array.from(env.arrays.get(target.key)!);
    copy[i] = value;
    const arrays = new Map(env.arrays);
    arrays.set(target.key, copy);
    return { ...env, arrays };
  }
  return undef('a derivative with respect to something that is not a variable');
}

/** Evaluates, turning every kind of undefinedness into NaN. */
export function valueAt(decls: Decls, e: Expr, env: Env): number {
  try {
    const v = evaluate(decls, e, env);
    return Number.isFinite(v) ? v : Number.NaN;
  } catch (err) {
    if (err instanceof Undefined || err instanceof RangeError) return Number.NaN;
    throw err;
  }
}

// ---- sampling -------------------------------------------------------------------------------

/** A small seeded generator (mulberry32), so a check gives the same marks every time. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashSeed(...parts: string[]): number {
  let h = 2166136261;
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) {
      h ^= p.charCodeAt(i);
      h = Math.imul(h, 16777619);
    }
    h ^= 0xff;
  }
  return h >>> 0;
}

/** A readable number in [lo, hi]: rounded to about 1/100 of the range. */
function draw(random: () => number, lo: number, hi: number, integer: boolean): number {
  if (integer) return Math.floor(lo) + Math.floor(random() * (Math.floor(hi) - Math.floor(lo) + 1));
  const step = 10 ** Math.floor(Math.log10((hi - lo) / 100));
  const v = lo + random() * (hi - lo);
  return Math.min(hi, Math.max(lo, Math.round(v / step) * step));
}

function inDomain(domain: string, v: number): boolean {
  if (domain === 'positive' || domain === 'simplex') return v > 0;
  if (domain === 'nonnegative') return v >= 0;
  if (domain === 'unit') return v > 0 && v < 1;
  return true;
}

export function samplePoint(decls: Decls, random: () => number, free: Map<string, number>): Env {
  const vars = new Map<string, number>();
  for (const s of decls.scalars.values()) {
    let v = draw(random, s.range[0], s.range[1], s.domain === 'integer');
    for (let i = 0; i < 20 && !inDomain(s.domain, v); i++)
      v = draw(random, s.range[0], s.range[1], false);
    vars.set(s.key, v);
  }
  const arrays = new Map<string, Float64Array>();
  for (const a of decls.arrays.values()) {
    const n = a.dims.reduce((p, d) => p * d, 1);
    const arr = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let v = draw(random, a.range[0], a.range[1], a.domain === 'integer');
      for (let j = 0; j < 20 && !inDomain(a.domain, v); j++)
        v = draw(random, a.range[0], a.range[1], false);
      arr[i] = v;
    }
    if (a.domain === 'simplex') {
      const total = arr.reduce((s, v) => s + v, 0);
      for (let i = 0; i < n; i++) arr[i]! /= total;
    }
    arrays.set(a.key, arr);
  }
  const indices = new Map<string, number>();
  for (const [name, size] of free) indices.set(name, 1 + Math.floor(random() * size));
  return { vars, arrays, indices, locals: new Map() };
}

/** The same point moved by a relative hair: does a mismatch survive, or was it a kink? */
function nudge(decls: Decls, env: Env, random: () => number): Env {
  const move = (v: number, domain: string) => {
    if (domain === 'integer') return v;
    const m = v + (random() - 0.5) * 2e-3 * Math.max(1e-2, Math.abs(v));
    return inDomain(domain, m) ? m : v;
  };
  const vars = new Map<string, number>();
  for (const s of decls.scalars.values()) vars.set(s.key, move(env.vars.get(s.key)!, s.domain));
  const arrays = new Map<string, Float64Array>();
  for (const a of decls.arrays.values()) {
    const arr = Float64Array.from(env.arrays.get(a.key)!, (v) =>
      a.domain === 'simplex' ? v : move(v, a.domain),
    );
    arrays.set(a.key, arr);
  }
  return { ...env, vars, arrays };
}

/** How deeply numerical derivatives nest in an expression (declared bodies included). */
function derivativeDepth(decls: Decls, e: Expr, seen: Set<string>): number {
  const own = e.k === 'deriv' ? 1 : e.k === 'dfn' || e.k === 'apply' ? e.order : 0;
  let inner = 0;
  for (const c of children(e)) inner = Math.max(inner, derivativeDepth(decls, c, seen));
  if ((e.k === 'apply' || e.k === 'defined') && !seen.has(e.key)) {
    const body = decls.functions.get(e.key)?.body ?? decls.defined.get(e.key)?.body;
    if (body) inner = Math.max(inner, derivativeDepth(decls, body, new Set([...seen, e.key])));
  }
  return own + inner;
}

/** How far two values may drift with the numerical derivatives involved. */
function tolerance(decls: Decls, exprs: Expr[]): number {
  const depth = Math.max(...exprs.map((e) => derivativeDepth(decls, e, new Set())));
  return [1e-9, 1e-6, 1e-4, 1e-3][Math.min(3, depth)]!;
}

export function close(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * (1 + Math.max(Math.abs(a), Math.abs(b)));
}

export type Comparison =
  | { kind: 'same'; points: number }
  | { kind: 'differs'; env: Env; left: number; right: number }
  | { kind: 'undefined' };

/**
 * Compares two expressions at `points` random points where both are defined. A mismatch counts
 * only if it survives a nudge of the point (so kinks like max(x, 0) at 0 are not mismatches).
 */
export function compare(
  decls: Decls,
  a: Expr,
  b: Expr,
  free: Map<string, number>,
  opts: { points: number; seed: number; maxTries?: number },
): Comparison {
  const random = rng(opts.seed);
  const tol = tolerance(decls, [a, b]);
  const maxTries = opts.maxTries ?? opts.points * 10;
  let valid = 0;
  for (let tries = 0; tries < maxTries && valid < opts.points; tries++) {
    const env = samplePoint(decls, random, free);
    const va = valueAt(decls, a, env);
    const vb = valueAt(decls, b, env);
    if (Number.isNaN(va) || Number.isNaN(vb)) continue;
    if (close(va, vb, tol)) {
      valid++;
      continue;
    }
    const near = nudge(decls, env, random);
    const na = valueAt(decls, a, near);
    const nb = valueAt(decls, b, near);
    if (Number.isNaN(na) || Number.isNaN(nb) || close(na, nb, tol)) continue;
    return { kind: 'differs', env, left: va, right: vb };
  }
  if (valid === 0 || valid < Math.ceil(opts.points / 2)) return { kind: 'undefined' };
  return { kind: 'same', points: valid };
}

/** Which sampled values an expression reads: for showing the point of a mismatch. */
export function readsFrom(decls: Decls, exprs: Expr[]) {
  const scalars = new Set<string>();
  const arrays = new Set<string>();
  const indices = new Set<string>();
  const seen = new Set<string>();
  const visit = (e: Expr) =>
    walk(e, (x) => {
      if (x.k === 'var') scalars.add(x.key);
      else if (x.k === 'family') {
        for (let i = 1; i <= familySize(decls, x.base); i++) {
          const k = memberKey(decls, x.base, i)!;
          if (decls.scalars.has(k)) scalars.add(k);
          else visit({ k: 'defined', key: k, subs: [] });
        }
      } else if (x.k === 'elem' || x.k === 'vnorm' || x.k === 'vmean') arrays.add(x.key);
      else if (x.k === 'index') indices.add(x.name);
      else if ((x.k === 'apply' || x.k === 'defined') && !seen.has(x.key)) {
        seen.add(x.key);
        const body = decls.functions.get(x.key)?.body ?? decls.defined.get(x.key)?.body;
        if (body) visit(body);
      }
    });
  for (const e of exprs) visit(e);
  return { scalars, arrays, indices };
}
