import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenContentBuilds, edit } from './broken-build';

/**
 * The unit tests check each content rule's message; these check the wiring: a real `astro build`
 * over a broken MDX body or a misplaced file fails, and its output names the file and the problem.
 * Broken frontmatter is in build-errors-frontmatter.test.ts.
 */
const buildWith = brokenContentBuilds();

describe('the build stops on a broken body or file, naming the place', { timeout: 240_000 }, () => {
  it('a formula KaTeX cannot parse, with its line', async () => {
    const { status, output } = await buildWith((dir) =>
      edit(join(dir, '02-linear-models.mdx'), (text) => text.replace('$$\n', () => '$$\n\\frac{1}{\n')),
    );
    expect(status, output).not.toBe(0);
    expect(output).toMatch(/02-linear-models\.mdx:\d+:1: a formula does not parse in KaTeX/);
  });

  it('a lone dollar sign, at the line it opens, before MDX reports a confusing acorn error', async () => {
    const { status, output } = await buildWith((dir) =>
      edit(join(dir, '01-warm-up.mdx'), (text) =>
        text.replace('<Part id="a">', () => 'It costs $5 {\\u} to enter.\n\n<Part id="a">'),
      ),
    );
    expect(status, output).not.toBe(0);
    expect(output).toMatch(/01-warm-up\.mdx:\d+: an odd number of `\$` on line \d+/);
    expect(output).not.toContain('Expecting Unicode escape sequence');
  });

  it('a component nobody defined, naming the file and line', async () => {
    const { status, output } = await buildWith((dir) =>
      edit(join(dir, '01-warm-up.mdx'), (text) => text.replace('<Part id="a">', () => '<Foo />\n\n<Part id="a">')),
    );
    expect(status, output).not.toBe(0);
    expect(output).toMatch(/01-warm-up\.mdx:\d+: <Foo> is not a component this page knows/);
  });

  it('a problem saved as .md, with the message and no stack frames from Astro', async () => {
    const { status, output } = await buildWith((dir) => writeFileSync(join(dir, '03-extra.md'), '# Extra\n'));
    expect(status, output).not.toBe(0);
    expect(output).toMatch(
      /tiny-test-exam\/03-extra\.md: only \.mdx files are read; rename it to tiny-test-exam\/03-extra\.mdx/,
    );
    expect(output, 'the content error is not buried under frames from Astro').not.toMatch(/at .*node_modules\/astro/);
  });

  it('an output folder Astro would mistake for one inside the project', async () => {
    const { status, output, root } = await buildWith(
      () => undefined,
      (root) => `${root}-out`,
    );
    expect(status, output).not.toBe(0);
    expect(output).toContain(`OUT_DIR ${root}-out is outside the project but its path begins with the project's`);
  });
});
