/**
 * The timed mock exam, as pure functions of a stored attempt and the clock: the timer is computed
 * from the stored start time (so a reload keeps it), and grading reuses the practice rules.
 */
import { parseAnswerNumber } from './answer-number';
import { gradeChoices, gradeNumber, gradeSelf, type SelfGrade } from './grade';
import type { PartKey, PublicPart } from './keys';
import { gradeTable } from './table-grade';

export const MOCK_VERSION = 1;

/** Ticked options, a typed answer, or a table's cells by cell id. */
export type MockAnswer = { selected: string[] } | { text: string } | { cells: Record<string, string> };

export interface MockAttempt {
  startedAt: number;
  /** null: untimed (WCAG 2.2.1 lets the student turn the limit off). */
  durationMinutes: number | null;
  answers: Record<string, MockAnswer>;
  flagged: string[];
}

export interface MockResult {
  date: number;
  earned: number;
  points: number;
  problems: Array<{ number: number; earned: number; points: number }>;
}

export interface MockStore {
  version: typeof MOCK_VERSION;
  exam: string;
  current: MockAttempt | null;
  history: MockResult[];
}

export function mockKey(exam: string): string {
  return `study-guide:mock:${exam}`;
}

/** Minutes-left marks at which the timer speaks. */
export const ANNOUNCE_AT = [30, 10, 1] as const;

export function remainingMs(attempt: MockAttempt, now: number): number | null {
  return attempt.durationMinutes === null
    ? null
    : Math.max(0, attempt.startedAt + attempt.durationMinutes * 60_000 - now);
}

/** The mark (30, 10 or 1 minutes left) crossed between two readings of the remaining time, if any. */
export function crossedMark(before: number, after: number): number | null {
  for (const minutes of ANNOUNCE_AT) if (before > minutes * 60_000 && after <= minutes * 60_000) return minutes;
  return null;
}

/** "2:59:59" / "9:05": what the timer shows. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

export function isAnswered(answer: MockAnswer | undefined): boolean {
  if (!answer) return false;
  if ('cells' in answer) return Object.values(answer.cells).some((text) => text.trim() !== '');
  return 'selected' in answer ? answer.selected.length > 0 : answer.text.trim() !== '';
}

export interface MockProblem {
  number: number;
  parts: PublicPart[];
}

/**
 * Scores an attempt: keyed parts against their keys, self-graded parts by the student's own marks
 * after submitting (none yet: no points). A malformed number, or table cell, scores nothing.
 */
export function gradeAttempt(
  problems: readonly MockProblem[],
  attempt: MockAttempt,
  keys: Record<string, PartKey>,
  selfMarks: Record<string, SelfGrade>,
  date: number,
): MockResult {
  const rows = problems.map((problem) => {
    let earned = 0;
    for (const part of problem.parts) {
      const key = keys[part.anchor];
      const answer = attempt.answers[part.anchor];
      if (key?.kind === 'choices' && answer && 'selected' in answer) {
        earned += gradeChoices(key, answer.selected, part.points).earned;
      } else if (key?.kind === 'number' && answer && 'text' in answer) {
        const parsed = parseAnswerNumber(answer.text);
        if (parsed.ok) earned += gradeNumber(key, parsed.value, part.points).earned;
      } else if (key?.kind === 'table' && answer && 'cells' in answer) {
        earned += gradeTable(key, answer.cells, part.points).earned;
      } else if (key?.kind === 'self') {
        const mark = selfMarks[part.anchor];
        if (mark) earned += gradeSelf(mark, part.points);
      }
    }
    return { number: problem.number, earned, points: problem.parts.reduce((sum, part) => sum + part.points, 0) };
  });
  return {
    date,
    earned: rows.reduce((sum, row) => sum + row.earned, 0),
    points: rows.reduce((sum, row) => sum + row.points, 0),
    problems: rows,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readAttempt(value: unknown): MockAttempt | null {
  if (!isRecord(value)) return null;
  const { startedAt, durationMinutes, answers, flagged } = value;
  if (
    typeof startedAt !== 'number' ||
    !(durationMinutes === null || (typeof durationMinutes === 'number' && durationMinutes > 0))
  )
    return null;
  if (!isRecord(answers) || !Array.isArray(flagged) || !flagged.every((id) => typeof id === 'string')) return null;
  const read: Record<string, MockAnswer> = {};
  for (const [anchor, answer] of Object.entries(answers)) {
    if (!isRecord(answer)) return null;
    const { selected, text, cells } = answer;
    if (Array.isArray(selected) && selected.every((id) => typeof id === 'string')) read[anchor] = { selected };
    else if (typeof text === 'string') read[anchor] = { text };
    else if (isRecord(cells) && Object.values(cells).every((cell) => typeof cell === 'string'))
      read[anchor] = { cells: cells as Record<string, string> };
    else return null;
  }
  return { startedAt, durationMinutes, answers: read, flagged };
}

function readResult(value: unknown): MockResult | null {
  if (!isRecord(value)) return null;
  const { date, earned, points, problems } = value;
  if (typeof date !== 'number' || typeof earned !== 'number' || typeof points !== 'number' || !Array.isArray(problems))
    return null;
  const rows = problems.filter(
    (row): row is MockResult['problems'][number] =>
      isRecord(row) &&
      typeof row['number'] === 'number' &&
      typeof row['earned'] === 'number' &&
      typeof row['points'] === 'number',
  );
  return rows.length === problems.length ? { date, earned, points, problems: rows } : null;
}

export function emptyMockStore(exam: string): MockStore {
  return { version: MOCK_VERSION, exam, current: null, history: [] };
}

/** Reads the stored mock state; anything unreadable is replaced by an empty store, with a message. */
export function parseMockStore(text: string | null, exam: string): { store: MockStore; message?: string } {
  if (text === null) return { store: emptyMockStore(exam) };
  const discarded = {
    store: emptyMockStore(exam),
    message: 'A saved mock exam could not be read and has been discarded.',
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return discarded;
  }
  if (!isRecord(data) || data['version'] !== MOCK_VERSION || data['exam'] !== exam || !Array.isArray(data['history']))
    return discarded;
  const current = data['current'] === null ? null : readAttempt(data['current']);
  const history = data['history'].map(readResult);
  if ((data['current'] !== null && !current) || history.some((row) => row === null)) return discarded;
  return { store: { version: MOCK_VERSION, exam, current, history: history.filter((row) => row !== null) } };
}
