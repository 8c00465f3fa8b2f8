/**
 * Number formatting for everything a reader sees: separators, significant digits, signs, and words
 * instead of NaN or Infinity. Pure (no DOM), so models and build-time components use it as well as
 * the islands; every number on the site goes through one of these functions.
 */

// One formatter per digit count, made once: `toLocaleString` builds a new Intl.NumberFormat on every
// call, which was a quarter of the build's CPU time (the plots and tables format thousands of ticks).
const significantFormats = new Map<number, Intl.NumberFormat>();
function significantFormat(significant: number): Intl.NumberFormat {
  let format = significantFormats.get(significant);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumSignificantDigits: significant });
    significantFormats.set(significant, format);
  }
  return format;
}
const exactFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

/**
 * For people: thousands separators, `significant` digits, exponent notation only for very small or
 * very large magnitudes, and words instead of NaN/Infinity.
 */
export function formatNumber(value: number, significant = 3): string {
  if (Number.isNaN(value)) return 'not a number';
  if (value === Infinity) return 'infinity';
  if (value === -Infinity) return '−infinity';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e9) {
    const text = significantFormat(significant).format(value);
    // Rounding can turn a tiny negative into "-0".
    return text === '-0' ? '0' : text;
  }
  const [mantissa = '', exponent = ''] = value.toExponential(significant - 1).split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return `${trimmed}e${exponent.replace('+', '')}`;
}

/**
 * Every digit with thousands separators: counts ("7,039") and the limits of a field ("0.001",
 * "4,294,967,295"), which must not be rounded. Only for finite values.
 */
export function formatExact(value: number): string {
  return exactFormat.format(value);
}

/** Rounded to `significant` digits and printed as JavaScript prints numbers: "0.0033", "1e-7". */
export function formatRounded(value: number, significant: number): string {
  return String(Number(value.toPrecision(significant)));
}

/** `significant` digits kept even when they are zeros ("0.500000"), with a real minus sign; 0 as "0". */
export function formatPrecision(value: number, significant: number): string {
  return value === 0 ? '0' : value.toPrecision(significant).replace(/^-/, '−');
}

/** `decimals` digits after the point ("−1.500"), with a real minus sign and never "−0.000". */
export function formatFixed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return Number(text) === 0 ? (0).toFixed(decimals) : text.replace(/^-/, '−');
}

/** Exponent notation with `digits` after the point ("7.6e-10"); 0 as "0". */
export function formatExponential(value: number, digits: number): string {
  return value === 0 ? '0' : value.toExponential(digits);
}

/** A fraction as a whole percentage: 0.123 → "12%". */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};
const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';

/** A whole number as a subscript, for indices such as x₁₂. */
export function formatSubscript(value: number): string {
  return String(value).replace(/\d/g, (d) => SUBSCRIPT[Number(d)] ?? d);
}

/** Label of a log-axis tick: plain decimals near 1, powers of ten (10⁻⁶) beyond. */
export function formatLogTick(value: number): string {
  const exponent = Math.round(Math.log10(value));
  const isPowerOfTen = Math.abs(value / 10 ** exponent - 1) < 1e-9;
  if (!isPowerOfTen || (exponent >= -3 && exponent <= 4)) return formatNumber(value, 3);
  return `10${String(exponent).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
}
