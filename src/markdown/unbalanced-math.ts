/**
 * Finds a `$$` display block that never closes, or a lone `$` in a paragraph (a price such as
 * `$5` read as the start of a formula). MDX reports both only much later, as an acorn error such
 * as "Expecting Unicode escape sequence" on whatever line the runaway formula reached; this scan
 * runs on the source first and names the line where the math opened.
 *
 * One pass over the characters, no regular expressions: cost is linear in the file's length.
 */
export interface MathProblem {
  line: number;
  message: string;
}

export function findUnbalancedMath(source: string): MathProblem | undefined {
  const lines = source.split('\n');
  let lineIndex = skipFrontmatter(lines);
  let inFence: string | undefined;
  let displayOpenedAt: number | undefined;
  let paragraphDollars: number[] = [];

  const closeParagraph = (): MathProblem | undefined => {
    const dollars = paragraphDollars;
    paragraphDollars = [];
    const first = dollars[0];
    const last = dollars.at(-1);
    if (dollars.length % 2 === 0 || first === undefined || last === undefined) return undefined;
    // Which `$` is the stray one cannot be known (a price pairs with the next formula's opener),
    // so the message gives the paragraph's first and last dollar.
    const span = first === last ? `on line ${first}` : `between lines ${first} and ${last}`;
    return {
      line: first,
      message: `an odd number of \`$\` ${span}: write a dollar sign as \`\\$\`, or add a formula's missing closing \`$\``,
    };
  };

  for (; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex] ?? '';
    const lineNumber = lineIndex + 1;
    const trimmed = line.trimStart();
    if (displayOpenedAt === undefined && (trimmed.startsWith('```') || trimmed.startsWith('~~~'))) {
      const marker = trimmed.slice(0, 3);
      inFence = inFence === marker ? undefined : (inFence ?? marker);
      continue;
    }
    if (inFence) continue;
    if (displayOpenedAt === undefined && (trimmed.startsWith('import ') || trimmed.startsWith('export '))) continue;
    if (displayOpenedAt === undefined && trimmed === '') {
      const problem = closeParagraph();
      if (problem) return problem;
      continue;
    }
    for (let at = 0; at < line.length; at++) {
      const char = line[at];
      if (char === '\\') {
        at++; // an escaped character, `\$` included, is never a delimiter
        continue;
      }
      if (char === '`' && displayOpenedAt === undefined) {
        const close = line.indexOf('`', at + 1);
        if (close === -1) break;
        at = close;
        continue;
      }
      if (char !== '$') continue;
      if (line[at + 1] === '$') {
        at++;
        if (displayOpenedAt === undefined) {
          const problem = closeParagraph();
          if (problem) return problem;
          displayOpenedAt = lineNumber;
        } else {
          displayOpenedAt = undefined;
        }
        continue;
      }
      if (displayOpenedAt === undefined) paragraphDollars.push(lineNumber);
    }
  }
  if (displayOpenedAt !== undefined) {
    return {
      line: displayOpenedAt,
      message: 'a `$$` display formula opens here and never closes; add the closing `$$`',
    };
  }
  return closeParagraph();
}

function skipFrontmatter(lines: readonly string[]): number {
  if (lines[0]?.trim() !== '---') return 0;
  const end = lines.indexOf('---', 1);
  return end === -1 ? 0 : end + 1;
}
