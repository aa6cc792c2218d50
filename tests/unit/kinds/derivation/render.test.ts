// @vitest-environment jsdom
// Rendering a step with KaTeX: errors keep KaTeX's own message and position, and a hostile
// corpus produces no link, image, script, handler or remote style, and finishes within a bound.
import { describe, expect, it } from 'vitest';
import { paintStep, renderStep } from '../../../../src/kinds/derivation/render';

const HOSTILE = [
  '\\href{javascript:alert(1)}{click}',
  '\\url{javascript:alert(1)}',
  '\\operatorname{\\href{javascript:x}{y}}',
  '\\htmlData{foo=bar}{x}',
  '\\htmlClass{evil}{x}',
  '\\htmlStyle{background:url(http://example.com/x)}{x}',
  '\\htmlId{target}{x}',
  '\\includegraphics{http://example.com/x.png}',
  '\\includegraphics[height=9in]{https://example.com/x.png}',
  '\\textcolor{javascript:alert(1)}{x}',
  '<script>alert(1)</script>',
  '\\text{<img src=x onerror=alert(1)>}',
  '\\def\\a{\\a\\a}\\a',
  '\\def\\a{x}\\def\\b{\\a\\a\\a\\a}\\def\\c{\\b\\b\\b\\b}\\def\\d{\\c\\c\\c\\c}\\d\\d\\d\\d',
  '\\gdef\\a{\\a\\a}\\a',
  '\\newcommand{\\x}{\\x\\x}\\x',
  '\\let\\frac\\href',
  '\\rule{100000em}{100000em}',
  '\\kern{100000em}x',
  `${'{'.repeat(4000)}x${'}'.repeat(4000)}`,
  `${'{'.repeat(50_000)}${'}'.repeat(50_000)}`,
  `${'\\left('.repeat(200)}x${'\\right)'.repeat(200)}`,
  '\\frac'.repeat(500),
  `${'\\sqrt{'.repeat(1000)}x${'}'.repeat(1000)}`,
];

function dom(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('rendering a step', () => {
  it('renders plain LaTeX with KaTeX, with MathML for screen readers', () => {
    const r = renderStep('\\sigma(x)\\left(1-\\sigma(x)\\right)');
    expect(r.ok).toBe(true);
    const el = dom((r as { html: string }).html);
    expect(el.querySelector('.katex-html')).not.toBeNull();
    expect(el.querySelector('math')).not.toBeNull();
  });

  it("shows KaTeX's rawMessage and the position in the step's source", () => {
    const r = renderStep('= x + \\sqrtt{2}');
    expect(r).toEqual({ ok: false, message: 'Undefined control sequence: \\sqrtt', position: 6 });
    const open = renderStep('\\frac{1}{');
    expect(open.ok).toBe(false);
    expect((open as { position: number | null }).position).toBe(9);
  });

  it('does not render a step over 10 kB, and says why', () => {
    const r = renderStep(`x + ${'y + '.repeat(3000)}z`);
    expect(r).toMatchObject({ ok: false, tooLong: true });
    expect((r as { message: string }).message).toMatch(
      /over the 10 kB limit \(it is kept as typed\)/,
    );
  });

  it('one step cannot change how another renders', () => {
    renderStep('\\def\\x{BOOM}\\x');
    const r = renderStep('\\x');
    expect(r.ok).toBe(false);
    expect((r as { message: string }).message).toMatch(/Undefined control sequence/);
  });

  it.each(HOSTILE.map((s) => [s.length > 60 ? `${s.slice(0, 60)}… (${s.length} chars)` : s, s]))(
    'hostile: %s renders nothing active',
    (_, source) => {
      const r = renderStep(source);
      if (!r.ok) {
        expect(r.message.length).toBeGreaterThan(0);
        return;
      }
      const el = dom(r.html);
      expect(
        el.querySelectorAll('a, img, script, iframe, object, embed, link, style, svg image'),
      ).toHaveLength(0);
      for (const node of el.querySelectorAll('*')) {
        for (const attr of node.getAttributeNames()) {
          expect(attr, `${node.tagName} has ${attr}`).not.toMatch(
            /^(on|href|src|xlink:href|data-|id$)/,
          );
          if (attr === 'class') expect(node.getAttribute(attr)).not.toMatch(/\bevil\b/);
        }
        expect(node.getAttribute('style') ?? '').not.toMatch(/url\(|javascript:|expression\(/i);
      }
      // Sizes are capped at maxSize (10em), so nothing covers the page.
      for (const m of r.html.matchAll(
        /(?:height|width|margin-right|border-[a-z-]+width):\s*([\d.]+)em/g,
      ))
        expect(Number(m[1])).toBeLessThanOrEqual(12);
    },
  );

  it('painting into the page (what the step editor does) is as safe: same guards, same options', () => {
    for (const source of HOSTILE) {
      const el = document.createElement('div');
      const error = paintStep(el, source);
      expect(error === null).toBe(renderStep(source).ok);
      expect(el.querySelectorAll('a, img, script, iframe, object, embed')).toHaveLength(0);
      for (const node of el.querySelectorAll('*'))
        for (const attr of node.getAttributeNames())
          expect(attr, `${node.tagName} has ${attr}`).not.toMatch(/^(on|href|src|data-|id$)/);
    }
  });

  it('finishes the whole hostile corpus within a generous bound', () => {
    const started = performance.now();
    for (const s of HOSTILE) renderStep(s);
    // A guard against a hang (a macro bomb, a stack blow-up), not a speed measurement.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
