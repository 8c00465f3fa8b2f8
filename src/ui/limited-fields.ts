/**
 * Parsing of the explorers' text fields: each field becomes a number within its limits, or the first
 * bad field is named with a message such as "Steps: enter a whole number.".
 * (The labs use `numeric-field.ts`, whose messages state the rule instead.)
 */

export type Validated<T, F extends string = string> =
  { ok: true; value: T } | { ok: false; error: { field: F; message: string } };

export interface LimitedField<F extends string> {
  field: F;
  /** Starts the message, e.g. "Step size" in "Step size: enter a number.". */
  label: string;
  min: number;
  max: number;
  /** Whole numbers only. */
  integer: boolean;
}

const format = (value: number): string => value.toLocaleString('en-US');

/** Checks the fields in the order given and stops at the first bad one. */
export function parseLimitedFields<F extends string>(
  raw: Readonly<Record<F, string>>,
  fields: ReadonlyArray<LimitedField<F>>,
): Validated<Record<F, number>, F> {
  const values = {} as Record<F, number>;
  for (const { field, label, min, max, integer } of fields) {
    const text = raw[field].trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value))
      return { ok: false, error: { field, message: `${label}: enter a number.` } };
    if (integer && !Number.isInteger(value)) {
      return { ok: false, error: { field, message: `${label}: enter a whole number.` } };
    }
    if (value < min || value > max) {
      return { ok: false, error: { field, message: `${label}: must be between ${format(min)} and ${format(max)}.` } };
    }
    values[field] = value;
  }
  return { ok: true, value: values };
}
