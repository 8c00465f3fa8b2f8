import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * KaTeX renders each formula twice: MathML (read by screen readers, with the TeX source in an
 * <annotation>) and HTML (what sighted readers see, aria-hidden). A search index reading all of
 * it would hold every formula three times, the HTML half as glyph soup. Pagefind should read
 * the MathML text once, so the HTML half and the TeX annotation are marked ignored.
 *
 * Display formulas can be wider than a phone: they scroll inside their own box, which is made
 * focusable so keyboard users can scroll it too. Tables get the same treatment.
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
      }
      const classes = node.properties['className'];
      const classList = Array.isArray(classes) ? classes.map(String) : [];
      if (classList.includes('katex-html') || node.tagName === 'annotation') {
        node.properties['dataPagefindIgnore'] = '';
      }
      if (classList.includes('katex-display')) {
        node.properties['tabIndex'] = 0;
      }
    });
  };
}
