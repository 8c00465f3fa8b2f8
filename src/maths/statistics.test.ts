import { describe, expect, it } from 'vitest';
import { meanAndVariance } from './statistics';

describe('meanAndVariance', () => {
  it('is the population (divide by n) variance', () => {
    expect(meanAndVariance([1, 3, 5])).toEqual({ mean: 3, variance: 8 / 3 });
    expect(meanAndVariance(Float64Array.of(-2, -2, 4)).variance, 'typed arrays too').toBe(8);
  });

  it('stays accurate with a large mean', () => {
    const { mean, variance } = meanAndVariance([1e9 + 1, 1e9 + 2, 1e9 + 3]);
    expect(mean).toBe(1e9 + 2);
    expect(variance).toBeCloseTo(2 / 3, 9);
  });

  it('gives variance 0 for a single value', () => {
    expect(meanAndVariance([4.2])).toEqual({ mean: 4.2, variance: 0 });
  });
});
