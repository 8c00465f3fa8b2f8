import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import type { DeferredFormulas } from './deferred-formulas';
import { rehypeKatexStrict } from './rehype-katex-strict';
import { rehypeMathPresentation } from './rehype-math-presentation';
import { remarkContentChecks } from './remark-content-checks';
import { remarkExamParts } from './remark-exam-parts';
import { remarkSmartypantsGuarded } from './remark-smartypants-guarded';

/**
 * The one Markdown pipeline of the site. astro.config.mjs renders exam MDX with it, inline
 * metadata (part titles, errata) goes through it too (inline-math.ts), and the tests run it, so
 * math is parsed, checked and presented the same way everywhere.
 */

/**
 * `$…$` and `$$…$$` math; `<Part>`/`<Solution>` checked against the problem's frontmatter;
 * unknown components and missing images fail the build.
 */
export const remarkPlugins = [remarkMath, remarkExamParts, remarkContentChecks] satisfies RemarkPlugins;

/**
 * The site's MDX pages: SmartyPants first, where Astro puts its own (which astro.config.mjs turns
 * off: remark-smartypants-guarded.ts is the same for less work). Inline titles and errata never had it.
 */
export const pageRemarkPlugins = [remarkSmartypantsGuarded, ...remarkPlugins] satisfies RemarkPlugins;

/** KaTeX at build time, a formula that does not parse fails the build, then search and layout treatment. */
export const rehypePlugins = [rehypeKatexStrict, rehypeMathPresentation] satisfies RehypePlugins;

/** The same plugins for the site's MDX, whose formulas a build defers (deferred-formulas.ts). */
export function pageRehypePlugins(
  deferred: DeferredFormulas,
): [[typeof rehypeKatexStrict, { deferred: DeferredFormulas }], typeof rehypeMathPresentation] {
  return [[rehypeKatexStrict, { deferred }], rehypeMathPresentation];
}
