import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import katex from 'katex';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { memoizeRecent } from '../maths/memo';
import type { DeferredFormulas } from './deferred-formulas';
import { presentFormula } from './rehype-math-presentation';

declare module 'vfile' {
  interface DataMap {
    /**
     * Names the source of a fragment that is not a whole file (a part title, an erratum), e.g.
     * "content/exams/x/index.mdx, errata 3(e)". Errors then name it instead of a line and column
     * that would point into the fragment, not the file.
     */
    place: string;
  }
}

/**
 * KaTeX's `trust` stays off, but returning `false` would render `\\href{javascript:…}` or
 * `\\includegraphics` as red text and ship it. Throwing fails the build naming the formula.
 */
export class UntrustedTexError extends Error {}

export function refuseUntrustedTex(context: { command: string }): boolean {
  throw new UntrustedTexError(
    `${context.command} is not allowed in a formula (links, images and HTML in math could run scripts or load files); put the link or image outside the formula`,
  );
}

/**
 * Formulas already rendered in this process, presented (search reading, focusable display box)
 * and ready to copy. A build renders the same formulas on many pages ($x$, $W^{[l]}$, every copy of
 * an exam); KaTeX plus re-parsing its HTML was the pipeline's largest cost. Keyed by the formula
 * alone (the element and file only name the place in errors, and a failure is not remembered);
 * bounded so a huge corpus cannot hold every formula it ever saw.
 */
/** One key per formula as written: the same TeX renders differently inline and displayed. */
const formulaKey = (tex: string, display: boolean): string => `${display ? 'display' : 'inline'} ${tex}`;

const renderedFormula = memoizeRecent(
  (formula: { tex: string; display: boolean; element: Element; file: VFile }) =>
    fromHtml(render(formula.tex, formula.display, formula.element, formula.file), { fragment: true })
      .children as ElementContent[],
  ({ tex, display }) => formulaKey(tex, display),
  20_000,
);

/**
 * Renders `$…$` and `$$…$$` (the `math-inline`/`math-display` elements of remark-math) with
 * KaTeX at build time. A formula KaTeX cannot parse, or one using a command kept behind `trust`,
 * fails the build naming the file, the line and the formula, instead of shipping red error text.
 * With `deferred` (the site's MDX pipeline), a build leaves a placeholder in the tree instead of
 * the formula's elements (deferred-formulas.ts says why).
 */
export function rehypeKatexStrict(options: { deferred?: DeferredFormulas } = {}) {
  const { deferred } = options;
  return (tree: Root, file: VFile) => {
    visitParents(tree, 'element', (element: Element, parents) => {
      const classes = element.properties['className'];
      const classList = Array.isArray(classes) ? classes : [];
      const display = classList.includes('math-display');
      if (!display && !classList.includes('math-inline')) return undefined;
      // remark-math writes display math as <pre><code class="language-math math-display">: the
      // formula replaces the <pre>.
      const wrapper = parents.at(-1);
      const inPre = element.tagName === 'code' && wrapper?.type === 'element' && wrapper.tagName === 'pre';
      const scope = inPre ? wrapper : element;
      const parent = parents.at(inPre ? -2 : -1);
      if (!parent) return undefined;
      const tex = toText(element, { whitespace: 'pre' });
      // Deferred, the placeholder keeps each distinct formula's HTML: the trees are not needed again.
      const replacement = deferred?.deferring
        ? [deferred.placeholder(formulaKey(tex, display), () => render(tex, display, element, file))]
        : renderedFormula({ tex, display, element, file }).map(copyNode);
      parent.children.splice(parent.children.indexOf(scope), 1, ...replacement);
      return SKIP;
    });
  };
}

/**
 * A deep copy of rendered KaTeX (elements and text only), so later plugins may change the page's
 * copy; several times faster than structuredClone on these small trees.
 */
function copyNode(node: ElementContent): ElementContent {
  if (node.type !== 'element') return { ...node };
  const properties = { ...node.properties };
  const className = properties['className'];
  if (Array.isArray(className)) properties['className'] = [...className];
  return { type: 'element', tagName: node.tagName, properties, children: node.children.map(copyNode) };
}

/** The formula's presented HTML (rehype-math-presentation.ts). */
function render(tex: string, display: boolean, element: Element, file: VFile): string {
  let html: string;
  try {
    html = katex.renderToString(tex, { displayMode: display, throwOnError: true, trust: refuseUntrustedTex });
  } catch (error) {
    // The MDX pipeline does not always carry positions down to the math element; the formula's
    // own text still finds its line in the source.
    const start = element.position?.start;
    const line = start?.line ?? lineOf(String(file.value), tex.trim());
    const where = file.data.place ?? (line === undefined ? file.path : `${file.path}:${line}:${start?.column ?? 1}`);
    const shown = tex.trim().length > 60 ? `${tex.trim().slice(0, 57)}…` : tex.trim();
    if (error instanceof UntrustedTexError) file.fail(`${where}: ${error.message} ($${shown}$)`);
    const reason = error instanceof Error ? error.message : String(error);
    file.fail(`${where}: a formula does not parse in KaTeX${shown ? ` ($${shown}$)` : ''}: ${reason}`);
  }
  return presentFormula(html, tex, display);
}

/** The line where `text` starts in `source`, whitespace-insensitive (hast text collapses newlines). */
function lineOf(source: string, text: string): number | undefined {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const pattern = new RegExp(words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
  const match = pattern.exec(source);
  return match ? source.slice(0, match.index).split('\n').length : undefined;
}
