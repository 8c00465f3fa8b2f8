/**
 * Small text helpers shared by the readers and the writer: labels, page names, generated titles
 * and MDX-safe text. Each works on one short string (a line, a title), never a whole document.
 */

const romanValues: [string, number][] = [
  ['m', 1000],
  ['cm', 900],
  ['d', 500],
  ['cd', 400],
  ['c', 100],
  ['xc', 90],
  ['l', 50],
  ['xl', 40],
  ['x', 10],
  ['ix', 9],
  ['v', 5],
  ['iv', 4],
  ['i', 1],
];

export function toRoman(n: number): string {
  let rest = n;
  let out = '';
  for (const [numeral, value] of romanValues) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}

/** "iv" → 4; undefined when it is not a canonical lowercase roman numeral. */
export function fromRoman(text: string): number | undefined {
  if (!/^[ivxlcdm]+$/.test(text)) return undefined;
  let total = 0;
  let at = 0;
  for (const [numeral, value] of romanValues) {
    while (text.startsWith(numeral, at)) {
      total += value;
      at += numeral.length;
    }
  }
  return at === text.length && toRoman(total) === text ? total : undefined;
}

/** 1 → "a", 27 → "aa". */
export function toLetters(n: number, upper = false): string {
  let rest = n;
  let out = '';
  while (rest > 0) {
    rest -= 1;
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  }
  return upper ? out.toUpperCase() : out;
}

export type LabelScheme = 'roman' | 'letter' | 'Letter' | 'number';

export function labelFor(scheme: LabelScheme, n: number): string {
  switch (scheme) {
    case 'roman':
      return toRoman(n);
    case 'letter':
      return toLetters(n);
    case 'Letter':
      return toLetters(n, true);
    case 'number':
      return String(n);
  }
}

/** The scheme a first label starts ("i", "a", "A", "1"), or undefined if it does not start one. */
export function schemeStartedBy(label: string): LabelScheme | undefined {
  if (label === 'i') return 'roman';
  if (label === 'a') return 'letter';
  if (label === 'A') return 'Letter';
  if (label === '1') return 'number';
  return undefined;
}

/** "Multiple Choice" → "multiple-choice": the problem's page name. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\$[^$]*\$/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 60).replace(/-+$/, '');
}

/** Inline Markdown → the words a reader sees (emphasis and escapes removed, math kept as `$…$`). */
function plainWords(markdown: string): string {
  return markdown
    .replace(/\*\*|__|`/g, '')
    .replace(/(^|[^\\$])\*/g, '$1')
    .replace(/\\([\\`*_{}<>[\]()#+\-.!|$])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A short title from a question's first words, for the table of contents: whole words and whole
 * formulas, cut at the end of the first sentence or about `max` characters, "…" when cut.
 */
export function titleFromText(markdown: string, max = 60): string | undefined {
  const text = plainWords(markdown);
  if (text === '') return undefined;
  const words: string[] = [];
  let length = 0;
  let cut = false;
  let depth = 0;
  let at = 0;
  while (at < text.length) {
    // A word runs to the next space outside a formula: "$W^{[2]}, b^{[2]}$?" is one word.
    let end = at;
    while (end < text.length && text[end] !== ' ') {
      if (text[end] === '$') {
        const close = text.indexOf('$', end + 1);
        end = close === -1 ? text.length : close + 1;
        continue;
      }
      if (text[end] === '(') depth++;
      if (text[end] === ')') depth = Math.max(0, depth - 1);
      end++;
    }
    const word = text.slice(at, end);
    if (length + word.length > max && words.length > 0) {
      cut = true;
      break;
    }
    words.push(word);
    length += word.length + 1;
    at = end;
    while (text[at] === ' ') at++;
    const sentenceEnd =
      /[.?!:]$/.test(word) && !/^(?:e\.g|i\.e|etc|vs|cf|fig|approx|resp|eq|no)\.$/i.test(word.replace(/^\(/, ''));
    if (sentenceEnd && depth === 0 && at < text.length) break; // the first sentence is the title
  }
  let title = words
    .join(' ')
    .replace(/\s*[.,;:]$/, '')
    .trim();
  if (cut) title = `${title.replace(/[,;:]$/, '')}…`;
  return title === '' ? undefined : title;
}

/**
 * Escapes what MDX or Markdown would read as syntax in plain text (no math or code inside):
 * `{` `}` start expressions, `<` starts JSX, `*` `_` emphasis, `[` `]` links.
 */
export function escapeMdxText(text: string): string {
  let out = '';
  for (const char of text) {
    if ('\\{}<>*_[]`$'.includes(char)) out += `\\${char}`;
    else out += char;
  }
  return out;
}

/**
 * Makes Markdown from a plain-text exam safe for MDX without touching its Markdown: `{`, `}` and
 * `<` outside `$…$` math and `code` become escapes, and `*` between two digits (`128*128`, a
 * product, not emphasis) too. One pass over the string.
 */
export function escapeMdxInMarkdown(markdown: string): string {
  let out = '';
  let inMath = false;
  let inCode = false;
  for (let at = 0; at < markdown.length; at++) {
    const char = markdown[at] ?? '';
    if (char === '\\' && at + 1 < markdown.length && !inCode) {
      out += char + (markdown[at + 1] ?? '');
      at++;
      continue;
    }
    if (char === '`' && !inMath) inCode = !inCode;
    else if (char === '$' && !inCode) inMath = !inMath;
    else if (!inMath && !inCode) {
      if (char === '{' || char === '}' || char === '<') {
        out += `\\${char}`;
        continue;
      }
      if (char === '*' && /\d/.test(markdown[at - 1] ?? '') && /\d/.test(markdown[at + 1] ?? '')) {
        out += '\\*';
        continue;
      }
    }
    out += char;
  }
  return out;
}

/** A YAML scalar for frontmatter: plain when unambiguous, else double-quoted (JSON escapes are YAML escapes). */
export function yamlString(value: string): string {
  const reserved = /^(?:true|false|null|yes|no|on|off|y|n)$/i.test(value);
  return /^[A-Za-z][A-Za-z0-9 ,.()'&/-]*$/.test(value) && !/ $/.test(value) && !reserved
    ? value
    : JSON.stringify(value);
}

/** Always quoted, as in the hand-made content's titles and topics. */
export function quoted(value: string): string {
  return JSON.stringify(value);
}

/** A solution that is only a number ("59", "-0.25", "1,208", "$59$") is a numeric answer key. */
export function numericKey(solution: readonly string[]): { number: number } | undefined {
  if (solution.length !== 1) return undefined;
  const text = (solution[0] ?? '')
    .trim()
    .replace(/^\$(.*)\$$/, '$1')
    .replace(/(\d),(\d{3})/g, '$1$2');
  return /^-?\d+(?:\.\d+)?$/.test(text) ? { number: Number(text) } : undefined;
}

/** A JSX attribute value: a plain string literal when it can be one, else an expression. */
export function jsxString(value: string): string {
  return /["{}<>\\\n]/.test(value) ? `{${JSON.stringify(value)}}` : `"${value}"`;
}
