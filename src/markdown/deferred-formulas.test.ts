import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { describe, expect, it } from 'vitest';
import { DeferredFormulas } from './deferred-formulas';
import { pageRehypePlugins, rehypePlugins, remarkPlugins } from './pipeline';

const markdown = 'Let $x^2$ grow.\n\n$$\n\\sum_i x_i\n$$\n\nAgain $x^2$, then $y$.\n';

async function html(rehype: PluggableList): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkPlugins)
    .use(remarkRehype)
    .use(rehype)
    .use(rehypeStringify, { collapseEmptyAttributes: true })
    .process(markdown);
  return String(file);
}

describe('formulas deferred out of the compiled page during a build', () => {
  it('leaves one small placeholder per formula and restores the page exactly as rendered in place', async () => {
    const formulas = new DeferredFormulas();
    formulas.deferring = true;
    const deferred = await html(pageRehypePlugins(formulas));
    expect(deferred, 'no KaTeX markup left in the compiled page').not.toContain('katex');
    const placeholders = deferred.match(/<study-guide-formula n="[\w-]{16}"><\/study-guide-formula>/g) ?? [];
    expect(placeholders, 'four formulas').toHaveLength(4);
    expect(placeholders[2], 'the repeated $x^2$ has the first one’s placeholder').toBe(placeholders[0]);
    expect(new Set(placeholders).size, 'three distinct formulas').toBe(3);
    expect(formulas.restore(deferred, 'page.html')).toBe(await html(rehypePlugins));
  });

  it("takes an earlier build's formulas instead of rendering them again, and restores the same page", async () => {
    const first = new DeferredFormulas();
    first.deferring = true;
    const deferred = await html(pageRehypePlugins(first));
    const second = new DeferredFormulas();
    second.deferring = true;
    second.rememberEarlier(first.rendered());
    const notRendered = () => {
      throw new Error('rendered again');
    };
    for (const [key] of first.rendered()) second.placeholder(key, notRendered);
    expect(second.restore(deferred, 'page.html')).toBe(first.restore(deferred, 'page.html'));
    expect(() => second.placeholder('inline a formula the earlier build never met', notRendered)).toThrow(
      'rendered again',
    );
  });

  it('names a formula the same in every build, whatever order the pages were compiled in', () => {
    const name = (store: DeferredFormulas, key: string) =>
      store.placeholder(key, () => `<span>${key}</span>`).properties['n'];
    const first = new DeferredFormulas();
    const later = new DeferredFormulas();
    const firstNames = ['inline x', 'display y', 'inline z'].map((key) => name(first, key));
    const laterNames = ['inline z', 'inline x', 'display y'].map((key) => name(later, key));
    expect(laterNames, 'a page an earlier build generated is restored by a later build').toEqual([
      firstNames[2],
      firstNames[0],
      firstNames[1],
    ]);
    const page = `<p><study-guide-formula n="${String(firstNames[1])}"></study-guide-formula></p>`;
    expect(later.restore(page, 'cached/index.html')).toBe('<p><span>display y</span></p>');
  });

  it('renders in place when not building (astro dev)', async () => {
    const formulas = new DeferredFormulas();
    expect(await html(pageRehypePlugins(formulas))).toBe(await html(rehypePlugins));
  });

  it('fails naming the page when a placeholder cannot be restored', () => {
    const formulas = new DeferredFormulas();
    expect(() =>
      formulas.restore('<p><study-guide-formula n="AAAAAAAAAAAAAAAA"></study-guide-formula></p>', 'a/index.html'),
    ).toThrow(/^a\/index\.html: a formula placeholder .* that this build did not make/);
    formulas.deferring = true;
    formulas.placeholder('inline x', () => '<span class="katex">x</span>');
    expect(
      () => formulas.restore('<div title="&lt;study-guide-formula n=&quot;0&quot;&gt;"></div>', 'b/index.html'),
      'a formula escaped into an attribute',
    ).toThrow(/^b\/index\.html: a formula placeholder was escaped on its way into the page/);
    expect(formulas.restore('<p>no math</p>', 'c/index.html'), 'pages without formulas are returned as they are').toBe(
      '<p>no math</p>',
    );
  });
});
