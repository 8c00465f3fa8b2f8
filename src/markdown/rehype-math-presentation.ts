import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { texToText } from './tex-to-text';

/**
 * KaTeX renders each formula twice: MathML (read by screen readers, with the TeX source in an
 * <annotation>) and HTML (what sighted readers see, aria-hidden). Indexed as is, search would
 * hold every formula twice, the HTML half as glyph soup, and MathML flattens 1/2 to "12". So both
 * halves are hidden from Pagefind and each formula gets one plain-text reading ("σ(x) = 1/2 …")
 * in a `hidden` span: Pagefind indexes it, screens and screen readers skip it.
 *
 * Display formulas and tables can be wider than a phone: they scroll inside their own box, which
 * is made focusable so keyboard users can scroll it too.
 */
export function rehypeMathPresentation() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'table' && parent && index !== undefined) {
        parent.children[index] = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['table-scroll'], tabIndex: 0 },
          children: [node],
        };
        return;
      }
      const classList = classesOf(node);
      if (classList.includes('katex-html') || classList.includes('katex-mathml')) {
        node.properties['dataPagefindIgnore'] = '';
      }
      if (classList.includes('katex-display')) {
        node.properties['tabIndex'] = 0;
      }
      if (classList.includes('katex')) {
        const tex = findAnnotation(node);
        if (tex !== undefined) node.children.push(searchReading(texToText(tex)));
      }
    });
  };
}

function classesOf(node: Element): string[] {
  const classes = node.properties['className'];
  return Array.isArray(classes) ? classes.map(String) : [];
}

function findAnnotation(node: Element): string | undefined {
  let tex: string | undefined;
  visit(node, 'element', (child: Element) => {
    if (child.tagName === 'annotation') tex = toText(child);
  });
  return tex;
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
