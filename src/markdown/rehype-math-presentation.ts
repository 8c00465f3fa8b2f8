import type { Element, Root } from 'hast';
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

const KATEX_OPEN = '<span class="katex">';
const DISPLAY_OPEN = '<span class="katex-display">';
const MATHML_OPEN = '<span class="katex-mathml">';
const HTML_OPEN = '<span class="katex-html" aria-hidden="true">';

/**
 * One formula as KaTeX's renderToString wrote it (`html`, from `tex`), presented: both halves
 * hidden from search, the plain-text reading added as the last child of `.katex`, a display
 * formula's box made focusable. It works on KaTeX's markup as written, since KaTeX writes each of
 * these elements once, with these attributes, and escapes the quotes of any text, so a formula
 * cannot forge them; parsing each formula into a tree and printing it again took 0.17 s of the
 * real site's build. Markup of any other shape (another KaTeX) fails the build, saying so.
 */
export function presentFormula(html: string, tex: string, display: boolean): string {
  const open = display ? DISPLAY_OPEN + KATEX_OPEN : KATEX_OPEN;
  const close = display ? '</span></span>' : '</span>';
  if (!html.startsWith(open) || !html.endsWith(close) || !html.includes(MATHML_OPEN) || !html.includes(HTML_OPEN)) {
    throw new Error(
      `KaTeX wrote a formula in a shape src/markdown/rehype-math-presentation.ts does not know ($${tex}$: ${html.slice(0, 80)}…)`,
    );
  }
  const formula = html
    .slice(display ? DISPLAY_OPEN.length : 0, html.length - close.length)
    .replace(MATHML_OPEN, '<span class="katex-mathml" data-pagefind-ignore>')
    .replace(HTML_OPEN, '<span class="katex-html" aria-hidden="true" data-pagefind-ignore>');
  return `${display ? '<span class="katex-display" tabindex="0">' : ''}${formula}${searchReading(texToText(tex))}${close}`;
}

function classesOf(node: Element): string[] {
  const classes = node.properties['className'];
  return Array.isArray(classes) ? classes.map(String) : [];
}

/** Spaces keep neighbouring formulas apart in the index (consecutive display formulas). */
function searchReading(text: string): string {
  const escaped = text.replaceAll('&', '&#x26;').replaceAll('<', '&#x3C;');
  return `<span class="math-search-text" hidden> ${escaped} </span>`;
}
