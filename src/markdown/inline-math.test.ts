import { describe, expect, it } from 'vitest';
import { renderInlineMath } from './inline-math';

describe('inline math in metadata', () => {
  it('escapes text and renders math, inline, with no wrapping paragraph', () => {
    const html = renderInlineMath('a < b and $x^2$', 'errata 1');
    expect(html, 'text is escaped').toMatch(/^a &(?:lt|#x3C);? b and <span class="katex">/);
    expect(html).not.toContain('<p>');
    expect(html).toContain('<span class="katex-html" aria-hidden="true" data-pagefind-ignore');
    expect(html).toContain('<span class="katex-mathml" data-pagefind-ignore');
    expect(html, 'one readable copy for search, inside the formula').toMatch(
      /<span class="math-search-text" hidden> x\^2 <\/span><\/span>$/,
    );
  });

  it('goes through the same presentation as page content (one reading per formula)', () => {
    const html = renderInlineMath('$Var(W^{[l]}) = \\frac{1}{n^{[l-1]}}$', 'errata 3(e)');
    expect(html.match(/math-search-text/g), 'exactly one reading').toHaveLength(1);
    expect(html).toContain('> Var(W^[l]) = 1/(n^[l−1]) </span>');
  });

  it('leaves text without math as plain text', () => {
    expect(renderInlineMath("He'd like your help in calculating its gradient.", 'errata 2(c)')).toBe(
      "He'd like your help in calculating its gradient.",
    );
    expect(renderInlineMath('Shapes of W[2] and b[2]', 'part i title'), 'brackets are not links').toBe(
      'Shapes of W[2] and b[2]',
    );
  });

  it('names the place of a formula that does not parse', () => {
    expect(() => renderInlineMath('$\\frac{1}{$', 'content/exams/x/index.mdx, errata 3(e)')).toThrow(
      /^content\/exams\/x\/index\.mdx, errata 3\(e\): a formula does not parse in KaTeX/,
    );
  });

  it('rejects block content, which cannot sit inside a title or sentence', () => {
    expect(() => renderInlineMath('one\n\ntwo', 'content/exams/x/01-y.mdx, part a title')).toThrow(
      'content/exams/x/01-y.mdx, part a title: must be a single line of text and math',
    );
  });
});

describe('inline math rendered once per title', () => {
  it('gives the same HTML when a title is met again, and names each place a bad title is met', () => {
    const first = renderInlineMath('Shapes of $W^{[2]}$', 'content/exams/x/01-y.mdx, part a title');
    expect(renderInlineMath('Shapes of $W^{[2]}$', 'mock exam'), 'the second rendering').toBe(first);
    expect(() => renderInlineMath('$\\frac{$', 'first place')).toThrow(/^first place: /);
    expect(() => renderInlineMath('$\\frac{$', 'second place'), 'failures are not remembered').toThrow(
      /^second place: /,
    );
  });
});
