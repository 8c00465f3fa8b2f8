import type { Nodes, Root } from 'mdast';
import { retext } from 'retext';
import smartypants from 'retext-smartypants';
import { visit } from 'unist-util-visit';

/**
 * SmartyPants (curly quotes, dashes, ellipses) as Astro applies it to pages, through
 * remark-smartypants 3.0.3, with the same output for less work. That plugin runs retext twice:
 * once over a document's whole text for the quotes, then once per text node for ellipses, dashes
 * and double backticks: a natural-language parse per node, for 3.1 s of the 27.5 s Vite phase of a
 * 1,000-problem build. A node with no two dots apart only by punctuation or spaces, no `--`, no
 * double backtick and no `''` cannot change in that second pass, nor a document without `"` or `'`
 * in the first, so each pass runs only where its characters are. The rest is remark-smartypants'
 * algorithm; a test compares the two on the exams and on each case the guards let through.
 * astro.config.mjs turns Astro's own off and puts this one where Astro put it, first.
 */
export function remarkSmartypantsGuarded() {
  // Each option as remark-smartypants sets it for Astro's default `smartypants: true`.
  const quotes = retext().use(smartypants, { ellipses: false, dashes: false, backticks: false });
  const rest = retext().use(smartypants, { quotes: false });
  return (tree: Root) => {
    let allText = '';
    const nodes: Nodes[] = [];
    visit(tree, (node, _index, parent) => {
      if (!isVisited(node, parent)) return;
      if ('value' in node && typeof node.value === 'string') {
        // Inline code is kept as is, but takes its place in the text so quotes pair across it.
        allText += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
      } else {
        // A quote at the start of a block always opens.
        allText += ' ';
      }
      nodes.push(node);
    });
    if (allText.includes('"') || allText.includes("'")) allText = quotes.processSync(allText).toString();
    let start = 0;
    for (const node of nodes) {
      if (!('value' in node) || typeof node.value !== 'string') {
        start += 1;
        continue;
      }
      const end = start + node.value.length;
      if (node.type === 'text') {
        const text = allText.slice(start, end);
        node.value = MAY_CHANGE_AFTER_QUOTES.test(text) ? rest.processSync(text).toString() : text;
      }
      start = end;
    }
  };
}

/**
 * What the second pass can change: an ellipsis (dots apart by nothing, spaces or punctuation, a
 * superset of what retext-smartypants joins), a double dash, double backticks, two apostrophes.
 * Each alternative scans forward only.
 */
const MAY_CHANGE_AFTER_QUOTES = /\.[^\p{L}\p{N}.]*\.|--|``|''/u;

const VISITED = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);

/** remark-smartypants' `check`: text, inline code and blocks, not inside a JSX `<style>` or `<script>`. */
function isVisited(node: Nodes, parent: Nodes | undefined): boolean {
  if (!parent || !VISITED.has(node.type)) return false;
  if (parent.type !== 'mdxJsxTextElement') return true;
  return typeof parent.name === 'string' && parent.name !== 'style' && parent.name !== 'script';
}
