import { describe, expect, it } from 'vitest';
import { emptyProgress, parseProgress, score } from './progress';

const parts = [
  { anchor: '1a', label: '1(a)', points: 2, kind: 'choices' as const },
  { anchor: '1b', label: '1(b)', points: 4, kind: 'number' as const },
];

describe('saved progress', () => {
  it('round-trips', () => {
    const progress = {
      ...emptyProgress('x'),
      answers: {
        '1a': { kind: 'choices' as const, selected: ['i'], earned: 2 },
        '5table': { kind: 'table' as const, cells: { '1-volume': '126x126x8', '3-params': '1,168' }, earned: 2.1 },
      },
    };
    expect(parseProgress(JSON.stringify(progress), 'x'), 'a table’s cells are kept by cell id').toEqual({ progress });
  });
  it.each([
    ['{not json', 'unreadable'],
    ['[1]', 'unknown format'],
    ['{"version":99,"exam":"x","answers":{}}', 'unknown format'],
    ['{"version":1,"exam":"other","answers":{}}', 'another exam'],
  ])('discards %j with a message', (text, message) => {
    const loaded = parseProgress(text, 'x');
    expect(loaded.progress).toEqual(emptyProgress('x'));
    expect(loaded.message).toContain(message);
  });
  it('drops only the answers it cannot read', () => {
    const text = JSON.stringify({
      version: 1,
      exam: 'x',
      answers: {
        '1a': { kind: 'self', grade: 'got', earned: 2 },
        '1b': { kind: 'self', grade: 'meh', earned: 2 },
        '5table': { kind: 'table', cells: { '1-volume': 126 }, earned: 2 },
      },
    });
    const loaded = parseProgress(text, 'x');
    expect(Object.keys(loaded.progress.answers)).toEqual(['1a']);
    expect(loaded.message).toContain('2 saved answer');
  });
  it('scores answered parts, capped at each part’s points', () => {
    const progress = {
      ...emptyProgress('x'),
      answers: { '1a': { kind: 'self' as const, grade: 'got' as const, earned: 5 } },
    };
    expect(score(progress, parts)).toEqual({ earned: 2, points: 6, answered: 1, parts: 2 });
  });
});
