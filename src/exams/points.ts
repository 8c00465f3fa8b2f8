/**
 * Points are added in integer hundredths: exams use halves and quarters, and adding floats
 * directly makes 0.1 + 0.2 "add up to 0.30000000000000004" instead of matching 0.3.
 */
export function toHundredths(points: number): number {
  return Math.round(points * 100);
}

export function sumPoints(points: readonly number[]): number {
  return points.reduce((total, value) => total + toHundredths(value), 0) / 100;
}

export function samePoints(a: number, b: number): boolean {
  return toHundredths(a) === toHundredths(b);
}
