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
 * One consequence, accepted: a heading's automatic `id` is slugged from its text with the formula
 * missing in a build. No exam heading holds a formula; part anchors come from the frontmatter.
 */
export class DeferredFormulas {
  /** Set by the integration for `astro build` only: nothing restores placeholders in dev. */
  deferring = false;
  readonly #ids = new Map<string, number>();
  readonly #html: string[] = [];

  /** The placeholder standing in for the formula `key`; `html` is called once per distinct key. */
  placeholder(key: string, html: () => string): Element {
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.#html.push(html()) - 1;
      this.#ids.set(key, id);
    }
    return { type: 'element', tagName: PLACEHOLDER_TAG, properties: { n: String(id) }, children: [] };
  }

  /**
   * `page` with every placeholder replaced by its formula. A placeholder this build did not make,
   * or one that was escaped on its way into the page (a formula passed into an attribute or a
   * script), would ship broken math: it fails naming `where`.
   */
  restore(page: string, where: string): string {
    if (!page.includes(PLACEHOLDER_TAG)) return page;
    const restored = page.replace(PLACEHOLDER, (whole, id: string) => {
      const html = this.#html[Number(id)];
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
const PLACEHOLDER = /<study-guide-formula n="(\d+)"><\/study-guide-formula>/g;
