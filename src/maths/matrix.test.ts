import { describe, expect, it } from 'vitest';
import { add, columnVector, entry, fromRows, hadamard, multiply, shapeText, transpose } from './matrix';

describe('dense matrices', () => {
  const a = fromRows([
    [1, 2, 3],
    [4, 5, 6],
  ]);

  it('multiplies compatible shapes like the textbook definition', () => {
    const product = multiply(a, columnVector([1, 0, -1]));
    expect(product.ok, '2×3 times 3×1 is defined').toBe(true);
    if (product.ok) {
      expect(shapeText(product.value)).toBe('2×1');
      expect(Array.from(product.value.data), 'row sums with weights 1, 0, −1').toEqual([-2, -2]);
    }
  });

  it('reports a shape mismatch instead of producing numbers', () => {
    const product = multiply(a, columnVector([1, 2]));
    expect(product, '2×3 times 2×1 is not defined').toEqual({
      ok: false,
      error: 'cannot multiply 2×3 by 2×1: inner sizes 3 and 2 differ',
    });
    expect(hadamard(a, transpose(a)).ok, 'element-wise product needs equal shapes').toBe(false);
    expect(add(a, columnVector([1, 2])).ok, 'addition needs equal shapes').toBe(false);
  });

  it('transposes entry (i, j) to (j, i)', () => {
    const t = transpose(a);
    expect(shapeText(t)).toBe('3×2');
    expect(entry(t, 2, 1), 'a[1][2] = 6 moves to t[2][1]').toBe(6);
  });

  it('multiplies and adds element-wise', () => {
    const product = hadamard(a, a);
    const sum = add(a, a);
    expect(product.ok && Array.from(product.value.data)).toEqual([1, 4, 9, 16, 25, 36]);
    expect(sum.ok && Array.from(sum.value.data)).toEqual([2, 4, 6, 8, 10, 12]);
  });
});
