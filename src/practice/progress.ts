/**
 * Saved progress: one JSON object per exam in localStorage. Validated by hand (no schema library in
 * the browser bundle); anything that does not fit is discarded with a message, never trusted.
 * Answers are stored by part anchor and option or cell id, so reordering options keeps them meaningful.
 */
import type { PublicPart } from './keys';
import type { SelfGrade } from './grade';

export const PROGRESS_VERSION = 1;

export type SavedAnswer =
  | { kind: 'choices'; selected: string[]; earned: number }
  | { kind: 'number'; text: string; earned: number }
  | { kind: 'self'; grade: SelfGrade; earned: number }
  /** A table part: what was typed, by cell id ("3-params"). */
  | { kind: 'table'; cells: Record<string, string>; earned: number };

export interface Progress {
  version: typeof PROGRESS_VERSION;
  exam: string;
  answers: Record<string, SavedAnswer>;
}

export type Loaded = { progress: Progress; message?: string };

export function emptyProgress(exam: string): Progress {
  return { version: PROGRESS_VERSION, exam, answers: {} };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isEarned = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

function readAnswer(value: unknown): SavedAnswer | null {
  if (!isRecord(value) || !isEarned(value['earned'])) return null;
  const earned = value['earned'];
  const { kind } = value;
  if (kind === 'choices') {
    const selected = value['selected'];
    return Array.isArray(selected) && selected.every((id) => typeof id === 'string')
      ? { kind, selected, earned }
      : null;
  }
  if (kind === 'number') return typeof value['text'] === 'string' ? { kind, text: value['text'], earned } : null;
  if (kind === 'self') {
    const grade = value['grade'];
    return grade === 'got' || grade === 'partly' || grade === 'missed' ? { kind, grade, earned } : null;
  }
  const cells = value['cells'];
  return kind === 'table' && isRecord(cells) && Object.values(cells).every((text) => typeof text === 'string')
    ? { kind, cells: cells as Record<string, string>, earned }
    : null;
}

/** Parses stored or imported text; what cannot be read is dropped and said so. */
export function parseProgress(text: string | null, exam: string): Loaded {
  if (text === null) return { progress: emptyProgress(exam) };
  const fresh = (message: string): Loaded => ({ progress: emptyProgress(exam), message });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fresh('Saved progress was unreadable (not JSON) and has been discarded.');
  }
  if (!isRecord(data) || data['version'] !== PROGRESS_VERSION) {
    return fresh('Saved progress was in an unknown format and has been discarded.');
  }
  if (data['exam'] !== exam)
    return fresh(`The progress is for another exam (“${String(data['exam'])}”) and was not used.`);
  const answers: Record<string, SavedAnswer> = {};
  let dropped = 0;
  for (const [anchor, value] of Object.entries(isRecord(data['answers']) ? data['answers'] : {})) {
    const answer = readAnswer(value);
    if (answer) answers[anchor] = answer;
    else dropped += 1;
  }
  const progress: Progress = { version: PROGRESS_VERSION, exam, answers };
  return dropped > 0
    ? { progress, message: `${dropped} saved answer(s) could not be read and were discarded.` }
    : { progress };
}

export interface Score {
  earned: number;
  points: number;
  answered: number;
  parts: number;
}

/** The score over `parts`; answers to parts no longer on the page do not count. */
export function score(progress: Progress, parts: readonly PublicPart[]): Score {
  let earned = 0;
  let answered = 0;
  for (const part of parts) {
    const answer = progress.answers[part.anchor];
    if (!answer) continue;
    answered += 1;
    earned += Math.min(answer.earned, part.points);
  }
  return { earned, points: parts.reduce((sum, part) => sum + part.points, 0), answered, parts: parts.length };
}
