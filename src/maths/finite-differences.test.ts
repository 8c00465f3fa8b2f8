import { describe, expect, it } from 'vitest';
import { centralDifference, relativeStep, richardsonDifference } from './finite-differences';

describe('central differences', () => {
  it('differentiate smooth functions to about 1e-9 with the relative step', () => {
    for (const x of [-3, 0, 0.7, 2]) {
      expect(centralDifference(Math.sin, x), `sin′(${x})`).toBeCloseTo(Math.cos(x), 9);
    }
    expect(relativeStep(0), 'absolute near 0').toBe(1e-5);
    expect(relativeStep(-200), 'relative to |x| away from 0').toBe(2e-3);
  });

  it('are exact for quadratics, whose error term vanishes', () => {
    expect(centralDifference((x) => 3 * x * x, 2, 0.5)).toBe(12);
  });

  it('with Richardson extrapolation cancel the h² error of the plain formula', () => {
    const h = 0.1;
    const plain = Math.abs(centralDifference(Math.exp, 1, h) - Math.E);
    const extrapolated = Math.abs(richardsonDifference(Math.exp, 1, h) - Math.E);
    expect(plain, 'plain: about e·h²/6').toBeGreaterThan(1e-3);
    expect(extrapolated, 'extrapolated: O(h⁴)').toBeLessThan(1e-5);
  });
});
