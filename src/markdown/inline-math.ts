import katex from 'katex';
import { texToText } from './tex-to-text';

/**
 * Renders short metadata strings (errata, part titles) that may hold `$…$` math, with the same
 * guarantees as the MDX pipeline: a formula that does not parse fails the build naming the
 * place, and the search index sees each formula once.
 */

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function renderInlineMath(text: string, where: string): string {
  return text
    .split(/(\$[^$]+\$)/)
    .map((segment) => {
      if (!/^\$[^$]+\$$/.test(segment)) return escapeHtml(segment);
      const tex = segment.slice(1, -1);
      try {
        // Same search treatment as rehype-math-presentation: both KaTeX halves ignored, one reading.
        const reading = `<span class="math-search-text" hidden>${escapeHtml(texToText(tex))}</span>`;
        return katex
          .renderToString(tex, { throwOnError: true })
          .replace('<span class="katex-html"', '<span class="katex-html" data-pagefind-ignore')
          .replace('<span class="katex-mathml"', '<span class="katex-mathml" data-pagefind-ignore')
          .replace(/<\/span>$/, `${reading}</span>`);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`${where}: a formula does not parse in KaTeX: ${reason}`);
      }
    })
    .join('');
}
