import { createHash } from 'node:crypto';
import type { Element } from 'hast';

/**
 * KaTeX writes tens to hundreds of elements per formula. Left in the MDX tree, every plugin after
 * ours (Astro's heading ids, images, metadata and static-HTML passes, MDX's JavaScript generation)
 * walked all of them, and the compiled modules carried them through Rolldown: at 300 problem
 * pages that was about half of the Vite phase (17 s of a 31 s build; 7.4 s without them).
 *
 * So in `astro build` each formula leaves the tree as an empty placeholder element, its finished
 * HTML (presented for search, see rehype-math-presentation.ts) kept here once per distinct
 * formula; the integration puts it back into every written page before anything reads the pages
 * (CSS purge, font subsetting, PDF papers, Pagefind). `astro dev`, inline titles and the tests
 * render formulas in place (`deferring` stays false).
 *
 * The store is not bounded (unlike the render cache): every formula is needed until the pages are
 * written. It holds each distinct formula once, a few KB of HTML.
 *
 * A placeholder is named by a hash of its formula, not by the order formulas were met: Astro's
 * incremental build (astro.config.mjs) copies an unchanged page as an earlier build generated it,
 * placeholders included, and this build's store must resolve them. A counter would name another
 * formula whenever the MDX files were compiled in another order.
 *
 * One consequence, accepted: a heading's automatic `id` is slugged from its text with the formula
 * missing in a build. No exam heading holds a formula; part anchors come from the frontmatter.
 */
export class DeferredFormulas {
  /** Set by the integration for `astro build` only: nothing restores placeholders in dev. */
  deferring = false;
  readonly #names = new Map<string, string>();
  /** Each formula's HTML and key by placeholder name (the key only to tell a hash collision). */
  readonly #formulas = new Map<string, { key: string; html: string }>();

  /** Formulas' HTML from an earlier build, by key, taken instead of rendering them again. */
  readonly #earlier = new Map<string, string>();

  /**
   * The placeholder standing in for the formula `key`; `html` is called once per distinct key,
   * unless an earlier build's HTML for it was remembered.
   */
  placeholder(key: string, html: () => string): Element {
    let name = this.#names.get(key);
    if (name === undefined) {
      name = createHash('sha256').update(key).digest('base64url').slice(0, 16);
      const taken = this.#formulas.get(name);
      if (taken !== undefined && taken.key !== key)
        throw new Error(`two formulas share the placeholder name ${name}: "${taken.key}" and "${key}"`);
      this.#formulas.set(name, { key, html: this.#earlier.get(key) ?? html() });
      this.#names.set(key, name);
    }
    return { type: 'element', tagName: PLACEHOLDER_TAG, properties: { n: name }, children: [] };
  }

  /**
   * Takes formulas rendered by an earlier build with the same rendering code (formula-cache.ts
   * decides that), so a second build does not run KaTeX and the presentation again.
   */
  rememberEarlier(formulas: Iterable<readonly [key: string, html: string]>): void {
    for (const [key, html] of formulas) this.#earlier.set(key, html);
  }

  /** Every formula deferred in this build, as [key, HTML]. */
  *rendered(): IterableIterator<[key: string, html: string]> {
    for (const { key, html } of this.#formulas.values()) yield [key, html];
  }

  /**
   * `page` with every placeholder replaced by its formula. A placeholder this build did not make,
   * or one that was escaped on its way into the page (a formula passed into an attribute or a
   * script), would ship broken math: it fails naming `where`.
   */
  restore(page: string, where: string): string {
    if (!page.includes(PLACEHOLDER_TAG)) return page;
    const restored = page.replace(PLACEHOLDER, (whole, name: string) => {
      const html = this.#formulas.get(name)?.html;
      if (html === undefined)
        throw new Error(`${where}: a formula placeholder (${whole}) that this build did not make`);
      return html;
    });
    if (restored.includes(PLACEHOLDER_TAG)) {
      const at = restored.indexOf(PLACEHOLDER_TAG);
      throw new Error(
        `${where}: a formula placeholder was escaped on its way into the page and cannot be restored (near “${restored.slice(Math.max(0, at - 40), at + 40)}”); formulas must stay in the page's HTML, not in attributes or scripts`,
      );
    }
    return restored;
  }
}

const PLACEHOLDER_TAG = 'study-guide-formula';
/** Exactly what hast-util-to-html and Astro's renderer write for the placeholder element. */
const PLACEHOLDER = /<study-guide-formula n="([\w-]{16})"><\/study-guide-formula>/g;
