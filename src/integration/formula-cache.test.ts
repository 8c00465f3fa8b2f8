import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { earlierFormulas, formulaRenderingVersion, keepFormulas } from './formula-cache';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A project with this one's lockfile and a copy of src/markdown/. */
function project(): { root: string; markdown: string } {
  const root = mkdtempSync(join(tmpdir(), 'formula-cache-'));
  folders.push(root);
  cpSync('package-lock.json', join(root, 'package-lock.json'));
  cpSync('src/markdown', join(root, 'src/markdown'), { recursive: true });
  return { root, markdown: join(root, 'src/markdown') };
}

describe("an earlier build's formulas", () => {
  it('are used again only while the rendering code and the packages are unchanged', () => {
    const { root, markdown } = project();
    const version = formulaRenderingVersion(markdown, root);
    expect(version, 'a project with a lockfile has a version').toBeTypeOf('string');
    expect(formulaRenderingVersion(markdown, root), 'the same inputs, the same version').toBe(version);
    writeFileSync(join(markdown, 'deferred-formulas.test.ts'), '// a test changed');
    expect(formulaRenderingVersion(markdown, root), 'tests do not render formulas').toBe(version);
    writeFileSync(join(markdown, 'rehype-math-presentation.ts'), '// the presentation changed');
    const afterCodeChange = formulaRenderingVersion(markdown, root);
    expect(afterCodeChange, 'a change to the rendering code').not.toBe(version);
    writeFileSync(join(root, 'package-lock.json'), '{}');
    expect(formulaRenderingVersion(markdown, root), 'a change to the installed packages').not.toBe(afterCodeChange);
    rmSync(join(root, 'package-lock.json'));
    expect(formulaRenderingVersion(markdown, root), 'no lockfile: versions unknown, nothing kept').toBeUndefined();
  });

  it('come back as kept, and not for another version, a missing file or a damaged one', () => {
    const { root } = project();
    const file = join(root, 'cache', 'study-guide-formulas.json');
    expect(earlierFormulas(file, 'v1'), 'no earlier build').toEqual([]);
    keepFormulas(file, 'v1', [['inline x', '<span class="katex">x</span>']]);
    expect(earlierFormulas(file, 'v1')).toEqual([['inline x', '<span class="katex">x</span>']]);
    expect(earlierFormulas(file, 'v2'), 'rendered by other code').toEqual([]);
    expect(earlierFormulas(file, undefined), 'versions unknown').toEqual([]);
    writeFileSync(file, '{"version":"v1","formulas":[["inline x"');
    expect(earlierFormulas(file, 'v1'), 'cut short').toEqual([]);
    writeFileSync(file, '{"version":"v1","formulas":[["inline x",3],"y",["inline z","<span>z</span>"]]}');
    expect(earlierFormulas(file, 'v1'), 'only well-formed entries').toEqual([['inline z', '<span>z</span>']]);
  });

  it('are not kept when the versions are unknown', () => {
    const { root } = project();
    const file = join(root, 'cache', 'study-guide-formulas.json');
    keepFormulas(file, undefined, [['inline x', '<span>x</span>']]);
    expect(existsSync(file), 'no file written').toBe(false);
  });
});
