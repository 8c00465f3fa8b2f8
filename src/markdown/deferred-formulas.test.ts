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
    expect(deferred.match(/<study-guide-formula n="\d+"><\/study-guide-formula>/g), 'four formulas').toHaveLength(4);
    expect(deferred, 'the repeated $x^2$ is stored once').toContain(
      'Again <study-guide-formula n="0"></study-guide-formula>, then',
    );
    expect(formulas.restore(deferred, 'page.html')).toBe(await html(rehypePlugins));
  });

  it('renders in place when not building (astro dev)', async () => {
    const formulas = new DeferredFormulas();
    expect(await html(pageRehypePlugins(formulas))).toBe(await html(rehypePlugins));
  });

  it('fails naming the page when a placeholder cannot be restored', () => {
    const formulas = new DeferredFormulas();
    expect(() => formulas.restore('<p><study-guide-formula n="7"></study-guide-formula></p>', 'a/index.html')).toThrow(
      /^a\/index\.html: a formula placeholder .* that this build did not make/,
    );
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
