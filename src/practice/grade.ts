/**
 * Grading rules, written once here and stated on the page by `rules` below, so what the page says
 * and what it computes cannot drift apart.
 */
import { formatNumber } from '../ui/format';
import type { ChoicesKey, NumberKey } from './keys';

export const rules = {
  choices:
    'Multiple choice: each correct option you tick earns its share of the points and each wrong option you tick takes one share away, never below zero.',
  number: 'Numbers: full points within the accepted range, none outside it.',
  table:
    'Tables: each cell is checked exactly, and each right cell earns an equal share of the part’s points, a fraction of a point when they do not divide evenly over the cells (the table says its share); the feedback names wrong cells, not their answers.',
  self: 'Parts without a key: compare with the solution and mark yourself: “Got it” full points, “Partly” half, “Missed it” none.',
  variant:
    '“New numbers” questions are for practice only: they are checked exactly but never scored, and your score for the exam’s own numbers stays as it is.',
} as const;

export interface ChoicesResult {
  earned: number;
  correct: boolean;
  /** What is wrong, per option, in option order: "(ii) is also correct", "(iv) is not". */
  problems: string[];
}

/** points × max(0, right − wrong) / number of correct options. */
export function gradeChoices(key: ChoicesKey, selected: readonly string[], points: number): ChoicesResult {
  const right = selected.filter((id) => key.correct.includes(id)).length;
  const wrong = selected.filter((id) => !key.correct.includes(id)).length;
  const problems = key.options.flatMap((id) => {
    const isCorrect = key.correct.includes(id);
    const ticked = selected.includes(id);
    if (isCorrect && !ticked) return [`(${id}) is also correct`];
    if (!isCorrect && ticked) return [`(${id}) is not`];
    return [];
  });
  const earned = (points * Math.max(0, right - wrong)) / key.correct.length;
  return { earned, correct: problems.length === 0, problems };
}

/** The accepted interval: |answer − key| ≤ abs + rel·|key|. */
export function acceptedRange(key: NumberKey): { low: number; high: number } {
  const slack = key.abs + key.rel * Math.abs(key.value);
  return { low: key.value - slack, high: key.value + slack };
}

/**
 * The accepted range in words, relative to the key so it does not give the answer away before the
 * solution is revealed: "only the exact value", "within ±0.5 + 1% of the exact value".
 */
export function describeTolerance(key: NumberKey): string {
  const terms = [
    key.abs > 0 ? `±${formatNumber(key.abs, 6)}` : '',
    key.rel > 0 ? `${formatNumber(key.rel * 100, 6)}%` : '',
  ];
  const within = terms.filter((term) => term !== '').join(' + ');
  return within === '' ? 'only the exact value' : `within ${within} of the exact value`;
}

export function gradeNumber(key: NumberKey, value: number, points: number): { earned: number; correct: boolean } {
  const { low, high } = acceptedRange(key);
  const correct = value >= low && value <= high;
  return { earned: correct ? points : 0, correct };
}

export const selfGrades = { got: 1, partly: 0.5, missed: 0 } as const;
export type SelfGrade = keyof typeof selfGrades;

export function gradeSelf(grade: SelfGrade, points: number): number {
  return points * selfGrades[grade];
}
