// From MathJSON (as the LaTeX parser reads it) to a small expression tree the checker can
// evaluate, resolved against the template's declared symbols: scalars with domains, vectors and
// matrices of fixed sizes, functions with their definitions, defined quantities (L = …), sizes.
// Anything it cannot evaluate becomes a reason a person can read ("an expectation", "y is not
// declared"), never an exception that escapes.
import type { Domain, SymbolDecl } from '../spec';
import { type MathJson, parsePart, toLatex } from './latex';

export type Builtin =
  | 'exp'
  | 'ln'
  | 'log2'
  | 'log10'
  | 'logb'
  | 'sqrt'
  | 'root'
  | 'abs'
  | 'floor'
  | 'ceil'
  | 'sign'
  | 'max'
  | 'min'
  | 'binom'
  | 'fact'
  | 'gamma'
  | 'erf'
  | 'erfc'
  | 'sin'
  | 'cos'
  | 'tan'
  | 'sec'
  | 'csc'
  | 'cot'
  | 'asin'
  | 'acos'
  | 'atan'
  | 'sinh'
  | 'cosh'
  | 'tanh';

export type Cond = { k: 'cmp'; op: '<' | '<=' | '>' | '>=' | '=' | '!='; a: Expr; b: Expr };

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'const'; name: 'e' | 'pi' }
  /** A declared scalar, sampled. */
  | { k: 'var'; key: string }
  /** A function's parameter, inside its definition. */
  | { k: 'local'; name: string }
  /** An index: bound by a sum or free (sampled over its size). */
  | { k: 'index'; name: string }
  /** An entry of a declared vector or matrix. */
  | { k: 'elem'; key: string; subs: Expr[] }
  /** A whole vector, only inside a norm or a mean. */
  | { k: 'vec'; key: string }
  /** A defined quantity (indexed or not), evaluated from its definition. */
  | { k: 'defined'; key: string; subs: Expr[] }
  | { k: 'add'; args: Expr[] }
  | { k: 'mul'; args: Expr[] }
  | { k: 'div'; a: Expr; b: Expr }
  | { k: 'pow'; a: Expr; b: Expr }
  | { k: 'neg'; a: Expr }
  | { k: 'fn'; name: Builtin; args: Expr[] }
  /** A declared function applied, or its derivative of the given order. */
  | { k: 'apply'; key: string; args: Expr[]; order: number }
  /** A derivative of a built-in function (tanh'(x)). */
  | { k: 'dfn'; name: Builtin; args: Expr[]; order: number }
  | { k: 'deriv'; body: Expr; wrt: Expr; order: number }
  | { k: 'sum' | 'prod'; index: string; lo: Expr; hi: Expr; body: Expr }
  | { k: 'delta'; a: Expr; b: Expr }
  | { k: 'ind'; cond: Cond }
  /** p_i over separately declared p_1, p_2, p_3 (scalars or definitions): resolved per index. */
  | { k: 'family'; base: string; latex: string; sub: Expr }
  | { k: 'vnorm'; key: string }
  | { k: 'vmean'; key: string };

export interface ScalarDecl {
  key: string;
  latex: string;
  domain: Domain;
  range: [number, number];
}
export interface ArrayDecl extends ScalarDecl {
  dims: number[];
}
export interface FunctionDecl {
  key: string;
  latex: string;
  params: string[];
  paramLatex: string[];
  body: Expr;
}
export interface DefinedDecl {
  key: string;
  latex: string;
  dims: number[];
  /** The index letters the definition uses, one per dimension. */
  indices: string[];
  body: Expr;
}

export interface Decls {
  scalars: Map<string, ScalarDecl>;
  arrays: Map<string, ArrayDecl>;
  functions: Map<string, FunctionDecl>;
  defined: Map<string, DefinedDecl>;
  /** Size names usable as numbers in expressions (n → 3), keyed like symbols. */
  sizes: Map<string, number>;
}

export class Unreadable extends Error {
  constructor(
    message: string,
    readonly position?: number,
  ) {
    super(message);
  }
}

const DEFAULT_RANGE: Record<Domain, [number, number]> = {
  real: [-2, 2],
  positive: [0.2, 3],
  nonnegative: [0, 3],
  unit: [0.05, 0.95],
  integer: [1, 6],
  simplex: [0.2, 3],
};

const key = (json: MathJson) => JSON.stringify(unwrap(json));

/** { fn: [...] } → [...], { sym: 'x' } → 'x', { num: '1' } → 1; strips source offsets. */
function unwrap(json: MathJson): MathJson {
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    const o = json as Record<string, unknown>;
    if (Array.isArray(o.fn)) return o.fn.map(unwrap);
    if (typeof o.sym === 'string') return o.sym;
    if (typeof o.num === 'string') return numberOf(o.num);
    return json;
  }
  if (Array.isArray(json)) return json.map(unwrap);
  return json;
}

function numberOf(s: string): number {
  const v = Number(s.replace(/\s/g, ''));
  return Number.isNaN(v) ? Number.NaN : v;
}

