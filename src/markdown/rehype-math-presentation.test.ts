import type { Element, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { presentFormula } from './rehype-math-presentation';

const present = (tex: string, display: boolean) =>
  presentFormula(katex.renderToString(tex, { displayMode: display }), tex, display);

const elements = (nodes: readonly RootContent[]): Element[] =>
  nodes.filter((node): node is Element => node.type === 'element');
const classOf = (node: Element) => String(node.properties['className']).replaceAll(',', ' ');

describe('a formula presented from KaTeX’s markup', () => {
  it('inline: both halves hidden from search, then one reading, all inside .katex', () => {
    const [katexSpan] = elements(fromHtml(present('\\frac{x}{2} < 1', false), { fragment: true }).children);
    expect(classOf(katexSpan!)).toBe('katex');
    const [mathml, visual, reading] = elements(katexSpan!.children);
    expect(classOf(mathml!)).toBe('katex-mathml');
    expect(mathml!.properties['dataPagefindIgnore'], 'the MathML half is ignored').toBe('');
    expect(classOf(visual!)).toBe('katex-html');
    expect(visual!.properties['dataPagefindIgnore'], 'the visual half is ignored').toBe('');
    expect(classOf(reading!)).toBe('math-search-text');
    expect(reading!.properties['hidden']).toBe(true);
    expect(reading!.children).toEqual([{ type: 'text', value: ' x/2 < 1 ', position: expect.anything() as unknown }]);
    expect(katexSpan!.children, 'nothing after the reading').toHaveLength(3);
  });

  it('display: the box is focusable and the reading sits inside its .katex', () => {
    const html = present('x = 1', true);
    expect(html).toMatch(/^<span class="katex-display" tabindex="0"><span class="katex">/);
    const [box] = elements(fromHtml(html, { fragment: true }).children);
    const [katexSpan] = elements(box!.children);
    expect(elements(katexSpan!.children).map(classOf)).toEqual(['katex-mathml', 'katex-html', 'math-search-text']);
  });

  it('a formula whose text spells KaTeX’s markup cannot forge it', () => {
    const html = present('\\text{<span class="katex-html" aria-hidden="true"> \\& </span>}', false);
    expect(html.match(/data-pagefind-ignore/g), 'one mark per half, no more').toHaveLength(2);
    expect(html, 'the reading escapes the text').toContain('hidden> &#x3C;span class = "katex−html"');
  });

  it('fails, naming the formula, on markup of another shape', () => {
    expect(() => presentFormula('<span class="katex-error">x</span>', 'x', false)).toThrow(
      /does not know \(\$x\$: <span class="katex-error">/,
    );
    expect(() => presentFormula(katex.renderToString('x'), 'x', true), 'inline markup said to be display').toThrow(
      'does not know',
    );
  });
});
