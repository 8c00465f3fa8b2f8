import { relative } from 'node:path';
import type { Plugin } from 'vite';
import { findUnbalancedMath } from '../markdown/unbalanced-math';

/**
 * Runs before MDX compiles a file: a runaway `$` or `$$` would otherwise surface as an acorn
 * error on the wrong line ("Expecting Unicode escape sequence"). The message names the line
 * where the math opened.
 */
export function mdxSourceCheck(): Plugin {
  return {
    name: 'study-guide:mdx-source-check',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0] ?? id;
      if (!path.endsWith('.mdx')) return null;
      const problem = findUnbalancedMath(code);
      if (problem) this.error(`${relative(process.cwd(), path)}:${problem.line}: ${problem.message}`);
      return null;
    },
  };
}
