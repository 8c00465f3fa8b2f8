import { describe, expect, it } from 'vitest';
import { memoizeRecent } from './memo';

describe('memoizeRecent', () => {
  it('runs once per key and forgets the least recently used beyond its size', () => {
    const calls: number[] = [];
    const square = memoizeRecent(
      (n: number) => {
        calls.push(n);
        return n * n;
      },
      String,
      2,
    );
    expect([square(2), square(3), square(2)], 'results are the function’s').toEqual([4, 9, 4]);
    expect(calls, 'a repeated input is not recomputed').toEqual([2, 3]);
    square(4); // forgets 3, the least recently used, not 2
    square(2);
    square(3);
    expect(calls, 'only the least recently used input was forgotten').toEqual([2, 3, 4, 3]);
  });
});