function parseName(latex: string): MathJson {
  const r = parsePart({ text: latex, offset: 0 });
  if (!r.ok) throw new Error(`"${latex}" cannot be read as a name: ${r.reason}`);
  return unwrap(r.json);
}

/** Compiles a template's declarations; throws with a sentence naming the symbol at fault. */
export function compileDecls(symbols: SymbolDecl[], sizes: Record<string, number>): Decls {
  const decls: Decls = {
    scalars: new Map(),
    arrays: new Map(),
    functions: new Map(),
    defined: new Map(),
    sizes: new Map(),
  };
  for (const [name, n] of Object.entries(sizes)) decls.sizes.set(key(parseName(name)), n);
  const dim = (s: string | number, name: string) => {
    if (typeof s === 'number') return s;
    const n = sizes[s];
    if (n === undefined) throw new Error(`${name}: size "${s}" is not declared in sizes`);
    return n;
  };
  const pending: { decl: SymbolDecl; k: string }[] = [];
  for (const s of symbols) {
    const named = nameParts(parseName(s.name), s.size !== undefined);
    const k = named.key;
    // z_i declares the vector z: messages and read-back name the base.
    const latex = named.letters.length ? s.name.replace(/_(\{[^}]*\}|[A-Za-z0-9])$/, '') : s.name;
    const range = s.range ?? DEFAULT_RANGE[s.domain];
    if (s.function || s.definition) {
      pending.push({ decl: s, k });
      // Registered first with a placeholder body, so definitions may refer to each other.
      if (s.function) {
        decls.functions.set(k, {
          key: k,
          latex: s.name,
          params: s.function.map((p) => String(parseName(p))),
          paramLatex: s.function,
          body: { k: 'num', v: 0 },
        });
      } else {
        const dims = s.size === undefined ? [] : [s.size].flat().map((x) => dim(x, s.name));
        decls.defined.set(k, {
          key: k,
          latex,
          dims,
          indices: s.index ? s.index.split('') : named.letters,
          body: { k: 'num', v: 0 },
        });
      }
    } else if (s.size !== undefined) {
      const dims = [s.size].flat().map((x) => dim(x, s.name));
      decls.arrays.set(k, { key: k, latex, domain: s.domain, range, dims });
    } else {
      decls.scalars.set(k, { key: k, latex: s.name, domain: s.domain, range });
    }
  }
  for (const { decl, k } of pending) {
    const r = parsePart({ text: decl.definition!, offset: 0 });
    if (!r.ok) throw new Error(`${decl.name}: its definition cannot be read: ${r.reason}`);
    const fn = decls.functions.get(k);
    try {
      if (fn) {
        fn.body = translate(decls, r.json, { locals: new Set(fn.params), bound: new Set() });
      } else {
        const d = decls.defined.get(k)!;
        if (d.dims.length > 0 && d.indices.length !== d.dims.length)
          throw new Error(`write it with its index letters (like p_i) or give index: i`);
        d.body = translate(decls, r.json, { locals: new Set(), bound: new Set(d.indices) });
      }
    } catch (e) {
      throw new Error(`${decl.name}: its definition cannot be evaluated: ${(e as Error).message}`);
    }
  }
  for (const { decl, k } of pending) {
    if (dependsOn(decls, k, k, new Set()))
      throw new Error(`${decl.name}: its definition refers to itself`);
  }
  return decls;
}

/** An array may be declared by its entry (z_i, W_{ij}): its key is the base, with those letters. */
function nameParts(json: MathJson, sized: boolean): { key: string; letters: string[] } {
  if (sized && typeof json === 'string') {
    const m = /^(.+?)_([a-z]{1,2})$/.exec(json);
    if (m) return { key: JSON.stringify(m[1]), letters: m[2]!.split('') };
  }
  if (sized && head(json) === 'Subscript') {
    const [, base, sub] = json as [string, MathJson, MathJson];
    const letters = subscriptParts(sub).map(unwrap);
    if (letters.every((l) => typeof l === 'string' && /^[a-z]$/.test(l)))
      return { key: JSON.stringify(unwrap(base)), letters: letters as string[] };
  }
  return { key: JSON.stringify(json), letters: [] };
}

function dependsOn(decls: Decls, target: string, from: string, seen: Set<string>): boolean {
  if (seen.has(from)) return false;
  seen.add(from);
  const body = decls.functions.get(from)?.body ?? decls.defined.get(from)?.body;
  if (!body) return false;
  let found = false;
  walk(body, (e) => {
    if (
      (e.k === 'apply' || e.k === 'defined') &&
      (e.key === target || dependsOn(decls, target, e.key, seen))
    )
      found = true;
  });
  return found;
}

