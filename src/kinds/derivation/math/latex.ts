// From one line of LaTeX to MathJSON parts. The line is split at its top-level relations (=, ≤,
// ⇒ …) here, so every part keeps its offset in the line and a parse error points at the right
// character; each part is parsed by compute-engine's standalone LaTeX parser (no engine, no eval).
import { LatexSyntax } from '@cortex-js/compute-engine/latex-syntax';

export type MathJson = unknown;

export type Relation = '=' | '<' | '>' | '<=' | '>=' | '!=' | '~' | '=>' | '<=>' | 'prop';

const RELATION_COMMANDS: Record<string, Relation> = {
  '\\le': '<=',
  '\\leq': '<=',
  '\\leqslant': '<=',
  '\\ge': '>=',
  '\\geq': '>=',
  '\\geqslant': '>=',
  '\\lt': '<',
  '\\gt': '>',
  '\\ne': '!=',
  '\\neq': '!=',
  '\\approx': '~',
  '\\simeq': '~',
  '\\sim': '~',
  '\\propto': 'prop',
  '\\equiv': '=',
  '\\coloneqq': '=',
  '\\Rightarrow': '=>',
  '\\implies': '=>',
  '\\Longrightarrow': '=>',
  '\\iff': '<=>',
  '\\Leftrightarrow': '<=>',
  '\\Longleftrightarrow': '<=>',
};

export interface Part {
  text: string;
  /** Where the part's text starts in the line. */
  offset: number;
}

export interface SplitLine {
  parts: Part[];
  /** relations[i] stands between parts[i] and parts[i + 1]. */
  relations: Relation[];
}

/** Splits a line at relations outside any braces, brackets or parentheses. */
export function splitRelations(line: string): SplitLine {
  const parts: Part[] = [];
  const relations: Relation[] = [];
  let depth = 0;
  let start = 0;
  const cut = (end: number, next: number, rel: Relation) => {
    parts.push(trimPart(line, start, end));
    relations.push(rel);
    start = next;
  };
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '\\') {
      const m = /^\\([A-Za-z]+|.)/.exec(line.slice(i));
      const cmd = m ? m[0] : '\\';
      const rel = RELATION_COMMANDS[cmd];
      if (rel && depth === 0) cut(i, i + cmd.length, rel);
      i += cmd.length;
      continue;
    }
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      if (c === '=') {
        // ":=" defines, "==" is a typo for "="; both read as "=".
        const end = line[i - 1] === ':' ? i - 1 : i;
        const next = line[i + 1] === '=' ? i + 2 : i + 1;
        cut(end, next, '=');
        i = next;
        continue;
      }
      if (c === '<' || c === '>') {
        const eq = line[i + 1] === '=';
        cut(i, i + (eq ? 2 : 1), c === '<' ? (eq ? '<=' : '<') : eq ? '>=' : '>');
        i += eq ? 2 : 1;
        continue;
      }
    }
    i++;
  }
  parts.push(trimPart(line, start, line.length));
  return { parts, relations };
}

function trimPart(line: string, start: number, end: number): Part {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(line[s]!)) s++;
  while (e > s && /\s/.test(line[e - 1]!)) e--;
  return { text: line.slice(s, e), offset: s };
}

let syntax: LatexSyntax | null = null;
function parser(): LatexSyntax {
  syntax ??= new LatexSyntax();
  return syntax;
}

export type Parsed =
  | { ok: true; json: MathJson }
  | { ok: false; reason: string; position?: number };

const ERROR_TEXT: Record<string, string> = {
  'unexpected-command': 'a command the checker does not know',
  'unknown-command': 'a command the checker does not know',
  'expected-closing-delimiter': 'a closing brace or bracket is missing',
  'expected-open-delimiter': 'an opening brace or bracket is missing',
  'unexpected-closing-delimiter': 'an unmatched closing bracket',
  'unexpected-delimiter': 'an unmatched bracket',
  'unexpected-operator': 'an operator with nothing on one side',
  'unexpected-token': 'an unexpected symbol',
  missing: 'something is missing here',
  'expected-argument': 'a command is missing its argument',
  'unbalanced-environment': 'a \\begin without its \\end',
};

const cache = new Map<string, Parsed>();

