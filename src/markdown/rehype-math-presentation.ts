import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { texToText } from './tex-to-text';

/**
 * KaTeX renders each formula twice: MathML (read by screen readers, with the TeX source in an
 * <annotation>) and HTML (what sighted readers see, aria-hidden). Indexed as is, search would
 * hold every formula twice, the HTML half as glyph soup, and MathML flattens 1/2 to "12". So both
 * halves are hidden from Pagefind and each formula gets one plain-text reading ("σ(x) = 1/2 …")
 * in a `hidden` span: Pagefind indexes it, screens and screen readers skip it.
 *
 * KaTeX rendering (rehype-katex-strict.ts) calls presentFormula on each new formula. Display
 * formulas and tables can be wider than a phone: they scroll inside their own box, which
 * is made focusable so keyboard users can scroll it too.
 */
export function rehypeMathPresentation() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      // Formulas were presented when rendered (presentFormula); nothing inside them is a table.
      if (classesOf(node).includes('katex')) return SKIP;
      if (node.tagName === 'table' && parent && index !== undefined) {
        parent.children[index] = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['table-scroll'], tabIndex: 0 },
          children: [node],
        };
        return SKIP;
      }
      return undefined;
    });
  };
}

/** Presents one formula as KaTeX rendered it (`nodes`, from `tex`), in place. */
export function presentFormula(nodes: ElementContent[], tex: string): void {
  for (const root of nodes) {
    if (root.type !== 'element') continue;
    visit(root, 'element', (node: Element) => {
      const classList = classesOf(node);
      if (classList.includes('katex-html') || classList.includes('katex-mathml')) {
        node.properties['dataPagefindIgnore'] = '';
        return SKIP;
      }
      if (classList.includes('katex-display')) node.properties['tabIndex'] = 0;
      if (classList.includes('katex')) node.children.push(searchReading(texToText(tex)));
      return undefined;
    });
  }
}

function classesOf(node: Element): string[] {
  const classes = node.properties['className'];
  return Array.isArray(classes) ? classes.map(String) : [];
}

function searchReading(text: string): ElementContent {
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['math-search-text'], hidden: true },
    // Spaces keep neighbouring formulas apart in the index (consecutive display formulas).
    children: [{ type: 'text', value: ` ${text} ` }],
  };
}
