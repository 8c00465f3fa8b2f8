/**
 * How points are written everywhere in practice. Its own module, not grade.ts: the table grader
 * (table-grade.ts, loaded only on pages with a table part) needs this and nothing else of grade.ts,
 * and sharing grade.ts would split it out of the practice engine's file at a cost in bytes.
 */
import { formatExact } from '../ui/format';

/** "6 of 16 points": whole numbers as they are, fractions to two decimals. */
export function formatPoints(value: number): string {
  return formatExact(Math.round(value * 100) / 100);
}
