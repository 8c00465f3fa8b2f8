import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkContentChecks } from './remark-content-checks';

const dir = mkdtempSync(join(tmpdir(), 'content-checks-'));
mkdirSync(join(dir, 'public'));
writeFileSync(join(dir, 'figure.png'), '');
writeFileSync(join(dir, 'public', 'logo.svg'), '');
const path = join(dir, '01-problem.mdx');
const shown = relative(process.cwd(), path);

function check(mdx: string): string | undefined {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkContentChecks, { publicDir: join(dir, 'public') });
  try {
    processor.runSync(processor.parse(mdx), new VFile({ path, value: mdx }));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('content checks', () => {
  it('accepts provided, imported and HTML elements and existing images', () => {
    const mdx = [
      "import Tool from '@tools/x/Tool.tsx';",
      '',
      '<Part id="a">',
      '',
      '<Tool /> <span>x</span> <img src="./figure.png" alt="" /> <img src="/logo.svg" alt="" />',
      '',
      '![A figure](./figure.png) ![remote](https://example.org/x.png)',
      '',
      '</Part>',
    ].join('\n');
    expect(check(mdx)).toBeUndefined();
  });

  it('names the file and line of a component nobody defined', () => {
    expect(check('Text.\n\n<Foo />\n')).toBe(
      `${shown}:3: <Foo> is not a component this page knows; import it at the top of the file or use one of Figure, Lab, Note, Options, Part, Solution`,
    );
  });

  it('names a missing image, inline or in a figure', () => {
    expect(check('<Figure id="f" caption="c">\n\n<img src="./missing.png" alt="x" />\n\n</Figure>\n')).toBe(
      `${shown}:3: the image "./missing.png" does not exist (looked for ${relative(process.cwd(), join(dir, 'missing.png'))})`,
    );
    expect(check('See ![plot](/plots/none.png).\n')).toBe(
      `${shown}:1: the image "/plots/none.png" does not exist (looked for ${relative(process.cwd(), join(dir, 'public', 'plots', 'none.png'))})`,
    );
  });
});
