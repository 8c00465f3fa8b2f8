import { describe, expect, it } from 'vitest';
import { describeTolerance, gradeChoices, gradeNumber, gradeSelf } from './grade';
import { formatPoints } from './points';
import type { ChoicesKey, NumberKey } from './keys';

const key: ChoicesKey = { kind: 'choices', correct: ['i', 'iii'], options: ['i', 'ii', 'iii', 'iv'] };

describe('multiple choice', () => {
  it('gives full points for exactly the correct options', () => {
    expect(gradeChoices(key, ['iii', 'i'], 2)).toEqual({ earned: 2, correct: true, problems: [] });
  });
  it('names each missed and each wrong option, in option order', () => {
    expect(gradeChoices(key, ['iv', 'i'], 2)).toEqual({
      earned: 0,
      correct: false,
      problems: ['(iii) is also correct', '(iv) is not'],
    });
  });
  it('gives a share per correct option, minus a share per wrong one, never below zero', () => {
    expect(gradeChoices(key, ['i'], 2).earned).toBe(1);
    expect(gradeChoices(key, ['ii', 'iv'], 2).earned).toBe(0);
    const three: ChoicesKey = { kind: 'choices', correct: ['i', 'ii', 'iii'], options: ['i', 'ii', 'iii', 'iv'] };
    expect(gradeChoices(three, ['i', 'ii', 'iv'], 3).earned).toBe(1);
  });
});

describe('numbers', () => {
  const exact: NumberKey = { kind: 'number', value: 59, abs: 0, rel: 0 };
  const loose: NumberKey = { kind: 'number', value: 100, abs: 0.5, rel: 0.01 };
  it('grades |answer − key| ≤ abs + rel·|key|', () => {
    expect(gradeNumber(exact, 59, 4)).toEqual({ earned: 4, correct: true });
    expect(gradeNumber(exact, 58, 4)).toEqual({ earned: 0, correct: false });
    expect(gradeNumber(loose, 101.5, 4).correct).toBe(true);
    expect(gradeNumber(loose, 101.6, 4).correct).toBe(false);
  });
  it('states the accepted range in words', () => {
    expect(describeTolerance(exact)).toBe('only the exact value');
    expect(describeTolerance(loose)).toBe('within ±0.5 + 1% of the exact value');
  });
});

describe('self-grading', () => {
  it('is full, half or nothing', () => {
    expect([gradeSelf('got', 4), gradeSelf('partly', 4), gradeSelf('missed', 4)]).toEqual([4, 2, 0]);
  });
  it('prints points without float noise', () => {
    expect(formatPoints(2 / 3 + 2 / 3)).toBe('1.33');
    expect(formatPoints(6)).toBe('6');
  });
});
