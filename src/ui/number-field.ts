/**
 * The one parser for numbers typed by students: every number field, and every number inside a text
 * field ("7, 3", "CONV3-16"). A number becomes a value within its rule, or one message in one style,
 * "<Label>: enter a whole number from 1 to 64.", which names the field and states the limits.
 *
 * Only decimal and scientific notation are numbers here: Number() alone would also accept "0x10",
 * "0b11", "Infinity", and "" (as 0). The check is a single hand-written scan instead of a regular
 * expression, so no input, however long, can make it backtrack: time is linear in the length.
 */
import { isDecimalNumeral } from './decimal-numeral';
import { formatExact } from './format';

export interface NumberRule {
  /** Names the field in messages, e.g. "Step size". */
  label: string;
  min: number;
  max: number;
  /** Whole numbers only (sizes, counts, seeds). */
  integer: boolean;
}

export type Checked = { ok: true; value: number } | { ok: false; message: string };

export interface FieldError<F extends string> {
  field: F;
  message: string;
}

/** Settings parsed from a form: the value, or every bad field with its message, in form order. */
export type Validated<T, F extends string = string> =
  { ok: true; value: T } | { ok: false; errors: [FieldError<F>, ...Array<FieldError<F>>] };

/** Whole numbers above this are not all representable as doubles, so a larger count could be wrong. */
export const LARGEST_EXACT_COUNT = Number.MAX_SAFE_INTEGER;

/**
 * Largest size a student can type (input sizes, widths, kernels, channels): far beyond any network
 * drawn by hand, and short to read in a message. Products of sizes can still exceed
 * LARGEST_EXACT_COUNT, which `tooLargeToCount` reports.
 */
const LARGEST_SIZE = 1_000_000_000;

/** The rule of a size field: a whole number from `min` (1, or 0 for padding) to LARGEST_SIZE. */
export function sizeRule(label: string, min: 0 | 1 = 1): NumberRule {
  return { label, min, max: LARGEST_SIZE, integer: true };
}

/** "The total is too large to count exactly (above 9,007,199,254,740,991)." */
export function tooLargeToCount(subject: string): string {
  return `${subject} is too large to count exactly (above ${formatExact(LARGEST_EXACT_COUNT)}).`;
}

/** "a whole number from 1 to 64". */
export function describeRule(rule: NumberRule): string {
  return `${rule.integer ? 'a whole number' : 'a number'} from ${formatExact(rule.min)} to ${formatExact(rule.max)}`;
}

/** The message for any text or value that breaks `rule`. */
function ruleMessage(rule: NumberRule): string {
  return `${rule.label}: enter ${describeRule(rule)}.`;
}

/** Checks a value against its rule (also used for numbers given as props by the content). */
export function checkNumber(value: number, rule: NumberRule): Checked {
  const fits =
    Number.isFinite(value) && value >= rule.min && value <= rule.max && (!rule.integer || Number.isInteger(value));
  // −0 would print as "-0" in later messages.
  return fits ? { ok: true, value: value === 0 ? 0 : value } : { ok: false, message: ruleMessage(rule) };
}

/** Parses typed text, ignoring surrounding spaces. */
export function parseNumber(text: string, rule: NumberRule): Checked {
  const trimmed = text.trim();
  return isDecimalNumeral(trimmed) ? checkNumber(Number(trimmed), rule) : { ok: false, message: ruleMessage(rule) };
}

/** Parses every field of a form, in the order of `rules`; any bad field makes the whole form invalid. */
export function parseFields<F extends string>(
  texts: Readonly<Record<NoInfer<F>, string>>,
  rules: Readonly<Record<F, NumberRule>>,
): Validated<Record<F, number>, F> {
  const values = {} as Record<F, number>;
  const errors: Array<FieldError<F>> = [];
  for (const field of Object.keys(rules) as F[]) {
    const parsed = parseNumber(texts[field], rules[field]);
    if (parsed.ok) values[field] = parsed.value;
    else errors.push({ field, message: parsed.message });
  }
  const [first, ...rest] = errors;
  return first === undefined ? { ok: true, value: values } : { ok: false, errors: [first, ...rest] };
}
