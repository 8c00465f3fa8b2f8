import { describe, expect, it } from 'vitest';
import { renderInlineMath } from './inline-math';

describe('inline math in metadata', () => {
  it('escapes text and renders math', () => {
    const html = renderInlineMath('a < b and $x^2$', 'errata 1');
    expect(html).toContain('a &lt; b and ');
    expect(html).toContain('class="katex"');
    expect(html).toContain('<span class="katex-html" data-pagefind-ignore');
    expect(html).toContain('<span class="katex-mathml" data-pagefind-ignore');
    expect(html, 'one readable copy for search, inside the formula').toMatch(/<span class="math-search-text" hidden>x\^2<\/span><\/span>$/);
  });

  it('names the place of a formula that does not parse', () => {
    expect(() => renderInlineMath('$\\frac{1}{$', 'content/exams/x/index.mdx, errata 3(e)')).toThrow(
      /^content\/exams\/x\/index\.mdx, errata 3\(e\): a formula does not parse in KaTeX/,
    );
  });
});
