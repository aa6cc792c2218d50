// Markdown with $…$ and $$…$$ math, rendered by KaTeX. Raw HTML in the source is shown as
// text, never interpreted; a math error shows KaTeX's message and position in place of that
// formula and never breaks the rest of the page.
import katex from 'katex';
import { Marked, type TokenizerAndRendererExtension } from 'marked';

export interface MathError {
  source: string;
  message: string;
  position: number | null;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderMath(
  source: string,
  displayMode: boolean,
): { html: string; error: MathError | null } {
  try {
    return {
      html: katex.renderToString(source, {
        displayMode,
        throwOnError: true,
        strict: 'ignore',
        output: 'html',
      }),
      error: null,
    };
  } catch (e) {
    if (e instanceof katex.ParseError) {
      const err = e as katex.ParseError & { rawMessage?: string; position?: number };
      const error = {
        source,
        message: err.rawMessage ?? 'cannot parse',
        position: err.position ?? null,
      };
      const where = error.position !== null ? ` at position ${error.position}` : '';
      const html = `<span class="math-error" role="note" title="${escapeHtml(error.message)}"><code>${escapeHtml(source)}</code> <span class="math-error-msg">LaTeX error${where}: ${escapeHtml(error.message)}</span></span>`;
      return { html, error };
    }
    throw e;
  }
}

const mathBlock: TokenizerAndRendererExtension = {
  name: 'mathBlock',
  level: 'block',
  start: (src) => src.match(/\$\$/)?.index,
  tokenizer(src) {
    const m = /^\$\$([\s\S]+?)\$\$(?:\n|$)/.exec(src);
    if (m) return { type: 'mathBlock', raw: m[0], text: m[1]!.trim() };
    return undefined;
  },
  renderer: (token) =>
    `<div class="math-display">${renderMath(token.text as string, true).html}</div>\n`,
};

const mathInline: TokenizerAndRendererExtension = {
  name: 'mathInline',
  level: 'inline',
  start: (src) => src.match(/\$/)?.index,
  tokenizer(src) {
    const display = /^\$\$([^$]+?)\$\$/.exec(src);
    if (display)
      return { type: 'mathInline', raw: display[0], text: display[1]!.trim(), display: true };
    // $…$ with no space just inside the dollars, so "costs $5 and $10" stays text.
    const m = /^\$(?!\s)((?:\\\$|[^$\n])+?)(?<!\s)\$(?!\d)/.exec(src);
    if (m) return { type: 'mathInline', raw: m[0], text: m[1]!, display: false };
    return undefined;
  },
  renderer: (token) => renderMath(token.text as string, Boolean(token.display)).html,
};

const marked = new Marked({
  gfm: true,
  breaks: false,
  extensions: [mathBlock, mathInline],
  renderer: {
    html: ({ text }) => escapeHtml(text),
    link({ href, title, tokens }) {
      const text = this.parser.parseInline(tokens);
      const safe = /^(https?:|#|mailto:)/i.test(href) ? href : '#';
      const t = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(safe)}"${t} rel="noreferrer noopener" target="_blank">${text}</a>`;
    },
    image: ({ text }) => escapeHtml(text),
  },
});

export function renderMarkdown(source: string): string {
  return marked.parse(source, { async: false }) as string;
}

/** Every math error in a Markdown source, for showing a summary beside an editor. */
export function mathErrors(source: string): MathError[] {
  const errors: MathError[] = [];
  const re = /\$\$([\s\S]+?)\$\$|\$(?!\s)((?:\\\$|[^$\n])+?)(?<!\s)\$(?!\d)/g;
  for (const m of source.matchAll(re)) {
    const tex = (m[1] ?? m[2])!;
    const { error } = renderMath(tex.trim(), Boolean(m[1]));
    if (error) errors.push(error);
  }
  return errors;
}
