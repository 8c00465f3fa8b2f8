/**
 * Reads the shapes an option's text states, for keys computed from a tool's output shape: "($15
 * \times 15 \times 15$)", "15 × 15 × 15", "15x15x15" and "(15, 15, 15)" all state 15 × 15 × 15.
 * One forward scan over the text, no regular expression, so time is linear in its length.
 */
import type { Volume } from '../tools/cnn-calculator/cnn-notation';

const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';

/** Math delimiters, braces and spaces (TeX's `\,` and `\;` too) may sit between a shape's numbers. */
function ignoredAt(text: string, i: number): number {
  const char = text[i];
  if (char === ' ' || char === '$' || char === '{' || char === '}' || char === '~') return 1;
  const next = text[i + 1];
  return char === '\\' && (next === ',' || next === ';' || next === ':' || next === ' ') ? 2 : 0;
}

/** The length of a separator between two sizes at `i` (×, x, *, a comma, `\times`), or 0. */
function separatorAt(text: string, i: number): number {
  const char = text[i];
  if (char === '×' || char === 'x' || char === 'X' || char === '*' || char === ',') return 1;
  return text.startsWith('\\times', i) ? '\\times'.length : 0;
}

/**
 * Every run of exactly three whole numbers joined by separators. A longer run (a 4-D tensor) or a
 * run that ends on a separator states no shape.
 */
export function shapesIn(text: string): Volume[] {
  const shapes: Volume[] = [];
  let run: number[] = [];
  let dangling = false;
  const close = () => {
    const [h, w, c] = run;
    if (run.length === 3 && !dangling && h !== undefined && w !== undefined && c !== undefined)
      shapes.push({ h, w, c });
    run = [];
    dangling = false;
  };
  let i = 0;
  while (i < text.length) {
    if (isDigit(text[i])) {
      let end = i;
      while (isDigit(text[end])) end += 1;
      // Two numbers with no separator between them are two runs.
      if (run.length > 0 && !dangling) close();
      run.push(Number(text.slice(i, end)));
      dangling = false;
      i = end;
      continue;
    }
    const separator = run.length > 0 && !dangling ? separatorAt(text, i) : 0;
    if (separator > 0) {
      dangling = true;
      i += separator;
      continue;
    }
    const ignored = ignoredAt(text, i);
    if (ignored === 0) close();
    i += Math.max(ignored, 1);
  }
  close();
  return shapes;
}

/** "None of the above", whatever its case, spacing or punctuation. */
export function isNoneOfTheAbove(text: string): boolean {
  let letters = '';
  for (const char of text.toLowerCase()) if (char >= 'a' && char <= 'z') letters += char;
  return letters === 'noneoftheabove';
}
