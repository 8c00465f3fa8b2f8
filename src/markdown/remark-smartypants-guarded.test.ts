import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { unified, type PluggableList } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkSmartypantsGuarded } from './remark-smartypants-guarded';

/** The tree `mdx` parses to after `plugins`, as JSON (positions dropped: both leave them as they were). */
function treeAfter(plugins: PluggableList, mdx: string): string {
  const processor = unified().use(remarkParse).use(remarkMath).use(remarkMdx).use(plugins);
  return JSON.stringify(processor.runSync(processor.parse(mdx)), (key, value: unknown) =>
    key === 'position' ? undefined : value,
  );
}

/** Astro's default (`smartypants: true`), which passes no options. */
const astroDefault: PluggableList = [[remarkSmartypants, {}]];
const guarded: PluggableList = [remarkSmartypantsGuarded];

const sameAsRemarkSmartypants = (mdx: string) =>
  expect(treeAfter(guarded, mdx), mdx).toBe(treeAfter(astroDefault, mdx));

/** Every exam's MDX without its frontmatter (which the page pipeline never sees as Markdown). */
function examBodies(root: string): { file: string; body: string }[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => ({
      file,
      body: readFileSync(join(root, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''),
    }));
}

describe('SmartyPants with its passes guarded', () => {
  it('gives every exam the tree remark-smartypants gives it', () => {
    const bodies = [...examBodies('content/exams'), ...examBodies('e2e/fixtures/exams')];
    expect(bodies.length, 'exams to compare').toBeGreaterThan(8);
    for (const { body } of bodies) sameAsRemarkSmartypants(body);
  });

  it('changes what remark-smartypants changes: quotes, dashes, ellipses, double backticks', () => {
    const cases = [
      'He said "it\'s fine" -- then left...',
      'Dots . . . spaced, and . .  . wider, and.. two, and ...',
      "A ``quoted'' phrase and a---long dash.",
      '"Quote around `code` and *emphasis*" and **"bold"**',
      '# "Heading"\n\n| "a" | b -- c |\n| --- | --- |\n| x... | \'y\' |',
      '<span>"in JSX text" -- too</span> and <style>{"a -- b"}</style>',
      'Nothing to change here, 2.5 and 3.75 stay.',
      // Spaced ellipses with other spaces between the dots: each on its own, so no easier match helps.
      'Wide .  .  . dots',
      'Hard\u00a0.\u00a0.\u00a0. spaces',
      'Next-line .\u0085.\u0085. spaces',
      'Tab .\t.\t. and break .\n.\n. spaces',
    ];
    for (const mdx of cases) sameAsRemarkSmartypants(mdx);
    expect(treeAfter(guarded, cases[0]!), 'the cases do exercise the passes').toContain(
      'He said “it’s fine” — then left…',
    );
  });

  it('gives the same tree as remark-smartypants for any text made of the characters it reads', () => {
    const pieces = fc.constantFrom('.', '-', '`', "'", '"', ' ', '\u00a0', '\u0085', 'a', '1', ',', '!', '\n\n', '*');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 24 }), (chosen) => {
        const mdx = `x ${chosen.join('')} y`;
        return treeAfter(guarded, mdx) === treeAfter(astroDefault, mdx);
      }),
      { seed: 230, numRuns: 2000 },
    );
  });
});
