import { describe, expect, it } from 'vitest';
import { parseNumberField } from './numeric-field';

const hiddenUnits = { min: 1, max: 64, integer: true };
const beta = { min: 0.1, max: 100, integer: false };

describe('number fields', () => {
  it('accepts values inside the range, with surrounding spaces', () => {
    expect(parseNumberField(' 7 ', hiddenUnits), 'a whole number in range').toEqual({ ok: true, value: 7 });
    expect(parseNumberField('64', hiddenUnits), 'the upper bound is allowed').toEqual({ ok: true, value: 64 });
    expect(parseNumberField('2.5', beta), 'a decimal for a real-valued field').toEqual({ ok: true, value: 2.5 });
    expect(parseNumberField('1e2', beta), 'exponent notation is a number').toEqual({ ok: true, value: 100 });
  });

  it('rejects empty, out-of-range, fractional and non-decimal text with the rule as message', () => {
    for (const text of ['', '   ', '0', '65', '3.5', 'abc', '0x10', 'Infinity', '1e400']) {
      const result = parseNumberField(text, hiddenUnits);
      expect(result.ok, `"${text}" must be rejected for a 1–64 whole-number field`).toBe(false);
      if (!result.ok) expect(result.message).toBe('Enter a whole number from 1 to 64.');
    }
    const tooSmall = parseNumberField('0.05', beta);
    expect(tooSmall, 'beta below its minimum').toEqual({ ok: false, message: 'Enter a number from 0.1 to 100.' });
  });
});