/** Parses one part. `offset` shifts positions from the part to the line. */
export function parsePart(part: Part): Parsed {
  const key = part.text;
  let r = cache.get(key);
  if (!r) {
    r = parseUncached(part.text);
    if (cache.size > 5000) cache.clear();
    cache.set(key, r);
  }
  if (r.ok || r.position === undefined) return r;
  return { ...r, position: r.position + part.offset };
}

// Layout-only commands the parser does not know, blanked to spaces so offsets stay put.
const LAYOUT = /\\(?:limits|nolimits|displaystyle|textstyle|scriptstyle)(?![A-Za-z])/g;

/** MathJSON back to LaTeX (for naming a symbol in a message). */
export function toLatex(json: MathJson): string {
  return parser().serialize(json as never);
}

function parseUncached(raw: string): Parsed {
  if (raw === '') return { ok: false, reason: 'nothing is written here' };
  const text = raw.replace(LAYOUT, (m) => ' '.repeat(m.length));
  let json: MathJson;
  try {
    json = parser().parse(text);
  } catch (e) {
    const msg = (e as Error)?.message ?? String(e);
    return {
      ok: false,
      reason: /call stack/i.test(msg) ? 'too deeply nested to read' : `cannot read it (${msg})`,
    };
  }
  if (json === null || json === undefined) return { ok: false, reason: 'nothing to read here' };
  const err = findError(json);
  if (err) {
    // The parser misses ∂x̂/∂x written with the numerator on top; ∂/∂x (x̂) it reads.
    const moved = derivativeOperandsOut(text);
    if (moved !== text) {
      try {
        const again = parser().parse(moved);
        if (again !== null && !findError(again)) return { ok: true, json: again };
      } catch {
        // Keep the first error.
      }
    }
    return { ok: false, ...err };
  }
  return { ok: true, json };
}

/** The end of the balanced {…} group starting at `open`, or -1. */
function groupEnd(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** \frac{\partial f}{\partial x} → \frac{\partial}{\partial x}\left(f\right), everywhere. */
export function derivativeOperandsOut(s: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const at = s.indexOf('\\frac{', i);
    if (at < 0) return out + s.slice(i);
    const a = at + 5;
    const aEnd = groupEnd(s, a);
    const bEnd = aEnd >= 0 && s[aEnd + 1] === '{' ? groupEnd(s, aEnd + 1) : -1;
    const top = aEnd >= 0 ? s.slice(a + 1, aEnd) : '';
    const m = /^\s*(\\partial|d|\\mathrm\{d\})(\^\{?\d\}?)?(?![A-Za-z])\s*(\S[\s\S]*)$/.exec(top);
    if (bEnd < 0 || !m) {
      out += s.slice(i, a);
      i = a;
      continue;
    }
    out += `${s.slice(i, at)}\\frac{${m[1]}${m[2] ?? ''}}${s.slice(aEnd + 1, bEnd + 1)}\\left(${m[3]}\\right)`;
    i = bEnd + 1;
  }
}

function findError(node: MathJson): { reason: string; position?: number } | null {
  if (Array.isArray(node)) {
    if (node[0] === 'Error') return describeError(node, undefined);
    for (const child of node) {
      const e = findError(child);
      if (e) return e;
    }
    return null;
  }
  if (node && typeof node === 'object') {
    const o = node as { fn?: unknown[]; sourceOffsets?: [number, number] };
    if (Array.isArray(o.fn)) {
      if (o.fn[0] === 'Error') return describeError(o.fn, o.sourceOffsets?.[0]);
      for (const child of o.fn) {
        const e = findError(child);
        if (e) {
          if (e.position === undefined && o.sourceOffsets) e.position = o.sourceOffsets[0];
          return e;
        }
      }
    }
  }
  return null;
}

function describeError(fn: unknown[], position: number | undefined) {
  const code = strOf(fn[1]) ?? 'unreadable';
  const what = ERROR_TEXT[code] ?? code.replace(/-/g, ' ');
  const src = Array.isArray(fn[2]) && fn[2][0] === 'LatexString' ? strOf(fn[2][1]) : null;
  const reason = src ? `${what}: ${src}` : what;
  return position === undefined ? { reason } : { reason, position };
}

function strOf(x: unknown): string | null {
  if (typeof x === 'string') return x.replace(/^'|'$/g, '');
  if (x && typeof x === 'object' && 'str' in x) return String((x as { str: unknown }).str);
  return null;
}
