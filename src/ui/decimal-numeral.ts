/**
 * The one test of what counts as a decimal numeral, shared by the tools' number fields
 * (number-field.ts) and the practice answer parser. Its own module: a page that parses answers
 * need not load the fields' rules and messages.
 */

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** [+|-] digits [. digits] [e|E [+|-] digits], with at least one digit before the exponent. */
export function isDecimalNumeral(text: string): boolean {
  let i = 0;
  if (text[i] === '+' || text[i] === '-') i += 1;
  let digits = 0;
  while (i < text.length && isDigit(text.charCodeAt(i))) {
    i += 1;
    digits += 1;
  }
  if (text[i] === '.') {
    i += 1;
    while (i < text.length && isDigit(text.charCodeAt(i))) {
      i += 1;
      digits += 1;
    }
  }
  if (digits === 0) return false;
  if (text[i] === 'e' || text[i] === 'E') {
    i += 1;
    if (text[i] === '+' || text[i] === '-') i += 1;
    const start = i;
    while (i < text.length && isDigit(text.charCodeAt(i))) i += 1;
    if (i === start) return false;
  }
  return i === text.length;
}
