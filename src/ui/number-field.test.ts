import { describe, expect, it } from 'vitest';
import { isDecimalNumeral } from './decimal-numeral';
import { parseFields, parseNumber, sizeRule, tooLargeToCount, type NumberRule } from './number-field';

const hiddenUnits: NumberRule = { label: 'Hidden units', min: 1, max: 64, integer: true };
const beta: NumberRule = { label: 'Beta', min: 0.1, max: 100, integer: false };

describe('parseNumber', () => {
  it('accepts decimal and scientific notation inside the limits, ignoring surrounding spaces', () => {
    expect(parseNumber(' 7 ', hiddenUnits), 'a whole number in range').toEqual({ ok: true, value: 7 });
    expect(parseNumber('64', hiddenUnits), 'the upper limit is allowed').toEqual({ ok: true, value: 64 });
    expect(parseNumber('2.5', beta), 'a decimal for a real-valued field').toEqual({ ok: true, value: 2.5 });
    expect(parseNumber('1e2', beta), 'exponent notation').toEqual({ ok: true, value: 100 });
    expect(parseNumber('1e3', { ...beta, max: 1000 })).toEqual({ ok: true, value: 1000 });
    expect(parseNumber('.5', beta), 'no leading digit').toEqual({ ok: true, value: 0.5 });
    expect(parseNumber('3.', hiddenUnits), 'a trailing point').toEqual({ ok: true, value: 3 });
    expect(parseNumber('+1E1', beta), 'sign and capital E').toEqual({ ok: true, value: 10 });
    expect(parseNumber('-0', { ...beta, min: -1 }), '−0 becomes 0').toEqual({ ok: true, value: 0 });
  });

  it('rejects empty, non-decimal, fractional and out-of-range text with one message stating the rule', () => {
    for (const text of [
      '',
      '   ',
      '0',
      '65',
      '3.5',
      'abc',
      '0x10',
      '0b11',
      '0o7',
      'Infinity',
      '-Infinity',
      'NaN',
      '1e400',
      '1e',
      'e3',
      '.',
      '-',
      '1,000',
      '1 0',
      '٣',
    ]) {
      expect(parseNumber(text, hiddenUnits), `"${text}"`).toEqual({
        ok: false,
        message: 'Hidden units: enter a whole number from 1 to 64.',
      });
    }
    expect(parseNumber('0.05', beta)).toEqual({ ok: false, message: 'Beta: enter a number from 0.1 to 100.' });
  });

  it('writes limits with separators and never rounds them', () => {
    const seed: NumberRule = { label: 'Seed', min: 0, max: 4_294_967_295, integer: true };
    expect(parseNumber('-1', seed)).toEqual({
      ok: false,
      message: 'Seed: enter a whole number from 0 to 4,294,967,295.',
    });
    const step: NumberRule = { label: 'Step size', min: 0.001, max: 10, integer: false };
    expect(parseNumber('0', step)).toEqual({ ok: false, message: 'Step size: enter a number from 0.001 to 10.' });
  });

  it('takes linear time on long adversarial input', () => {
    // Shapes that make backtracking patterns such as /^\d+\.?\d*$/ quadratic or worse.
    const inputs = [
      '1'.repeat(200_000) + 'x',
      '1'.repeat(100_000) + '.' + '1'.repeat(100_000) + 'e',
      '-'.repeat(200_000),
      '1e' + '1'.repeat(200_000) + '.',
    ];
    const started = performance.now();
    for (const text of inputs) expect(isDecimalNumeral(text)).toBe(false);
    expect(isDecimalNumeral('1'.repeat(200_000)), 'a long but valid numeral').toBe(true);
    expect(parseNumber('9'.repeat(200_000), hiddenUnits).ok, 'too large: Infinity is rejected').toBe(false);
    expect(performance.now() - started, 'a few milliseconds, not seconds').toBeLessThan(500);
  });
});

describe('parseFields', () => {
  const rules = { beta, hiddenUnits };

  it('returns every value when all fields are valid', () => {
    expect(parseFields({ beta: '2', hiddenUnits: '5' }, rules)).toEqual({
      ok: true,
      value: { beta: 2, hiddenUnits: 5 },
    });
  });

  it('lists every bad field in the order of the rules', () => {
    expect(parseFields({ beta: 'x', hiddenUnits: '0' }, rules)).toEqual({
      ok: false,
      errors: [
        { field: 'beta', message: 'Beta: enter a number from 0.1 to 100.' },
        { field: 'hiddenUnits', message: 'Hidden units: enter a whole number from 1 to 64.' },
      ],
    });
    const reversed = parseFields({ beta: 'x', hiddenUnits: '0' }, { hiddenUnits, beta });
    expect(!reversed.ok && reversed.errors[0].field).toBe('hiddenUnits');
  });
});

describe('sizes and exact counts', () => {
  it('sizes are whole numbers up to a billion', () => {
    expect(parseNumber('1000000000', sizeRule('Width')).ok).toBe(true);
    expect(parseNumber('1e10', sizeRule('Width'))).toEqual({
      ok: false,
      message: 'Width: enter a whole number from 1 to 1,000,000,000.',
    });
    expect(parseNumber('0', sizeRule('Padding', 0)).ok, 'padding may be 0').toBe(true);
  });

  it('names the exact-count limit', () => {
    expect(tooLargeToCount('The total')).toBe('The total is too large to count exactly (above 9,007,199,254,740,991).');
  });
});
