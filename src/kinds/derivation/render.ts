// One step of LaTeX to HTML, safe by construction: KaTeX with trust off (no \href, \url,
// \includegraphics, \htmlData…), bounded macro expansion and sizes, no macro definitions, a
// nesting and a length limit, and every error caught. The HTML is KaTeX's own output: the
// source's characters are escaped by KaTeX, never passed through.
import katex from 'katex';
import { MAX_STEP_CHARS } from './limits';

export type Rendered =
  | { ok: true; html: string }
  /** message is KaTeX's rawMessage (or ours); position indexes the step's source. */
  | { ok: false; message: string; position: number | null; tooLong?: boolean };

/** Deeper than this, KaTeX's recursion (and the reader) gives up long before it matters. */
const MAX_DEPTH = 60;
const DEFINITIONS =
  /\\(?:def|gdef|edef|xdef|let|futurelet|newcommand|renewcommand|providecommand|global|expandafter|noexpand|long|outer)(?![A-Za-z])/;

export const KATEX_OPTIONS = {
  throwOnError: true,
  trust: false,
  strict: 'ignore',
  maxExpand: 500,
  maxSize: 10,
  output: 'htmlAndMathml',
} as const;

export type RenderError = Extract<Rendered, { ok: false }>;

/** The guards every rendering passes first: length, macro definitions, nesting. */
function refuse(source: string): RenderError | null {
  if (source.length > MAX_STEP_CHARS) {
    return {
      ok: false,
      message: `not rendered: this step is ${Math.round(source.length / 1000)} kB, over the 10 kB limit (it is kept as typed)`,
      position: null,
      tooLong: true,
    };
  }
  const def = DEFINITIONS.exec(source);
  if (def) {
    return {
      ok: false,
      message: `${def[0]} is switched off here: steps cannot define macros`,
      position: def.index,
    };
  }
  const deep = tooDeep(source);
  if (deep !== null) return { ok: false, message: 'nested too deeply to render', position: deep };
  return null;
}

function caught(e: unknown): RenderError {
  if (e instanceof katex.ParseError) {
    const err = e as katex.ParseError & { rawMessage?: string; position?: number };
    return {
      ok: false,
      message: err.rawMessage ?? 'cannot be rendered',
      position: typeof err.position === 'number' ? err.position : null,
    };
  }
  return {
    ok: false,
    message: `cannot be rendered (${(e as Error)?.message ?? e})`,
    position: null,
  };
}

export function renderStep(source: string, displayMode = false): Rendered {
  const no = refuse(source);
  if (no) return no;
  try {
    // A fresh macros object each time, so nothing one step does can reach another.
    const html = katex.renderToString(source, { ...KATEX_OPTIONS, displayMode, macros: {} });
    return { ok: true, html };
  } catch (e) {
    return caught(e);
  }
}

/**
 * Renders a step straight into `el` (KaTeX builds the nodes; no HTML string is parsed), with the
 * same guards and options as renderStep. On an error `el` is emptied and the error returned.
 */
export function paintStep(el: HTMLElement, source: string): RenderError | null {
  const no = refuse(source);
  if (!no) {
    try {
      katex.render(source, el, { ...KATEX_OPTIONS, macros: {} });
      return null;
    } catch (e) {
      el.textContent = '';
      return caught(e);
    }
  }
  el.textContent = '';
  return no;
}

/** Where brace or \left nesting first exceeds the limit, or null. */
function tooDeep(s: string): number | null {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      const cmd = /^\\([A-Za-z]+|.)/.exec(s.slice(i, i + 40))?.[1] ?? '';
      if (cmd === 'left') depth++;
      else if (cmd === 'right') depth--;
      i += cmd.length;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    if (depth > MAX_DEPTH) return i;
  }
  return null;
}
