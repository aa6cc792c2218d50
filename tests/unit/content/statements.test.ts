// Every coding statement renders its math: an inline $…$ broken over two lines reaches the
// person as raw LaTeX between dollar signs.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mathErrors, renderMarkdown } from '../../../src/ui/markdown';

const DIR = resolve(import.meta.dirname, '../../../rounds/coding');

describe('coding statements', () => {
  it('leave no unrendered $…$ and no LaTeX errors', () => {
    const problems: string[] = [];
    for (const id of readdirSync(DIR).sort()) {
      const source = readFileSync(resolve(DIR, id, 'statement.md'), 'utf8');
      for (const e of mathErrors(source)) problems.push(`${id}: ${e.message}`);
      // What is left once KaTeX's output and code spans are taken out must hold no dollar.
      const text = renderMarkdown(source)
        .replace(/<span class="katex[\s\S]*?<\/annotation>/g, '')
        .replace(/<code>[\s\S]*?<\/code>/g, '')
        .replace(/<[^>]+>/g, '');
      for (const line of text.split('\n')) if (line.includes('$')) problems.push(`${id}: ${line}`);
    }
    expect(problems).toEqual([]);
  });
});
