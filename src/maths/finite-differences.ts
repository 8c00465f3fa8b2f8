/**
 * Numerical derivatives by central differences, to check a derivative formula against the function.
 *
 * The central difference D(h) = (f(x + h) − f(x − h)) / 2h has an error c·h² + O(h⁴) plus rounding of
 * about ulp(f)/h. Richardson extrapolation, (4·D(h) − D(2h)) / 3, cancels the h² term, so a larger h
 * can be used and the rounding shrinks too.
 */

/** A step of 10⁻⁵ relative to x (absolute near 0), which balances truncation and rounding for smooth f. */
export function relativeStep(x: number): number {
  return 1e-5 * Math.max(1, Math.abs(x));
}

/** (f(x + h) − f(x − h)) / 2h. */
export function centralDifference(f: (x: number) => number, x: number, h: number = relativeStep(x)): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

/** (4·D(h) − D(2h)) / 3, error O(h⁴). */
export function richardsonDifference(f: (x: number) => number, x: number, h: number): number {
  return (4 * centralDifference(f, x, h) - centralDifference(f, x, 2 * h)) / 3;
}
