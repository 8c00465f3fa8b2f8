import { describe, expect, it } from 'vitest';
import { describeShare, describeTableResult, gradeTable, readCell, type TableKey } from './table-grade';

const key: TableKey = {
  kind: 'table',
  cells: {
    '1-volume': { kind: 'shape', h: 126, w: 126, c: 8 },
    '1-params': { kind: 'count', value: 1208 },
    '2-volume': { kind: 'shape', h: 63, w: 63, c: 8 },
    '2-params': { kind: 'count', value: 0 },
    '3-volume': { kind: 'count', value: 31752 },
    '3-params': { kind: 'count', value: 0 },
    '4-volume': { kind: 'shape', h: 31, w: 31, c: 8 },
    '4-params': { kind: 'count', value: 0 },
  },
};
const rows = ['CONV5-8', 'POOL-2', 'FLATTEN', 'POOL-2'];
const allRight = {
  '1-volume': '126x126x8',
  '1-params': '1,208',
  '2-volume': '63 × 63 × 8',
  '2-params': '0',
  '3-volume': '31752',
  '3-params': '0',
  '4-volume': '(31, 31, 8)',
  '4-params': '0',
};

describe('reading a cell', () => {
  it.each([
    ['volume', '126x126x8', { kind: 'shape', h: 126, w: 126, c: 8 }],
    ['volume', '126 × 126 × 8', { kind: 'shape', h: 126, w: 126, c: 8 }],
    ['volume', '(126, 126, 8)', { kind: 'shape', h: 126, w: 126, c: 8 }],
    ['volume', '8192', { kind: 'count', value: 8192 }],
    ['params', '221,211', { kind: 'count', value: 221211 }],
    ['params', '1,234,567', { kind: 'count', value: 1234567 }],
    ['params', '1.2e3', { kind: 'count', value: 1200 }],
  ] as const)('%s cell: %j', (column, text, cell) => {
    expect(readCell(column, text)).toEqual(cell);
  });

  it('says what it cannot read, and leaves empty cells empty', () => {
    expect(readCell('volume', '12x')).toEqual({ message: '“12x” is neither a volume nor a number' });
    expect(readCell('params', '126x126x8'), 'a parameter count is never a shape').toEqual({
      message: '“126x126x8” is not a number',
    });
    expect(readCell('params', '  ')).toBeNull();
  });
});

describe('grading a table', () => {
  it('gives full points when every cell is right, in any accepted format', () => {
    const result = gradeTable(key, allRight, 21);
    expect(result).toMatchObject({ earned: 21, right: 8, cells: 8, wrong: [], empty: [] });
    expect(describeTableResult(result, rows, 21)).toBe('Correct: all 8 cells. 21 of 21 points.');
  });

  it('earns an equal share per right cell and names wrong and empty cells by row, without their answers', () => {
    const typed = { ...allRight, '1-params': '1168', '4-volume': '32x32x8', '4-params': '' };
    const result = gradeTable(key, typed, 21);
    expect(result, '5 of 8 cells: 21 × 5/8').toMatchObject({
      earned: 13.125,
      right: 5,
      wrong: ['1-params', '4-volume'],
    });
    const text = describeTableResult(result, rows, 21);
    expect(text).toBe(
      'Not quite: 5 of 8 cells right. Wrong: CONV5-8 (layer 1): parameters; POOL-2 (layer 4): volume. Empty: POOL-2 (layer 4): parameters. 13.13 of 21 points.',
    );
    expect(text, 'the right parameter count is never shown').not.toContain('1,208');
    expect(text, 'nor the right volume').not.toMatch(/31\D+31/);
  });

  it('groups a row’s wrong cells', () => {
    const result = gradeTable(key, { ...allRight, '1-volume': '1x1x1', '1-params': '1' }, 8);
    expect(describeTableResult(result, rows, 8)).toBe(
      'Not quite: 6 of 8 cells right. Wrong: CONV5-8 (layer 1): volume and parameters. 6 of 8 points.',
    );
  });

  it('gives unreadable cells no points and lists them', () => {
    const result = gradeTable(key, { ...allRight, '2-volume': 'sixty' }, 8);
    expect(result).toMatchObject({
      right: 7,
      earned: 7,
      unreadable: [{ id: '2-volume', message: '“sixty” is neither a volume nor a number' }],
    });
  });

  it('states the share when the points do not divide evenly', () => {
    expect(describeShare(20, 21)).toBe('21 points over 20 cells: 1.05 per correct cell.');
  });
});