export function children(e: Expr): Expr[] {
  switch (e.k) {
    case 'elem':
    case 'defined':
      return e.subs;
    case 'family':
      return [e.sub];
    case 'add':
    case 'mul':
    case 'fn':
    case 'apply':
    case 'dfn':
      return e.args;
    case 'div':
    case 'pow':
    case 'delta':
      return [e.a, e.b];
    case 'neg':
      return [e.a];
    case 'deriv':
      return [e.body, e.wrt];
    case 'sum':
    case 'prod':
      return [e.lo, e.hi, e.body];
    case 'ind':
      return [e.cond.a, e.cond.b];
    default:
      return [];
  }
}

export function walk(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  for (const c of children(e)) walk(c, visit);
}

interface Scope {
  locals: Set<string>;
  bound: Set<string>;
  /** Free index letters of the pair being compared, with their sizes. */
  free?: Map<string, number>;
}

const BUILTINS: Record<string, Builtin> = {
  Exp: 'exp',
  Ln: 'ln',
  Lb: 'log2',
  Lg: 'log10',
  Sqrt: 'sqrt',
  Root: 'root',
  Abs: 'abs',
  Floor: 'floor',
  Ceil: 'ceil',
  Ceiling: 'ceil',
  Sign: 'sign',
  Max: 'max',
  Min: 'min',
  Binomial: 'binom',
  Factorial: 'fact',
  Gamma: 'gamma',
  Erf: 'erf',
  Erfc: 'erfc',
  Sin: 'sin',
  Cos: 'cos',
  Tan: 'tan',
  Sec: 'sec',
  Csc: 'csc',
  Cot: 'cot',
  Arcsin: 'asin',
  Arccos: 'acos',
  Arctan: 'atan',
  Sinh: 'sinh',
  Cosh: 'cosh',
  Tanh: 'tanh',
};

const NOT_NUMERIC: Record<string, string> = {
  Integrate: 'an integral',
  Limit: 'a limit',
  Transpose: 'matrix notation (a transpose)',
  ConjugateTranspose: 'matrix notation (a transpose)',
  Matrix: 'a matrix',
  HadamardProduct: 'matrix notation (⊙)',
  Trace: 'matrix notation (a trace)',
  Determinant: 'matrix notation (a determinant)',
  Inverse: 'matrix notation (an inverse)',
  Var: 'a variance',
  Variance: 'a variance',
  Covariance: 'a covariance',
  Mean: 'a mean (declare the vector it averages)',
  List: 'a list or bracket',
  Set: 'a set',
  Tuple: 'a tuple',
  Sequence: 'a list of several expressions',
  Prime: 'a prime on a symbol',
  EvaluateAt: 'an evaluation bar',
  Condition: 'a condition',
  Element: 'set membership',
  Implies: 'an implication',
  Approx: 'an approximation',
};

const INDICATORS = new Set(['one_doublestruck', 'one_bold', 'one_Bold', 'mathbb1']);

/** A readable name for a MathJSON node, as LaTeX. */
function nameOf(json: MathJson): string {
  try {
    return toLatex(json);
  } catch {
    return JSON.stringify(json);
  }
}

function head(json: MathJson): string | null {
  return Array.isArray(json) && typeof json[0] === 'string' ? json[0] : null;
}

function isText(json: MathJson): boolean {
  return typeof json === 'string' && /^'.*'$/s.test(json);
}

/** How many members p_1, p_2, … of a family are declared (0: it is no family). */
export function familySize(decls: Decls, base: string): number {
  let n = 0;
  while (memberKey(decls, base, n + 1)) n++;
  return n;
}

export function memberKey(decls: Decls, base: string, i: number): string | null {
  const k = JSON.stringify(`${base}_${i}`);
  return decls.scalars.has(k) || decls.defined.has(k) ? k : null;
}

/** Index letters used as subscripts of declared arrays, with the size each position has. */
export function freeIndices(decls: Decls, jsons: MathJson[]): Map<string, number> {
  const found = new Map<string, number>();
  const note = (letter: string, size: number) => {
    if (/^[a-z]$/.test(letter) && !found.has(letter)) found.set(letter, size);
  };
  const dimsOf = (base: string) => {
    const d = decls.arrays.get(base)?.dims ?? decls.defined.get(base)?.dims;
    if (d) return d;
    const raw = JSON.parse(base) as unknown;
    const n = typeof raw === 'string' ? familySize(decls, raw) : 0;
    return n > 0 ? [n] : null;
  };
  const visit = (j: MathJson, bound: Set<string>) => {
    j = unwrap(j);
    if (typeof j === 'string') {
      const m = /^(.+?)_([A-Za-z0-9]+)$/.exec(j);
      if (m) {
        const dims = dimsOf(JSON.stringify(m[1]));
        if (dims && dims.length > 0) {
          const letters = dims.length === 1 ? [m[2]!] : m[2]!.split('');
          letters.forEach((l, i) => {
            if (!bound.has(l)) note(l, dims[Math.min(i, dims.length - 1)]!);
          });
        }
      }
      return;
    }
    if (!Array.isArray(j)) return;
    const h = head(j);
    if (h === 'Sum' || h === 'Product') {
      const inner = new Set(bound);
      for (const lim of j.slice(2)) {
        const l = unwrap(lim);
        if (Array.isArray(l) && typeof l[1] === 'string') inner.add(l[1]);
      }
      visit(j[1], inner);
      for (const lim of j.slice(2)) visit(lim, bound);
      return;
    }
    if (h === 'Subscript') {
      const dims = dimsOf(key(j[1]));
      if (dims) {
        subscriptParts(j[2]).forEach((p, i) => {
          if (typeof p === 'string' && !bound.has(p)) note(p, dims[Math.min(i, dims.length - 1)]!);
        });
      }
    }
    for (const c of j.slice(1)) visit(c, bound);
  };
  for (const j of jsons) visit(j, new Set());
  return found;
}

