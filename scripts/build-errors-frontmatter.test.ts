import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenContentBuilds, edit } from './broken-build';

/**
 * The unit tests check each content rule's message; these check the wiring: a real `astro build`
 * over broken frontmatter (a problem's or the exam's) fails, and its output names the file and the
 * problem. The MDX bodies' errors are in build-errors-body.test.ts: two files, so that Vitest runs
 * the two halves on two workers.
 */
const buildWith = brokenContentBuilds();

describe('the build stops on broken frontmatter, naming the place', { timeout: 240_000 }, () => {
  it('missing frontmatter field', async () => {
    const { status, output } = await buildWith((dir) =>
      edit(join(dir, '01-warm-up.mdx'), (text) => text.replace(/^title: .*$/m, '')),
    );
    expect(status, output).not.toBe(0);
    expect(output).toContain('01-warm-up.mdx');
    expect(output).toContain('`title` is missing; add e.g. `title: Weight Initialization`');
  });

  it('problem points that do not add up to the exam total', async () => {
    const { status, output } = await buildWith((dir) =>
      edit(join(dir, 'index.mdx'), (text) => text.replace(/^totalPoints: .*$/m, 'totalPoints: 11')),
    );
    expect(status, output).not.toBe(0);
    expect(output).toMatch(
      /tiny-test-exam\/index\.mdx: `totalPoints: 11` but its problems add up to 10 \(1: 4 \+ 2: 6\)/,
    );
  });

  it('a misspelt optional key, with a suggestion', async () => {
    const { status, output } = await buildWith((dir) =>
      edit(join(dir, 'index.mdx'), (text) => text.replace('errata:', 'errrata:')),
    );
    expect(status, output).not.toBe(0);
    expect(output).toContain('unknown exam field `errrata` (did you mean `errata`?)');
  });

  it('a "New numbers" template with a placeholder its kind does not fill, naming the file and part', async () => {
    const { status, output } = await buildWith((dir) =>
      edit(join(dir, '01-warm-up.mdx'), (text) =>
        text.replace(
          '- { id: b, points: 2, title: "Counting zebrafinch wings" }',
          () =>
            '- { id: b, points: 2, title: "Counting zebrafinch wings", variant: { kind: mlp-parameters, template: "{inputs} inputs", ranges: { input: [2, 4], depth: 1, width: [2, 4] } } }',
        ),
      ),
    );
    expect(status, output).not.toBe(0);
    expect(output).toContain('01-warm-up.mdx');
    expect(output).toContain(
      'part b: `variant.template` uses {inputs}, which a mlp-parameters variant does not fill; it fills {input}, {depth}, {widths}, {output}, {width1}',
    );
  });

  it('a formula in an erratum (rendered by the same pipeline), naming the exam file and erratum', async () => {
    const { status, output } = await buildWith((dir) =>
      edit(join(dir, 'index.mdx'), (text) =>
        text.replace('errata: []', () => "errata:\n  - { where: '1(a)', original: '$\\frac{1}{$', corrected: '$x$' }"),
      ),
    );
    expect(status, output).not.toBe(0);
    expect(output).toMatch(/tiny-test-exam\/index\.mdx, errata 1\(a\): a formula does not parse in KaTeX/);
  });
});
