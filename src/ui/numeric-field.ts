/**
 * Parsing of the number fields of the labs: the text a student typed becomes a value, or a message to
 * show at that field (never NaN passed on to a computation).
 */

export interface NumberRule {
  min: number;
  max: number;
  /** Whole numbers only (sizes, counts, seeds). */
  integer: boolean;
}

export type FieldResult = { ok: true; value: number } | { ok: false; message: string };

export function describeRule(rule: NumberRule): string {
  const kind = rule.integer ? 'a whole number' : 'a number';
  return `Enter ${kind} from ${rule.min.toLocaleString('en-US')} to ${rule.max.toLocaleString('en-US')}.`;
}

export function parseNumberField(text: string, rule: NumberRule): FieldResult {
  const trimmed = text.trim();
  // Number('') is 0 and Number('0x10') is 16; accept only plain decimal notation.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return { ok: false, message: describeRule(rule) };
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < rule.min || value > rule.max || (rule.integer && !Number.isInteger(value))) {
    return { ok: false, message: describeRule(rule) };
  }
  return { ok: true, value };
}