function subscriptParts(sub: MathJson): MathJson[] {
  sub = unwrap(sub);
  const h = head(sub);
  if (h === 'Delimiter') return subscriptParts((sub as unknown[])[1]);
  if (h === 'Sequence' || h === 'InvisibleOperator') return (sub as unknown[]).slice(1);
  return [sub];
}

/** Translates one MathJSON expression. Throws Unreadable with the reason. */
export function translate(decls: Decls, json: MathJson, scope: Scope): Expr {
  const t = (j: MathJson) => translate(decls, j, scope);
  json = unwrap(json);
  const k = JSON.stringify(json);

  // A declared name matches first, whatever its shape (\hat{p}, \bar{x}, \sigma_1).
  if (scope.locals.has(json as string)) return { k: 'local', name: json as string };
  if (typeof json === 'string' && scope.bound.has(json)) return { k: 'index', name: json };
  if (decls.scalars.has(k)) return { k: 'var', key: k };
  const def = decls.defined.get(k);
  if (def) {
    if (def.dims.length > 0)
      throw new Unreadable(
        `${def.latex} is indexed: write one of its entries, like ${def.latex}_i`,
      );
    return { k: 'defined', key: k, subs: [] };
  }
  if (decls.arrays.has(k)) {
    const a = decls.arrays.get(k)!;
    throw new Unreadable(`${a.latex} is a vector: write its entries (${a.latex}_i) or a sum`);
  }
  if (decls.functions.has(k)) {
    const f = decls.functions.get(k)!;
    throw new Unreadable(`${f.latex} is a function: give it its argument, like ${f.latex}(x)`);
  }
  if (decls.sizes.has(k)) return { k: 'num', v: decls.sizes.get(k)! };

  if (typeof json === 'number') {
    if (!Number.isFinite(json)) throw new Unreadable('a number that is not finite');
    return { k: 'num', v: json };
  }
  if (typeof json === 'string') return symbol(decls, json, scope);
  if (!Array.isArray(json)) throw new Unreadable(`something the checker cannot read (${k})`);
  const h = head(json);
  const args = json.slice(1);
  if (h === null) {
    throw new Unreadable(`something the checker cannot read (${nameOf(json)})`);
  }
  switch (h) {
    case 'Add':
      return { k: 'add', args: args.map(t) };
    case 'Subtract':
      return {
        k: 'add',
        args: args.map((a, i) => (i === 0 ? t(a) : ({ k: 'neg', a: t(a) } as Expr))),
      };
    case 'Negate':
      return { k: 'neg', a: t(args[0]) };
    case 'Multiply':
      return { k: 'mul', args: args.map(t) };
    case 'InvisibleOperator':
      return juxtaposition(decls, args, scope);
    case 'Divide':
    case 'Rational':
      return { k: 'div', a: t(args[0]), b: t(args[1]) };
    case 'Half':
      return { k: 'div', a: t(args[0]), b: { k: 'num', v: 2 } };
    case 'Power': {
      const base = unwrap(args[0]);
      if ((base === 'e' || base === 'ExponentialE') && !decls.scalars.has(JSON.stringify(base)))
        return { k: 'fn', name: 'exp', args: [t(args[1])] };
      if (typeof base === 'string' && decls.functions.has(JSON.stringify(base))) {
        const f = decls.functions.get(JSON.stringify(base))!;
        throw new Unreadable(
          `${f.latex}^… : write the power after the argument, like ${f.latex}(x)^2`,
        );
      }
      return { k: 'pow', a: t(args[0]), b: t(args[1]) };
    }
    case 'Square':
      return { k: 'pow', a: t(args[0]), b: { k: 'num', v: 2 } };
    case 'Log':
      // ML convention: \log is the natural logarithm; \log_b x keeps its base.
      return args.length > 1
        ? { k: 'fn', name: 'logb', args: [t(args[0]), t(args[1])] }
        : { k: 'fn', name: 'ln', args: [t(args[0])] };
    case 'Delimiter': {
      const inner = unwrap(args[0]);
      if (head(inner) === 'Sequence' && (inner as unknown[]).length !== 2)
        throw new Unreadable('a list of several expressions in brackets');
      if (inner === undefined) throw new Unreadable('empty brackets');
      return t(head(inner) === 'Sequence' ? (inner as unknown[])[1] : inner);
    }
    case 'Annotated':
      return t(args[0]);
    case 'Sum':
    case 'Product':
      return bigOperator(decls, h, args, scope);
    case 'D':
      return derivative(decls, args, scope);
    case 'Apply':
      return application(decls, args, scope);
    case 'KroneckerDelta':
      return { k: 'delta', a: t(args[0]), b: t(args[1]) };
    case 'At':
    case 'When':
    case 'Subscript': {
      const base = unwrap(args[0]);
      if (typeof base === 'string' && INDICATORS.has(base))
        return { k: 'ind', cond: condition(decls, args[1], scope) };
      if (typeof base === 'string' && /^E_doublestruck|^E$/.test(base))
        throw new Unreadable('an expectation (𝔼) is not evaluated numerically');
      if (base === 'Var' || base === 'Cov')
        throw new Unreadable('a variance is not evaluated numerically');
      if (h === 'Subscript') return subscripted(decls, base, args[1], scope);
      throw new Unreadable(`${nameOf(json)} is not something the checker evaluates`);
    }
    case 'Norm': {
      const v = unwrap(args[0]);
      const a = decls.arrays.get(JSON.stringify(v));
      if (a && a.dims.length === 1 && (args.length < 2 || unwrap(args[1]) === 2))
        return { k: 'vnorm', key: a.key };
      return { k: 'fn', name: 'abs', args: [t(args[0])] };
    }
    case 'Mean': {
      const a = decls.arrays.get(key(args[0]));
      if (a && a.dims.length === 1) return { k: 'vmean', key: a.key };
      throw new Unreadable(
        `${nameOf(json)}: declare ${nameOf(args[0])} as a vector or declare the mean`,
      );
    }
    case 'HorizontalSpacing':
      throw new Unreadable('only spacing, no expression');
    case 'Error':
      throw new Unreadable('a part the parser could not read');
  }
  const b = BUILTINS[h];
  if (b) {
    if (b === 'root') return { k: 'fn', name: 'root', args: [t(args[0]), t(args[1])] };
    return { k: 'fn', name: b, args: args.map(t) };
  }
  if (['Equal', 'Less', 'Greater', 'LessEqual', 'GreaterEqual', 'NotEqual'].includes(h))
    throw new Unreadable('a relation inside an expression');
  const why = NOT_NUMERIC[h];
  if (why) throw new Unreadable(`${why} is not evaluated numerically`);
  // An undeclared function name applied directly.
  if (decls.functions.has(JSON.stringify(h)))
    return apply(decls, JSON.stringify(h), args.map(t), 0);
  throw new Unreadable(`${nameOf(json)} uses ${h}, which the checker does not evaluate`);
}

