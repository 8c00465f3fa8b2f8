import { describe, expect, it } from 'vitest';
import type { PartKey } from './keys';
import {
  crossedMark,
  emptyMockStore,
  formatClock,
  gradeAttempt,
  isAnswered,
  parseMockStore,
  remainingMs,
  type MockAttempt,
} from './mock';

const problems = [
  {
    number: 1,
    parts: [
      { anchor: '1a', label: '1(a)', points: 2, kind: 'choices' as const },
      { anchor: '1b', label: '1(b)', points: 2, kind: 'choices' as const },
    ],
  },
  {
    number: 2,
    parts: [
      { anchor: '2a', label: '2(a)', points: 4, kind: 'number' as const },
      { anchor: '2b', label: '2(b)', points: 4, kind: 'self' as const },
      { anchor: '2c', label: '2(c)', points: 3, kind: 'table' as const, rows: ['CONV3-4', 'POOL-2'] },
    ],
  },
];
const keys: Record<string, PartKey> = {
  '1a': { kind: 'choices', correct: ['i'], options: ['i', 'ii'] },
  '1b': { kind: 'choices', correct: ['ii'], options: ['i', 'ii'] },
  '2a': { kind: 'number', value: 59, abs: 0, rel: 0 },
  '2b': { kind: 'self' },
  '2c': {
    kind: 'table',
    cells: {
      '1-volume': { kind: 'shape', h: 8, w: 8, c: 4 },
      '1-params': { kind: 'count', value: 76 },
      '2-volume': { kind: 'shape', h: 4, w: 4, c: 4 },
      '2-params': { kind: 'count', value: 0 },
    },
  },
};
const attempt: MockAttempt = {
  startedAt: 1_000,
  durationMinutes: 180,
  answers: {
    '1a': { selected: ['i'] },
    '1b': { selected: ['i'] },
    '2a': { text: '5.9e1' },
    // Two right cells, one wrong, one unreadable: 2 of 4 cells of 3 points.
    '2c': { cells: { '1-volume': '8x8x4', '1-params': '76', '2-volume': '2x2x4', '2-params': 'none' } },
  },
  flagged: ['1b'],
};

describe('mock exam', () => {
  it('grades right, wrong and unanswered parts, per problem and in total', () => {
    expect(gradeAttempt(problems, attempt, keys, {}, 5)).toEqual({
      date: 5,
      earned: 7.5,
      points: 15,
      problems: [
        { number: 1, earned: 2, points: 4 },
        { number: 2, earned: 5.5, points: 11 },
      ],
    });
    expect(gradeAttempt(problems, attempt, keys, { '2b': 'partly' }, 5).earned).toBe(9.5);
  });

  it('times from the stored start, and untimed has no end', () => {
    expect(remainingMs(attempt, 1_000 + 60_000)).toBe(179 * 60_000);
    expect(remainingMs(attempt, 1e12)).toBe(0);
    expect(remainingMs({ ...attempt, durationMinutes: null }, 1e12)).toBeNull();
  });

  it('announces only when crossing 30, 10 and 1 minutes left', () => {
    expect(crossedMark(30 * 60_000 + 1, 30 * 60_000)).toBe(30);
    expect(crossedMark(29 * 60_000, 28 * 60_000)).toBeNull();
    expect(crossedMark(61_000, 59_000)).toBe(1);
    expect(formatClock(3 * 3600_000)).toBe('3:00:00');
    expect(formatClock(65_500)).toBe('1:06');
  });

  it('knows unanswered parts', () => {
    expect([
      isAnswered(undefined),
      isAnswered({ selected: [] }),
      isAnswered({ text: ' ' }),
      isAnswered({ text: '1' }),
      isAnswered({ cells: { '1-volume': ' ' } }),
      isAnswered({ cells: { '1-volume': ' ', '1-params': '0' } }),
    ]).toEqual([false, false, false, true, false, true]);
  });

  it('round-trips the store and discards what it cannot read', () => {
    const store = { ...emptyMockStore('x'), current: attempt };
    expect(parseMockStore(JSON.stringify(store), 'x')).toEqual({ store });
    expect(parseMockStore('{"version":1,"exam":"x","current":{"startedAt":"soon"},"history":[]}', 'x').message).toMatch(
      /could not be read/,
    );
    expect(parseMockStore('nope', 'x').store).toEqual(emptyMockStore('x'));
  });
});
