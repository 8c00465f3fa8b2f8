import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUnbalancedMath } from './unbalanced-math';

const doc = (...lines: string[]) => ['---', 'title: x', '---', '', ...lines].join('\n');

describe('unbalanced math in MDX source', () => {
  it('accepts inline and display math, escaped dollars and code', () => {
    const source = doc('A $x$ and $$y$$ inline.', '', '$$', '\\frac{1}{2}', '$$', '', 'Costs \\$5 and `$PATH`.');
    expect(findUnbalancedMath(source)).toBeUndefined();
  });

  it('names the line of a lone dollar sign', () => {
    expect(findUnbalancedMath(doc('Intro.', '', 'It costs $5 to', 'run $x$ steps.'))).toEqual({
      line: 7,
      message:
        "an odd number of `$` between lines 7 and 8: write a dollar sign as `\\$`, or add a formula's missing closing `$`",
    });
  });

  it('names the line where an unclosed display formula opened', () => {
    expect(findUnbalancedMath(doc('Intro.', '', '$$', 'x = 1', '', 'More text.'))).toEqual({
      line: 7,
      message: 'a `$$` display formula opens here and never closes; add the closing `$$`',
    });
  });

  it('ignores dollars in fenced code and frontmatter', () => {
    expect(findUnbalancedMath(['---', 'price: $5', '---', '```', 'echo $HOME', '```'].join('\n'))).toBeUndefined();
  });

  it('passes every published exam file', () => {
    for (const root of ['content/exams', 'e2e/fixtures/exams']) {
      for (const exam of readdirSync(root)) {
        for (const file of readdirSync(join(root, exam)).filter((name) => name.endsWith('.mdx'))) {
          const path = join(root, exam, file);
          expect(findUnbalancedMath(readFileSync(path, 'utf8')), path).toBeUndefined();
        }
      }
    }
  });

  it('stays linear on a long adversarial line', () => {
    const line = '$'.repeat(1) + ' \\'.repeat(200_000) + '`'.repeat(1000);
    const started = performance.now();
    findUnbalancedMath(doc(line));
    expect(performance.now() - started, 'one pass over 400 KB').toBeLessThan(500);
  });
});