function symbol(decls: Decls, s: string, scope: Scope): Expr {
  if (isText(s)) throw new Unreadable('prose (text in a step is not checked)');
  if (s === 'e' || s === 'ExponentialE') return { k: 'const', name: 'e' };
  if (s === 'Pi') return { k: 'const', name: 'pi' };
  if (s === 'PositiveInfinity' || s === 'NegativeInfinity' || s === 'ComplexInfinity')
    throw new Unreadable('infinity is not evaluated numerically');
  if (s === 'ContinuationPlaceholder')
    throw new Unreadable('an ellipsis (…): write the sum with \\sum instead');
  if (/^E_doublestruck/.test(s))
    throw new Unreadable('an expectation (𝔼) is not evaluated numerically');
  if (scope.free?.has(s)) return { k: 'index', name: s };
  // x_i, W_ij, \pi_k: an entry of a declared array.
  const m = /^(.+?)_([A-Za-z0-9]+)$/.exec(s);
  if (m) {
    const base = JSON.stringify(m[1]);
    const dims = decls.arrays.get(base)?.dims ?? decls.defined.get(base)?.dims;
    if (dims && dims.length > 0) {
      const raw = m[2]!;
      const pieces = dims.length === 1 ? [raw] : raw.length === dims.length ? raw.split('') : null;
      if (!pieces)
        throw new Unreadable(
          `${nameOf(m[1])} has ${dims.length} indices, but ${nameOf(s)} gives ${raw.length}`,
        );
      return entry(
        decls,
        base,
        pieces.map((p) => indexExpr(p, scope, s)),
      );
    }
    if (familySize(decls, m[1]!) > 0 && /^[a-z]$/.test(m[2]!))
      return { k: 'family', base: m[1]!, latex: nameOf(m[1]), sub: indexExpr(m[2]!, scope, s) };
  }
  throw new Unreadable(`${nameOf(s)} is not declared by this problem`);
}

function indexExpr(p: string, scope: Scope, whole: string): Expr {
  if (/^\d+$/.test(p)) return { k: 'num', v: Number(p) };
  if (scope.bound.has(p) || scope.free?.has(p)) return { k: 'index', name: p };
  if (scope.locals.has(p)) return { k: 'local', name: p };
  throw new Unreadable(`the index ${p} in ${nameOf(whole)} has no range`);
}

