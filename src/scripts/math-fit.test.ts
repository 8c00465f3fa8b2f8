import { describe, expect, it } from 'vitest';
import { fitScale, minMathScale } from './math-fit';

describe('fitting display math to its column', () => {
  it('leaves a formula that fits at full size', () => {
    expect(fitScale(700, 500), 'narrower than the column').toBe(1);
    expect(fitScale(700, 700), 'exactly the column').toBe(1);
  });

  it('shrinks a slightly wide formula just enough to fit, rounding down', () => {
    const scale = fitScale(976, 1110);
    expect(scale).toBeLessThan(1);
    expect(1110 * scale, 'the shrunk formula fits').toBeLessThanOrEqual(976);
    expect(scale, 'no smaller than needed').toBeGreaterThan(0.87);
  });

  it('shrinks a formula again from its current scale when glyphs did not shrink in proportion', () => {
    // Measured in a browser that hints fonts: 1146 px at full size, still 950 px at 0.821 in 942 px.
    const first = fitScale(942, 1146);
    const corrected = fitScale(942, 950, first);
    expect(corrected, 'smaller than the first scale').toBeLessThan(first);
    expect(950 * (corrected / first), 'the corrected formula fits').toBeLessThanOrEqual(942);
    expect(fitScale(942, 940, first), 'a shrunk formula that fits keeps its scale').toBe(first);
    expect(fitScale(328, 400, minMathScale), 'never below a readable size').toBe(minMathScale);
  });

  it('never shrinks below a readable size: a much wider formula scrolls instead', () => {
    expect(fitScale(328, 1110)).toBe(minMathScale);
  });

  it('does not scale a box that has no width yet (inside a closed solution)', () => {
    expect(fitScale(0, 0)).toBe(1);
    expect(fitScale(0, 300)).toBe(1);
    expect(fitScale(Number.NaN, 300)).toBe(1);
  });
});
