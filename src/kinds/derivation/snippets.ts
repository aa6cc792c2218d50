// What the palette inserts and what typing "\" offers: LaTeX with § where the cursor lands.
export interface Snippet {
  /** The button's text (or the completion's command). */
  label: string;
  /** For screen readers and the tooltip. */
  name: string;
  tex: string;
}

const GREEK_CODE: Record<string, number> = {
  alpha: 0x3b1,
  beta: 0x3b2,
  gamma: 0x3b3,
  delta: 0x3b4,
  epsilon: 0x3b5,
  eta: 0x3b7,
  theta: 0x3b8,
  lambda: 0x3bb,
  mu: 0x3bc,
  pi: 0x3c0,
  sigma: 0x3c3,
  tau: 0x3c4,
  phi: 0x3c6,
  omega: 0x3c9,
  Sigma: 0x3a3,
};

export const PALETTE: { group: string; items: Snippet[] }[] = [
  {
    group: 'Structures',
    items: [
      { label: 'a/b', name: 'fraction', tex: '\\frac{§}{}' },
      { label: 'xⁿ', name: 'power', tex: '^{§}' },
      { label: 'xᵢ', name: 'subscript', tex: '_{§}' },
      { label: '√', name: 'square root', tex: '\\sqrt{§}' },
      { label: '( )', name: 'parentheses', tex: '\\left(§\\right)' },
      { label: 'Σ', name: 'sum', tex: '\\sum_{i=1}^{n} §' },
      { label: 'Π', name: 'product', tex: '\\prod_{i=1}^{n} §' },
      { label: '∂/∂x', name: 'partial derivative', tex: '\\frac{\\partial §}{\\partial }' },
      { label: 'd/dx', name: 'derivative', tex: '\\frac{d}{dx}§' },
      { label: '∇', name: 'gradient', tex: '\\nabla_{§}' },
      { label: 'log', name: 'logarithm', tex: '\\log\\left(§\\right)' },
      { label: 'exp', name: 'exponential', tex: 'e^{§}' },
    ],
  },
  {
    group: 'Statistics and linear algebra',
    items: [
      { label: '𝔼', name: 'expectation', tex: '\\mathbb{E}\\left[§\\right]' },
      { label: 'Var', name: 'variance', tex: '\\operatorname{Var}\\left(§\\right)' },
      { label: 'xᵀ', name: 'transpose', tex: '^{\\top}§' },
      { label: '‖x‖', name: 'norm', tex: '\\left\\|§\\right\\|' },
      { label: '𝟙', name: 'indicator', tex: '\\mathbb{1}\\left[§\\right]' },
      { label: 'δᵢⱼ', name: 'Kronecker delta', tex: '\\delta_{ij}§' },
      { label: '[ ]', name: 'matrix', tex: '\\begin{pmatrix} § & \\\\  & \\end{pmatrix}' },
      { label: '·', name: 'times (dot)', tex: '\\cdot §' },
      { label: '≤', name: 'less or equal', tex: '\\le §' },
    ],
  },
  {
    group: 'Greek letters',
    items: [
      'alpha',
      'beta',
      'gamma',
      'delta',
      'epsilon',
      'eta',
      'theta',
      'lambda',
      'mu',
      'pi',
      'sigma',
      'tau',
      'phi',
      'omega',
      'Sigma',
    ].map((g) => ({
      label: String.fromCodePoint(GREEK_CODE[g]!),
      name: g,
      tex: `\\${g} §`,
    })),
  },
];

