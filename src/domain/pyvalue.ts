// Values that travel between YAML, JSON and Python. JSON cannot hold inf or NaN, and a float
// that happens to be whole (1000.0) reaches JSON as the integer 1000, so both are tagged:
// {"$float": "inf" | "-inf" | "nan" | "1000.0"}. The Python harness decodes the tag with float().

/**
 * A whole number written as a float in a template (`1000.0`), kept apart from the integer 1000
 * so Python receives a float: integer division, type() checks and overflow differ.
 */
export class PyFloat {
  /** Python's repr of the number, e.g. "1000.0", "-0.0", "1e+16". */
  readonly text: string;
  constructor(value: number) {
    this.text = pyFloatRepr(value);
  }
}

/** Python's repr of a float. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Object.is(x, -0)) return '-0.0';
  const abs = Math.abs(x);
  if (abs >= 1e16 || (abs < 1e-4 && abs > 0)) {
    // Python writes at least two exponent digits (1e-05), JavaScript one (1e-5).
    return x.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  }
  const s = String(x);
  return s.includes('.') ? s : `${s}.0`;
}

export function encodeValue(value: unknown): unknown {
  if (value instanceof PyFloat) return { $float: value.text };
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return { $float: Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf' };
  }
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeValue(v)]));
  }
  return value;
}

/** A short Python-like rendering of an encoded value, for showing inputs and results. */
export function formatValue(value: unknown, indent = 0): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : formatFloat(value);
  if (typeof value === 'string') return JSON.stringify(value).replace(/^"|"$/g, "'");
  if (Array.isArray(value)) return formatSequence(value, '[', ']', indent);
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    // inf, -inf, nan, or a whole float as Python writes it (1000.0).
    if ('$float' in o && Object.keys(o).length === 1) return String(o.$float);
    if ('$repr' in o && Object.keys(o).length === 1) return String(o.$repr);
    if ('$tuple' in o && Object.keys(o).length === 1) {
      return formatSequence(o.$tuple as unknown[], '(', ')', indent);
    }
    const items = Object.entries(o).map(([k, v]) => `'${k}': ${formatValue(v, indent)}`);
    return `{${items.join(', ')}}`;
  }
  return String(value);
}

function formatFloat(x: number): string {
  const s = Number.parseFloat(x.toPrecision(10)).toString();
  return s.includes('.') || s.includes('e') ? s : `${s}.0`;
}

function formatSequence(items: unknown[], open: string, close: string, indent: number): string {
  const isMatrix = items.length > 1 && items.every((r) => Array.isArray(r));
  if (isMatrix) {
    const pad = ' '.repeat(indent + 1);
    return `${open}${items.map((r, i) => (i ? pad : '') + formatValue(r, indent + 1)).join(',\n')}${close}`;
  }
  return `${open}${items.map((v) => formatValue(v, indent)).join(', ')}${close}`;
}

/**
 * An encoded value written back as a Python literal on one line, as the person would type it:
 * ast.literal_eval (with inf and nan as names) reads it back to the same value.
 */
export function pyLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const only = Object.keys(o).length === 1;
    if (only && '$float' in o) return String(o.$float);
    if (only && '$repr' in o) return String(o.$repr);
    if (only && '$tuple' in o) {
      const items = (o.$tuple as unknown[]).map(pyLiteral);
      return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
    }
    return `{${Object.entries(o)
      .map(([k, v]) => `${JSON.stringify(k)}: ${pyLiteral(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/** A number out of an encoded value (a plain number or a tagged float), or null. */
function asNumber(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (v !== null && typeof v === 'object' && '$float' in v && Object.keys(v).length === 1)
    return Number((v as { $float: string }).$float.replace(/^(-?)inf$/, '$1Infinity'));
  return null;
}

/**
 * Do two encoded values agree, as the harness compares them: numbers within tolerance (NaN equals
 * NaN, an infinity only itself), a tuple equal to a list with equal items, dicts by key.
 */
export function sameValue(a: unknown, b: unknown, tol: { rel: number; abs: number }): boolean {
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== null || y !== null) {
    if (x === null || y === null) return false;
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return x === y;
    return Math.abs(x - y) <= Math.max(tol.rel * Math.max(Math.abs(x), Math.abs(y)), tol.abs);
  }
  const list = (v: unknown) =>
    Array.isArray(v)
      ? v
      : v !== null && typeof v === 'object' && '$tuple' in v && Object.keys(v).length === 1
        ? ((v as { $tuple: unknown[] }).$tuple as unknown[])
        : null;
  const la = list(a);
  const lb = list(b);
  if (la || lb) {
    if (!la || !lb || la.length !== lb.length) return false;
    return la.every((v, i) => sameValue(v, lb[i], tol));
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length || ka.some((k) => !(k in b))) return false;
    return ka.every((k) =>
      sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], tol),
    );
  }
  return a === b;
}