function entry(decls: Decls, base: string, subs: Expr[]): Expr {
  const a = decls.arrays.get(base);
  if (a) {
    if (subs.length !== a.dims.length)
      throw new Unreadable(`${a.latex} has ${a.dims.length} index(es), not ${subs.length}`);
    return { k: 'elem', key: base, subs };
  }
  const d = decls.defined.get(base)!;
  if (subs.length !== d.dims.length)
    throw new Unreadable(`${d.latex} has ${d.dims.length} index(es), not ${subs.length}`);
  return { k: 'defined', key: base, subs };
}

function subscripted(decls: Decls, base: MathJson, sub: MathJson, scope: Scope): Expr {
  const bk = JSON.stringify(base);
  if (decls.arrays.has(bk) || decls.defined.get(bk)?.dims.length) {
    const parts = subscriptParts(sub).map((p) => {
      const u = unwrap(p);
      if (typeof u === 'string' && /^[a-z]$/.test(u)) return indexExpr(u, scope, u);
      return translate(decls, u, scope);
    });
    return entry(decls, bk, parts);
  }
  if (typeof base === 'string' && familySize(decls, base) > 0) {
    const parts = subscriptParts(sub);
    if (parts.length === 1) {
      const u = unwrap(parts[0]);
      const index =
        typeof u === 'string' && /^[a-z]$/.test(u)
          ? indexExpr(u, scope, u)
          : translate(decls, u, scope);
      return { k: 'family', base, latex: nameOf(base), sub: index };
    }
  }
  throw new Unreadable(`${nameOf(['Subscript', base, sub])} is not declared by this problem`);
}

/** Juxtaposed items: products, except where a declared function meets its argument. */
function juxtaposition(decls: Decls, items: MathJson[], scope: Scope): Expr {
  const list = items.map(unwrap).filter((x) => head(x) !== 'HorizontalSpacing');
  if (list.some(isText)) throw new Unreadable('prose (text in a step is not checked)');
  const factors: Expr[] = [];
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const fk = JSON.stringify(item);
    if (typeof item === 'string' && decls.functions.has(fk)) {
      const next = list[i + 1];
      if (next === undefined)
        throw new Unreadable(`${decls.functions.get(fk)!.latex} is missing its argument`);
      i++;
      // σ(x)^2 arrives as σ · (x)^2: the power belongs to the application.
      if (head(next) === 'Power' && head(unwrap((next as unknown[])[1])) === 'Delimiter') {
        const [, base, exp] = next as [string, MathJson, MathJson];
        factors.push({
          k: 'pow',
          a: apply(decls, fk, callArgs(decls, base, scope), 0),
          b: translate(decls, exp, scope),
        });
        continue;
      }
      factors.push(apply(decls, fk, callArgs(decls, next, scope), 0));
      continue;
    }
    if (typeof item === 'string' && INDICATORS.has(item) && list[i + 1] !== undefined) {
      i++;
      factors.push({ k: 'ind', cond: condition(decls, list[i], scope) });
      continue;
    }
    if (item === 'Gamma' && head(list[i + 1]) === 'Delimiter') {
      i++;
      factors.push({ k: 'fn', name: 'gamma', args: callArgs(decls, list[i], scope) });
      continue;
    }
    if (typeof item === 'string' && (item === 'Var' || item === 'Cov'))
      throw new Unreadable('a variance is not evaluated numerically');
    factors.push(translate(decls, item, scope));
  }
  return factors.length === 1 ? factors[0]! : { k: 'mul', args: factors };
}

function callArgs(decls: Decls, json: MathJson, scope: Scope): Expr[] {
  const u = unwrap(json);
  if (head(u) === 'Delimiter') {
    const inner = unwrap((u as unknown[])[1]);
    if (head(inner) === 'Sequence')
      return (inner as unknown[]).slice(1).map((a) => translate(decls, a, scope));
    return [translate(decls, inner, scope)];
  }
  return [translate(decls, u, scope)];
}

function apply(decls: Decls, fk: string, args: Expr[], order: number): Expr {
  const f = decls.functions.get(fk)!;
  if (args.length !== f.params.length)
    throw new Unreadable(`${f.latex} takes ${f.params.length} argument(s), not ${args.length}`);
  if (order > 0 && f.params.length !== 1)
    throw new Unreadable(`${f.latex}′ needs a function of one argument`);
  return { k: 'apply', key: fk, args, order };
}

/** Apply(Derivative(f, n), args): f′(x), tanh′(x). */
function application(decls: Decls, args: MathJson[], scope: Scope): Expr {
  const fn = unwrap(args[0]);
  const rest = args.slice(1).map((a) => translate(decls, a, scope));
  if (head(fn) === 'Derivative') {
    const [, f, n] = fn as [string, MathJson, MathJson];
    const order = typeof n === 'number' ? n : 1;
    const fk = JSON.stringify(unwrap(f));
    if (decls.functions.has(fk)) return apply(decls, fk, rest, order);
    const b = typeof f === 'string' ? BUILTINS[f] : undefined;
    if (b && rest.length === 1) return { k: 'dfn', name: b, args: rest, order };
    throw new Unreadable(`${nameOf(f)}′: ${nameOf(f)} is not a declared function`);
  }
  const fk = JSON.stringify(fn);
  if (decls.functions.has(fk)) return apply(decls, fk, rest, 0);
  throw new Unreadable(`${nameOf(fn)} is not a declared function`);
}

