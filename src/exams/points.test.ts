import { describe, expect, it } from 'vitest';
import { samePoints, sumPoints } from './points';

describe('points arithmetic', () => {
  it('adds decimal points the way a person does', () => {
    expect(sumPoints([0.1, 0.2]), '0.1 + 0.2 must read as 0.3').toBe(0.3);
    expect(samePoints(sumPoints([0.1, 0.2]), 0.3)).toBe(true);
  });

  it('still tells different totals apart', () => {
    expect(samePoints(sumPoints([0.5, 0.25]), 0.8)).toBe(false);
    expect(sumPoints([2, 2, 4])).toBe(8);
  });
});
