/**
 * Parses what a student types as a numeric answer: integers, decimals, scientific notation
 * ("5.9e1"), fractions ("1/16"), thousands separators ("1,234" or "1 234") and surrounding spaces.
 * Hand-written scans, no regular expressions over the input, so time is linear in its length.
 */
import { isDecimalNumeral } from '../ui/decimal-numeral';

export type ParsedAnswer = { ok: true; value: number } | { ok: false; message: string };

// Shown before any solution is revealed, so no example may be an exam's answer (59 was 2(a)'s).
export const ANSWER_FORMAT = 'Enter a number such as 42, 0.25, 1.5e-3, 1/16 or 12,345.';

/** "12,345.5" → "12345.5" when every separator sits between groups of three digits; else null. */
function withoutThousands(text: string): string | null {
  const separator = text.includes(',') ? ',' : text.includes(' ') ? ' ' : '';
  if (separator === '') return text;
  const sign = text[0] === '-' || text[0] === '+' ? text[0] : '';
  const unsigned = sign ? text.slice(1) : text;
  const dot = unsigned.indexOf('.');
  const whole = dot === -1 ? unsigned : unsigned.slice(0, dot);
  const groups = whole.split(separator);
  const [first = '', ...rest] = groups;
  if (first.length < 1 || first.length > 3 || rest.some((group) => group.length !== 3)) return null;
  return sign + groups.join('') + (dot === -1 ? '' : unsigned.slice(dot));
}

function decimal(text: string): number | null {
  const plain = withoutThousands(text.trim());
  if (plain === null || !isDecimalNumeral(plain)) return null;
  const value = Number(plain);
  return Number.isFinite(value) ? value : null;
}

export function parseAnswerNumber(input: string): ParsedAnswer {
  const text = input.trim();
  if (text === '') return { ok: false, message: `Type your answer first. ${ANSWER_FORMAT}` };
  const slash = text.indexOf('/');
  if (slash !== -1) {
    const numerator = decimal(text.slice(0, slash));
    const denominator = decimal(text.slice(slash + 1));
    if (numerator === null || denominator === null) {
      return { ok: false, message: `“${text}” is not a number. ${ANSWER_FORMAT}` };
    }
    if (denominator === 0) return { ok: false, message: `“${text}” divides by zero. ${ANSWER_FORMAT}` };
    return { ok: true, value: numerator / denominator };
  }
  const value = decimal(text);
  return value === null ? { ok: false, message: `“${text}” is not a number. ${ANSWER_FORMAT}` } : { ok: true, value };
}