/** Commands offered after "\", most used first. */
export const COMMANDS: Snippet[] = [
  ['frac', 'fraction', '\\frac{§}{}'],
  ['sum', 'sum', '\\sum_{§}^{}'],
  ['prod', 'product', '\\prod_{§}^{}'],
  ['partial', 'partial', '\\partial §'],
  ['nabla', 'gradient', '\\nabla §'],
  ['sqrt', 'square root', '\\sqrt{§}'],
  ['left(', 'parentheses', '\\left(§\\right)'],
  ['left[', 'brackets', '\\left[§\\right]'],
  ['log', 'logarithm', '\\log §'],
  ['ln', 'natural logarithm', '\\ln §'],
  ['exp', 'exponential', '\\exp §'],
  ['cdot', 'dot', '\\cdot §'],
  ['times', 'times', '\\times §'],
  ['top', 'transpose', '\\top §'],
  ['mathbb{E}', 'expectation', '\\mathbb{E}\\left[§\\right]'],
  ['operatorname{Var}', 'variance', '\\operatorname{Var}\\left(§\\right)'],
  ['mathbb{1}', 'indicator', '\\mathbb{1}\\left[§\\right]'],
  ['delta', 'delta', '\\delta §'],
  ['sigma', 'sigma', '\\sigma §'],
  ['mu', 'mu', '\\mu §'],
  ['lambda', 'lambda', '\\lambda §'],
  ['alpha', 'alpha', '\\alpha §'],
  ['beta', 'beta', '\\beta §'],
  ['gamma', 'gamma', '\\gamma §'],
  ['epsilon', 'epsilon', '\\epsilon §'],
  ['eta', 'eta', '\\eta §'],
  ['theta', 'theta', '\\theta §'],
  ['pi', 'pi', '\\pi §'],
  ['tau', 'tau', '\\tau §'],
  ['phi', 'phi', '\\phi §'],
  ['omega', 'omega', '\\omega §'],
  ['Sigma', 'capital sigma', '\\Sigma §'],
  ['hat', 'hat', '\\hat{§}'],
  ['bar', 'bar', '\\bar{§}'],
  ['tilde', 'tilde', '\\tilde{§}'],
  ['mathbf', 'bold', '\\mathbf{§}'],
  ['le', 'less or equal', '\\le §'],
  ['ge', 'greater or equal', '\\ge §'],
  ['ne', 'not equal', '\\ne §'],
  ['approx', 'approximately', '\\approx §'],
  ['infty', 'infinity', '\\infty §'],
  ['tanh', 'tanh', '\\tanh §'],
  ['max', 'max', '\\max §'],
  ['min', 'min', '\\min §'],
  ['operatorname{tr}', 'trace', '\\operatorname{tr}\\left(§\\right)'],
  ['operatorname{diag}', 'diagonal matrix', '\\operatorname{diag}\\left(§\\right)'],
  ['left\\|', 'norm', '\\left\\|§\\right\\|'],
  ['text', 'text', '\\text{§}'],
  ['quad', 'space', '\\quad §'],
  ['begin{pmatrix}', 'matrix', '\\begin{pmatrix} § & \\\\  & \\end{pmatrix}'],
].map(([label, name, tex]) => ({ label: `\\${label}`, name: name!, tex: tex! }));

/** Completions for the command being typed before the caret, best first. */
export function completions(query: string, limit = 8): Snippet[] {
  const q = query.toLowerCase();
  const starts = COMMANDS.filter((c) => c.label.slice(1).toLowerCase().startsWith(q));
  const inside = COMMANDS.filter(
    (c) => !starts.includes(c) && c.label.slice(1).toLowerCase().includes(q) && q.length > 1,
  );
  return [...starts, ...inside].slice(0, limit);
}

/** Inserts a snippet over [from, to) and returns the new text and where the caret goes. */
export function insertSnippet(
  text: string,
  from: number,
  to: number,
  snippet: string,
): { text: string; caret: number } {
  const at = snippet.indexOf('§');
  const clean = snippet.replace('§', '');
  return {
    text: text.slice(0, from) + clean + text.slice(to),
    caret: from + (at < 0 ? clean.length : at),
  };
}

/** The "\command" being typed just before the caret, if any. */
export function commandBefore(text: string, caret: number): { from: number; query: string } | null {
  const m = /\\([A-Za-z]*)$/.exec(text.slice(0, caret));
  if (!m) return null;
  // "\\" is a line break in LaTeX, not the start of a command.
  if (text[m.index - 1] === '\\') return null;
  return { from: m.index, query: m[1]! };
}
