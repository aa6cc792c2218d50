// Arithmetic over named facts, for back-of-the-envelope estimates: numbers, names, + - * / ^ and
// parentheses, nothing else. A small recursive-descent parser (no eval, no Function), so
// check:rounds can recompute every template's reference and say where a formula is wrong.

export type FormulaResult =
  | { ok: true; value: number }
  | { ok: false; error: string; position: number };

type Token =
  | { t: 'num'; v: number; at: number }
  | { t: 'name'; v: string; at: number }
  | { t: 'op'; v: '+' | '-' | '*' | '/' | '^' | '(' | ')'; at: number };

class FormulaError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      i++;
      continue;
    }
    const num = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) {
      out.push({ t: 'name', v: name[0], at: i });
      i += name[0].length;
      continue;
    }
    if ('+-*/^()'.includes(c)) {
      out.push({ t: 'op', v: c as '+', at: i });
      i++;
      continue;
    }
    throw new FormulaError(
      `"${c}" is not allowed (use numbers, fact names, + - * / ^ and parentheses)`,
      i,
    );
  }
  return out;
}

/** The fact names a formula uses, in order of first use; throws nothing. */
export function formulaNames(src: string): string[] {
  try {
    return [...new Set(tokenize(src).flatMap((t) => (t.t === 'name' ? [t.v] : [])))];
  } catch {
    return [];
  }
}

/**
 * Evaluates a formula with the given values. ^ binds tighter than unary minus and is
 * right-associative (-2^2 = -4, 2^3^2 = 512), as in ordinary notation.
 */
export function evaluateFormula(src: string, values: Record<string, number>): FormulaResult {
  try {
    const tokens = tokenize(src);
    if (tokens.length === 0) throw new FormulaError('is empty', 0);
    let pos = 0;
    const peek = () => tokens[pos];
    const isOp = (v: string) => {
      const t = peek();
      return t?.t === 'op' && t.v === v;
    };
    const end = () => (tokens.at(-1) ? tokens.at(-1)!.at + 1 : 0);

    const expr = (): number => {
      let v = term();
      while (isOp('+') || isOp('-')) {
        const op = (tokens[pos++] as { v: string }).v;
        const r = term();
        v = op === '+' ? v + r : v - r;
      }
      return v;
    };
    const term = (): number => {
      let v = unary();
      while (isOp('*') || isOp('/')) {
        const tok = tokens[pos++]!;
        const r = unary();
        if (tok.v === '/' && r === 0) throw new FormulaError('divides by zero', tok.at);
        v = tok.v === '*' ? v * r : v / r;
      }
      return v;
    };
    const unary = (): number => {
      if (isOp('-')) {
        pos++;
        return -unary();
      }
      if (isOp('+')) {
        pos++;
        return unary();
      }
      return power();
    };
    const power = (): number => {
      const base = primary();
      if (isOp('^')) {
        pos++;
        return base ** unary();
      }
      return base;
    };
    const primary = (): number => {
      const t = peek();
      if (!t) throw new FormulaError('ends too early', end());
      pos++;
      if (t.t === 'num') return t.v;
      if (t.t === 'name') {
        if (!Object.hasOwn(values, t.v))
          throw new FormulaError(`"${t.v}" is not one of its inputs`, t.at);
        return values[t.v]!;
      }
      if (t.v === '(') {
        const v = expr();
        if (!isOp(')')) throw new FormulaError('a "(" is never closed', t.at);
        pos++;
        return v;
      }
      throw new FormulaError(`unexpected "${t.v}"`, t.at);
    };

    const value = expr();
    if (pos < tokens.length) {
      const t = tokens[pos]!;
      throw new FormulaError(`unexpected "${t.v}"`, t.at);
    }
    if (!Number.isFinite(value)) throw new FormulaError('does not give a finite number', 0);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof FormulaError) return { ok: false, error: e.message, position: e.position };
    throw e;
  }
}