function derivative(decls: Decls, args: MathJson[], scope: Scope): Expr {
  let body = translate(decls, args[0], scope);
  const vars = args.slice(1);
  if (vars.length === 0) throw new Unreadable('a derivative with respect to nothing');
  // Repeated variables (∂²/∂w²) nest; each with order 1 keeps evaluation uniform.
  for (const v of vars) {
    const wrt = translate(decls, v, scope);
    if (wrt.k !== 'var' && wrt.k !== 'elem' && wrt.k !== 'local')
      throw new Unreadable(
        `a derivative with respect to ${nameOf(v)}, which is not a declared variable`,
      );
    body = { k: 'deriv', body, wrt, order: 1 };
  }
  return body;
}

function bigOperator(decls: Decls, h: 'Sum' | 'Product', args: MathJson[], scope: Scope): Expr {
  const limits = args.slice(1).map(unwrap);
  if (limits.length === 0)
    throw new Unreadable(`a ${h === 'Sum' ? 'sum' : 'product'} without its index`);
  const lims = limits.map((l) => {
    const parts = Array.isArray(l) ? l.slice(1).map(unwrap) : [l];
    const index = parts[0];
    if (typeof index !== 'string' || !/^[a-z]$/.test(index))
      throw new Unreadable(
        `the index of a ${h === 'Sum' ? 'sum' : 'product'} must be one letter, like i`,
      );
    return { index, lo: parts[1], hi: parts[2] };
  });
  const inner: Scope = { ...scope, bound: new Set([...scope.bound, ...lims.map((l) => l.index)]) };
  let body = translate(decls, args[0], inner);
  for (const l of [...lims].reverse()) {
    let lo: Expr;
    let hi: Expr;
    if (l.lo === undefined || l.lo === null || l.hi === undefined) {
      const size = sizeFor(decls, args[0], l.index);
      if (size === null)
        throw new Unreadable(
          `give the range of the sum over ${l.index} (\\sum_{${l.index}=1}^{n})`,
        );
      lo = { k: 'num', v: 1 };
      hi = { k: 'num', v: size };
    } else {
      lo = translate(decls, l.lo, scope);
      // An infinite sum is summed until its terms vanish (see evaluate).
      hi =
        unwrap(l.hi) === 'PositiveInfinity' && h === 'Sum'
          ? { k: 'num', v: Number.POSITIVE_INFINITY }
          : translate(decls, l.hi, scope);
    }
    body = { k: h === 'Sum' ? 'sum' : 'prod', index: l.index, lo, hi, body };
  }
  return body;
}

/** The size of an unbounded sum's index: that of the first array it subscripts in the body. */
function sizeFor(decls: Decls, body: MathJson, index: string): number | null {
  const sizes = freeIndices(decls, [body]);
  return sizes.get(index) ?? (decls.sizes.size === 1 ? [...decls.sizes.values()][0]! : null);
}

const CMP: Record<string, Cond['op']> = {
  Less: '<',
  LessEqual: '<=',
  Greater: '>',
  GreaterEqual: '>=',
  Equal: '=',
  NotEqual: '!=',
};

function condition(decls: Decls, json: MathJson, scope: Scope): Cond {
  let u = unwrap(json);
  while (['Delimiter', 'List', 'Set'].includes(head(u) ?? '') && (u as unknown[]).length === 2)
    u = unwrap((u as unknown[])[1]);
  const h = head(u);
  const op = h ? CMP[h] : undefined;
  if (!op || (u as unknown[]).length !== 3)
    throw new Unreadable('an indicator needs one comparison inside, like \\mathbb{1}[x > 0]');
  const [, a, b] = u as [string, MathJson, MathJson];
  return { k: 'cmp', op, a: translate(decls, a, scope), b: translate(decls, b, scope) };
}

/** Translates the parts of one comparison with the free indices they share. */
export function translateAll(decls: Decls, jsons: MathJson[]): Expr[] {
  const free = freeIndices(decls, jsons);
  return jsons.map((j) => translate(decls, j, { locals: new Set(), bound: new Set(), free }));
}

// ---- back to LaTeX: what the checker read ---------------------------------------------------

const FN_LATEX: Partial<Record<Builtin, string>> = {
  exp: '\\exp',
  ln: '\\ln',
  log2: '\\log_2',
  log10: '\\log_{10}',
  sin: '\\sin',
  cos: '\\cos',
  tan: '\\tan',
  sec: '\\sec',
  csc: '\\csc',
  cot: '\\cot',
  asin: '\\arcsin',
  acos: '\\arccos',
  atan: '\\arctan',
  sinh: '\\sinh',
  cosh: '\\cosh',
  tanh: '\\tanh',
  max: '\\max',
  min: '\\min',
  sign: '\\operatorname{sign}',
  gamma: '\\Gamma',
  erf: '\\operatorname{erf}',
  erfc: '\\operatorname{erfc}',
};

