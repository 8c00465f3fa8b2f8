import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatExact,
  formatExponential,
  formatFixed,
  formatLogTick,
  formatNumber,
  formatPercent,
  formatPrecision,
  formatRounded,
  formatSubscript,
} from './format';

describe('formatNumber', () => {
  it('uses thousands separators and significant digits', () => {
    expect(formatNumber(1234567), 'large counts get separators').toBe('1,230,000');
    expect(formatNumber(0.012345), 'small decimals keep 3 significant digits').toBe('0.0123');
    expect(formatNumber(-2.5), 'negatives keep their sign').toBe('-2.5');
  });
  it('switches to exponent notation for tiny and huge magnitudes', () => {
    expect(formatNumber(1.2e-7), 'tiny values').toBe('1.2e-7');
    expect(formatNumber(3e12), 'huge values drop trailing zeros').toBe('3e12');
  });
  it('never prints NaN, Infinity or -0', () => {
    expect(formatNumber(NaN)).toBe('not a number');
    expect(formatNumber(Infinity)).toBe('infinity');
    expect(formatNumber(-1e-12 * 0)).toBe('0');
    expect(formatNumber(-0.0000001, 1), 'rounded tiny negative').not.toContain('NaN');
  });
  it('property: output never contains NaN/Infinity/undefined for any double', () => {
    fc.assert(
      fc.property(fc.double(), fc.integer({ min: 1, max: 8 }), (value, digits) => {
        const text = formatNumber(value, digits);
        return !/NaN|Infinity|undefined/.test(text) && text.length > 0;
      }),
      { seed: 230, numRuns: 500 },
    );
  });
});

describe('formatLogTick', () => {
  it('writes decimals near 1 and powers of ten far from it', () => {
    expect(formatLogTick(0.01)).toBe('0.01');
    expect(formatLogTick(1000)).toBe('1,000');
    expect(formatLogTick(1e-6), 'superscript exponent').toBe('10⁻⁶');
    expect(formatLogTick(1e8)).toBe('10⁸');
  });
});

describe('formatExact', () => {
  it('writes counts and limits with separators and every digit', () => {
    expect(formatExact(7039)).toBe('7,039');
    expect(formatExact(9_007_199_254_740_991)).toBe('9,007,199,254,740,991');
    expect(formatExact(-1000)).toBe('-1,000');
    expect(formatExact(0.001), 'a limit is never rounded away').toBe('0.001');
    expect(formatExact(1e-7)).toBe('0.0000001');
  });
});

describe('fixed-width formats', () => {
  it('formatPrecision keeps trailing zeros and uses a real minus sign', () => {
    expect(formatPrecision(0.5, 6)).toBe('0.500000');
    expect(formatPrecision(-1.23456789, 6)).toBe('−1.23457');
    expect(formatPrecision(0, 6)).toBe('0');
  });
  it('formatFixed never prints −0', () => {
    expect(formatFixed(-0.0004, 3)).toBe('0.000');
    expect(formatFixed(-1.5, 1)).toBe('−1.5');
    expect(formatFixed(0.125, 2)).toBe('0.13');
  });
  it('formatExponential, formatPercent and formatRounded', () => {
    expect(formatExponential(7.6e-10, 1)).toBe('7.6e-10');
    expect(formatExponential(0, 1)).toBe('0');
    expect(formatPercent(0.123)).toBe('12%');
    expect(formatRounded(0.01 / 3, 2)).toBe('0.0033');
    expect(formatRounded(0.0001, 2)).toBe('0.0001');
  });
  it('formatSubscript writes indices', () => {
    expect(formatSubscript(30)).toBe('₃₀');
  });
});
