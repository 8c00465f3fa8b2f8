import { describe, expect, it } from 'vitest';
import { parseAnswerNumber } from './answer-number';

const value = (text: string) => {
  const parsed = parseAnswerNumber(text);
  return parsed.ok ? parsed.value : parsed.message;
};

describe('numeric answers', () => {
  it.each([
    ['59', 59],
    ['  59 ', 59],
    ['-0.25', -0.25],
    ['5.9e1', 59],
    ['1/16', 0.0625],
    [' 3 / 4 ', 0.75],
    ['12,345', 12345],
    ['1,234,567.5', 1234567.5],
    ['1 234', 1234],
  ])('reads %j as %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each(['abc', '', '1,23', '12,3456', '0x10', 'Infinity', '1/0', '1/', '5e', '1e400'])(
    'rejects %j with the format',
    (text) => {
      const parsed = parseAnswerNumber(text);
      expect(parsed.ok, `"${text}" should not be a number`).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/Enter a number such as 42/);
    },
  );

  it('stays fast on long hostile input', () => {
    const start = performance.now();
    parseAnswerNumber(`${'1,'.repeat(100_000)}x`);
    parseAnswerNumber(`${'9'.repeat(100_000)}e`);
    // Generous, since other tests share the machine: a quadratic scan of 100,000 characters takes minutes.
    expect(performance.now() - start, 'one pass over 200,000 characters').toBeLessThan(500);
  });
});