const paren = (s: string) => `\\left(${s}\\right)`;

function fmtNum(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(8)));
}

/** LaTeX for an expression, with products made explicit (\cdot) and declared names kept. */
export function toTex(decls: Decls, e: Expr, prec = 0): string {
  const s = (x: Expr, p: number) => toTex(decls, x, p);
  const wrap = (inner: string, mine: number) => (mine < prec ? paren(inner) : inner);
  const nameOfKey = (k: string) =>
    decls.scalars.get(k)?.latex ??
    decls.arrays.get(k)?.latex ??
    decls.defined.get(k)?.latex ??
    decls.functions.get(k)?.latex ??
    k;
  switch (e.k) {
    case 'num':
      return wrap(fmtNum(e.v), e.v < 0 ? 1 : 9);
    case 'const':
      return e.name === 'e' ? 'e' : '\\pi';
    case 'var':
      return nameOfKey(e.key);
    case 'local':
    case 'index':
      return e.name.length > 1 ? `\\${e.name}` : e.name;
    case 'elem':
    case 'defined': {
      const n = nameOfKey(e.key);
      if (e.subs.length === 0) return n;
      const subs = e.subs.map((x) => s(x, 0));
      return `{${n}}_{${subs.join(subs.every((x) => x.length === 1) ? '' : ',')}}`;
    }
    case 'vec':
      return nameOfKey(e.key);
    case 'family':
      return `{${e.latex}}_{${s(e.sub, 0)}}`;
    case 'vnorm':
      return `\\left\\|${nameOfKey(e.key)}\\right\\|`;
    case 'vmean':
      return `\\bar{${nameOfKey(e.key)}}`;
    case 'add': {
      const out = e.args.map((a, i) => {
        if (i === 0) return s(a, 1);
        if (a.k === 'neg') return ` - ${s(a.a, 2)}`;
        if (a.k === 'num' && a.v < 0) return ` - ${fmtNum(-a.v)}`;
        return ` + ${s(a, 1)}`;
      });
      return wrap(out.join(''), 1);
    }
    case 'mul':
      return wrap(e.args.map((a) => s(a, 2)).join(' \\cdot '), 2);
    case 'neg':
      return wrap(`-${s(e.a, 2)}`, 1);
    case 'div':
      return `\\frac{${s(e.a, 0)}}{${s(e.b, 0)}}`;
    case 'pow':
      return wrap(`{${s(e.a, 9)}}^{${s(e.b, 0)}}`, 3);
    case 'fn': {
      const [a, b] = e.args;
      switch (e.name) {
        case 'sqrt':
          return `\\sqrt{${s(a!, 0)}}`;
        case 'root':
          return `\\sqrt[${s(b!, 0)}]{${s(a!, 0)}}`;
        case 'abs':
          return `\\left|${s(a!, 0)}\\right|`;
        case 'floor':
          return `\\left\\lfloor ${s(a!, 0)}\\right\\rfloor`;
        case 'ceil':
          return `\\left\\lceil ${s(a!, 0)}\\right\\rceil`;
        case 'fact':
          return wrap(`${s(a!, 9)}!`, 3);
        case 'binom':
          return `\\binom{${s(a!, 0)}}{${s(b!, 0)}}`;
        case 'logb':
          return `\\log_{${s(b!, 0)}}${paren(s(a!, 0))}`;
        case 'exp':
          return wrap(`e^{${s(a!, 0)}}`, 3);
        default:
          return `${FN_LATEX[e.name] ?? e.name}${paren(e.args.map((x) => s(x, 0)).join(', '))}`;
      }
    }
    case 'apply':
      return `${nameOfKey(e.key)}${"'".repeat(e.order)}${paren(e.args.map((x) => s(x, 0)).join(', '))}`;
    case 'dfn':
      return `${FN_LATEX[e.name] ?? e.name}${"'".repeat(e.order)}${paren(e.args.map((x) => s(x, 0)).join(', '))}`;
    case 'deriv':
      return wrap(`\\frac{\\partial}{\\partial ${s(e.wrt, 9)}}${paren(s(e.body, 0))}`, 2);
    case 'sum':
    case 'prod':
      return wrap(
        `\\${e.k}_{${e.index}=${s(e.lo, 0)}}^{${s(e.hi, 0)}} ${s(e.body, 2)}`,
        e.k === 'sum' ? 1 : 2,
      );
    case 'delta':
      return `\\delta_{${s(e.a, 0)}${s(e.b, 0)}}`;
    case 'ind': {
      const op = { '<': '<', '<=': '\\le', '>': '>', '>=': '\\ge', '=': '=', '!=': '\\ne' }[
        e.cond.op
      ];
      return `\\mathbb{1}\\left[${s(e.cond.a, 0)} ${op} ${s(e.cond.b, 0)}\\right]`;
    }
  }
}
