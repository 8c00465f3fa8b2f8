import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuild, copyProject, type BuildResult } from './astro-build';

/**
 * The unit tests check each content rule's message; these check the wiring: a real `astro build`
 * over broken content fails, and its output names the file and the problem.
 */
const workDir = mkdtempSync(join(tmpdir(), 'exam-build-errors-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/**
 * Builds a copy of the fixture exam after `breakContent` broke it, in a copy of the project of its
 * own (scripts/astro-build.ts), so it runs beside the other test files' builds. The cases run one
 * after another: on two cores, two of them at once beside the rest of the suite took longer.
 * `outDir` may depend on the copy's root.
 */
async function buildWith(
  breakContent: (examDir: string) => void,
  outDir: (root: string) => string = (root) => join(root, 'dist'),
): Promise<BuildResult & { root: string }> {
  const root = copyProject(mkdtempSync(join(workDir, 'case-')));
  const examDir = join(root, 'exams', 'tiny-test-exam');
  cpSync('e2e/fixtures/exams/tiny-test-exam', examDir, { recursive: true });
  breakContent(examDir);
  const result = await astroBuild(root, {
    EXAMS_DIR: join(root, 'exams'),
    OUT_DIR: outDir(root),
    ASTRO_CACHE_DIR: join(root, 'cache'),
    // Every case fails before the papers would print: no Chromium is started for them.
    CHROMIUM_PATH: join(root, 'no-chromium'),
  });
  return { ...result, root };
}

function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

describe('the build stops on broken content, naming the place', { timeout: 240_000 }, () => {
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

  it('a formula KaTeX cannot parse, with its line', async () => {
    const { status, output } = await buildWith((dir) =>
      edit(join(dir, '02-linear-models.mdx'), (text) => text.replace('$$\n', () => '$$\n\\frac{1}{\n')),
    );
    expect(status, output).not.toBe(0);
    expect(output).toMatch(/02-linear-models\.mdx:\d+:1: a formula does not parse in KaTeX/);
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
