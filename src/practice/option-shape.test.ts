import { describe, expect, it } from 'vitest';
import { isNoneOfTheAbove, shapesIn } from './option-shape';

describe('shapes stated in an option', () => {
  it.each([
    ['($15 \\times 15 \\times 15$)', [{ h: 15, w: 15, c: 15 }]],
    ['15 × 15 × 3', [{ h: 15, w: 15, c: 3 }]],
    ['15x15x3', [{ h: 15, w: 15, c: 3 }]],
    ['(126, 126, 8)', [{ h: 126, w: 126, c: 8 }]],
    ['$15\\,\\times\\,15\\times{}3$', [{ h: 15, w: 15, c: 3 }]],
    [
      'either 1 × 2 × 3 or 4 * 5 * 6',
      [
        { h: 1, w: 2, c: 3 },
        { h: 4, w: 5, c: 6 },
      ],
    ],
  ])('reads %j', (text, shapes) => {
    expect(shapesIn(text)).toEqual(shapes);
  });

  it.each([
    ['None of the above'],
    ['(15 × 15)', 'two sizes are not a shape'],
    ['2 × 15 × 15 × 3', 'four sizes are a tensor, not an H × W × C shape'],
    ['15 × 15 × 3 ×', 'a shape that trails off'],
    ['15 × 1.5 × 3', 'decimals are not sizes'],
    ['15 15 15', 'sizes need separators'],
  ])('finds no shape in %j', (text, why = '') => {
    expect(shapesIn(text), why).toEqual([]);
  });

  it('reads a long adversarial line in linear time', () => {
    const line = '1 × '.repeat(200_000);
    const start = performance.now();
    expect(shapesIn(line)).toEqual([]);
    expect(performance.now() - start, 'one pass over 800,000 characters').toBeLessThan(500);
  });

  it('knows “None of the above” whatever its case and punctuation', () => {
    expect([isNoneOfTheAbove('None of the above'), isNoneOfTheAbove('(none of the above.)')]).toEqual([true, true]);
    expect([isNoneOfTheAbove('All of the above'), isNoneOfTheAbove('None')]).toEqual([false, false]);
  });
});
