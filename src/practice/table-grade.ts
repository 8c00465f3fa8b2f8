/**
 * Grading a table part (Problem 5: each layer's output volume and parameter count), cell by cell.
 * Pure: the problem page (table-ui.ts), the mock exam (mock.ts) and the keys (keys.ts) share it.
 * Feedback names the cells that are wrong, never what they should hold: the key stays hidden until
 * the student opens the solution.
 */
import { parseAnswerNumber } from './answer-number';
import { formatPoints } from './points';
import { parseVolume } from '../tools/cnn-calculator/cnn-notation';

export const TABLE_COLUMNS = ['volume', 'params'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** What the column headers and the feedback call each column. */
export const columnNames: Record<TableColumn, string> = { volume: 'volume', params: 'parameters' };

/** A cell's id, by row (1 for the first layer) and column: "3-params". Saved progress is kept by it. */
export const cellId = (row: number, column: TableColumn): string => `${row}-${column}`;

/** A shape H × W × C, or one number (a parameter count, or the length of a vector after FLATTEN). */
export type TableCell = { kind: 'shape'; h: number; w: number; c: number } | { kind: 'count'; value: number };

export interface TableKey {
  kind: 'table';
  /** Cell id → its answer, in table order (row by row, volume then parameters). */
  cells: Record<string, TableCell>;
}

// Shown before any solution is revealed, so no example is an answer of the exam.
export const CELL_FORMAT =
  'Volumes as height × width × channels, such as 8 x 8 x 16 or (8, 8, 16), or one number for a vector; parameters as a number such as 12,345.';

/**
 * What a student typed in a cell: null when empty. A volume cell reads a shape first ("8x8x16",
 * "8 × 8 × 16", "(8, 8, 16)"), then a number; a parameter cell only a number, so "1,234,567" is a
 * count there, never a shape.
 */
export function readCell(column: TableColumn, text: string): TableCell | { message: string } | null {
  if (text.trim() === '') return null;
  if (column === 'volume') {
    const shape = parseVolume(text);
    if (shape.ok) return { kind: 'shape', ...shape.volume };
  }
  const number = parseAnswerNumber(text);
  if (number.ok) return { kind: 'count', value: number.value };
  return {
    message:
      column === 'volume' ? `“${text.trim()}” is neither a volume nor a number` : `“${text.trim()}” is not a number`,
  };
}

const sameCell = (a: TableCell, b: TableCell): boolean =>
  a.kind === 'shape' && b.kind === 'shape'
    ? a.h === b.h && a.w === b.w && a.c === b.c
    : a.kind === 'count' && b.kind === 'count' && a.value === b.value;

export const columnOf = (id: string): TableColumn => (id.endsWith('-volume') ? 'volume' : 'params');

export interface TableResult {
  /** Each right cell earns points / cells, so points that do not divide evenly give fractional shares. */
  earned: number;
  right: number;
  cells: number;
  /** Cell ids, in table order. */
  wrong: string[];
  empty: string[];
  /** Cells whose text cannot be read: they earn nothing (the problem page asks to fix them first). */
  unreadable: Array<{ id: string; message: string }>;
}

/** Grades every cell of the key exactly against what the student typed, by cell id. */
export function gradeTable(key: TableKey, typed: Readonly<Record<string, string>>, points: number): TableResult {
  const result: TableResult = { earned: 0, right: 0, cells: 0, wrong: [], empty: [], unreadable: [] };
  for (const [id, answer] of Object.entries(key.cells)) {
    result.cells += 1;
    const cell = readCell(columnOf(id), typed[id] ?? '');
    if (cell === null) result.empty.push(id);
    else if ('message' in cell) result.unreadable.push({ id, message: cell.message });
    else if (sameCell(cell, answer)) result.right += 1;
    else result.wrong.push(id);
  }
  result.earned = (points * result.right) / Math.max(result.cells, 1);
  return result;
}

/** "CONV3-16 (layer 3)": layer names repeat (POOL-2 three times), so the number tells them apart. */
export const rowName = (rows: readonly string[], row: number): string => `${rows[row - 1] ?? 'Row'} (layer ${row})`;

/** "CONV3-16 (layer 3): parameters; POOL-2 (layer 7): volume and parameters": grouped by row. */
export function describeCells(ids: readonly string[], rows: readonly string[]): string {
  const byRow = new Map<number, string[]>();
  for (const id of ids) {
    const row = Number.parseInt(id, 10);
    byRow.set(row, [...(byRow.get(row) ?? []), columnNames[columnOf(id)]]);
  }
  return [...byRow].map(([row, columns]) => `${rowName(rows, row)}: ${columns.join(' and ')}`).join('; ');
}

/**
 * What the status line says after a check: how many cells are right, which are wrong or empty
 * (never what they should hold), and the points.
 */
export function describeTableResult(result: TableResult, rows: readonly string[], points: number): string {
  const earned = `${formatPoints(result.earned)} of ${formatPoints(points)} points.`;
  if (result.right === result.cells) return `Correct: all ${result.cells} cells. ${earned}`;
  return [
    `Not quite: ${result.right} of ${result.cells} cells right.`,
    result.wrong.length > 0 ? `Wrong: ${describeCells(result.wrong, rows)}.` : '',
    result.empty.length > 0 ? `Empty: ${describeCells(result.empty, rows)}.` : '',
    earned,
  ]
    .filter((sentence) => sentence !== '')
    .join(' ');
}

/** "21 points over 20 cells: 1.05 per correct cell.": the share rule, stated beside the table. */
export function describeShare(cells: number, points: number): string {
  return `${formatPoints(points)} points over ${cells} cells: ${formatPoints(points / cells)} per correct cell.`;
}
