import { describe, expect, it } from 'vitest';
import { mulberry32, normalGenerator } from './random';

describe('seeded random numbers', () => {
  it('repeats the same sequence for the same seed and differs for another seed', () => {
    const first = Array.from({ length: 5 }, mulberry32(42));
    const again = Array.from({ length: 5 }, mulberry32(42));
    const other = Array.from({ length: 5 }, mulberry32(43));
    expect(again, 'same seed must give the same numbers').toEqual(first);
    expect(other, 'a different seed must give different numbers').not.toEqual(first);
  });

  it('draws uniforms in [0, 1) with mean about 1/2', () => {
    const uniform = mulberry32(7);
    const draws = Array.from({ length: 20_000 }, uniform);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((sum, x) => sum + x, 0) / draws.length;
    expect(mean).toBeCloseTo(0.5, 2);
  });

  it('draws normals with mean about 0 and variance about 1', () => {
    const normal = normalGenerator(mulberry32(2021));
    const draws = Array.from({ length: 40_000 }, normal);
    const mean = draws.reduce((sum, x) => sum + x, 0) / draws.length;
    const variance = draws.reduce((sum, x) => sum + (x - mean) ** 2, 0) / draws.length;
    expect(Math.abs(mean), 'sample mean of 40k standard normals').toBeLessThan(0.02);
    expect(Math.abs(variance - 1), 'sample variance of 40k standard normals').toBeLessThan(0.03);
    expect(draws.every(Number.isFinite), 'no infinite or NaN draws').toBe(true);
  });
});
