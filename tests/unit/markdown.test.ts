import { describe, expect, it } from 'vitest';
import { mathErrors, renderMarkdown } from '../../src/ui/markdown';

describe('Markdown with math', () => {
  it('renders inline and display math with KaTeX', () => {
    const html = renderMarkdown('The gradient $\\nabla_w L$ is\n\n$$\\sigma(x)(1-\\sigma(x))$$\n');
    expect(html).toContain('class="katex"');
    expect(html).toContain('katex-display');
  });

  it('leaves prices alone: "$5 and $10" is text, not math', () => {
    expect(renderMarkdown('It costs $5 and $10.')).not.toContain('katex');
  });

  it('shows invalid LaTeX as an error with its position, keeping the rest', () => {
    const html = renderMarkdown('Before $\\frac{1}{$ after **bold**');
    expect(html).toContain('math-error');
    expect(html).toContain('<strong>bold</strong>');
    const errs = mathErrors('ok $x^2$ then $\\sqrtt{2}$');
    expect(errs).toHaveLength(1);
    expect(errs[0]!.message).toMatch(/Undefined control sequence: \\sqrtt/);
    expect(errs[0]!.position).toBe(0);
  });

  it('shows raw HTML as text and drops unsafe links', () => {
    const html = renderMarkdown('<img src=x onerror=alert(1)> [x](javascript:alert(1))');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img');
    expect(html).not.toContain('javascript:');
  });
});
