import { describe, expect, it } from 'vitest';
import { readCoverLine } from './cover';
import { emptyExam } from './model';
import { readPlainText } from './text-reader';
import { escapeMdxInMarkdown, fromRoman, numericKey, slugify, titleFromText, toRoman } from './text';

describe('text helpers', () => {
  it('generates short titles from whole words and whole formulas', () => {
    expect(titleFromText('What are the shapes of $W^{[2]}, b^{[2]}$? Explain.')).toBe(
      'What are the shapes of $W^{[2]}, b^{[2]}$?',
    );
    expect(titleFromText('Why do we need activation functions in neural networks (e.g. ReLU)?', 80)).toBe(
      'Why do we need activation functions in neural networks (e.g. ReLU)?',
    );
    expect(titleFromText('Refer to this result as δ_1 . Then go on.')).toBe('Refer to this result as δ_1');
    expect(titleFromText('A very long question that goes on and on about many different things without stopping')).toBe(
      'A very long question that goes on and on about many…',
    );
  });

  it('escapes what MDX would read as code, outside math and code spans', () => {
    expect(escapeMdxInMarkdown('a {b} <c> $\\frac{1}{2} < 3$ `x{y}` 128*128*6 *em*')).toBe(
      'a \\{b\\} \\<c> $\\frac{1}{2} < 3$ `x{y}` 128\\*128\\*6 *em*',
    );
  });

  it('reads roman numerals, page names and numeric keys', () => {
    expect([1, 4, 9, 14].map(toRoman)).toEqual(['i', 'iv', 'ix', 'xiv']);
    expect(['iv', 'iiii', 'vi'].map(fromRoman)).toEqual([4, undefined, 6]);
    expect(slugify('Normalization Techniques')).toBe('normalization-techniques');
    expect(numericKey(['1,208'])).toEqual({ number: 1208 });
    expect(numericKey(['59 parameters'])).toBeUndefined();
  });

  it('reads cover lines', () => {
    const exam = emptyExam();
    expect(
      [
        'MATH 51: Linear Algebra',
        'Autumn Quarter 2023',
        'Time limit: 2 hours',
        'Final Exam',
        'Read every question.',
      ].map((line, index) => readCoverLine(exam, line, index + 1)),
    ).toEqual(['cover', 'cover', 'cover', 'cover', 'text']);
    expect(exam.meta).toEqual({
      course: 'MATH 51',
      courseTitle: 'Linear Algebra',
      term: 'Fall 2023',
      durationMinutes: 120,
      title: 'Final Exam',
    });
  });
});

describe('the plain-text reader', () => {
  const exam = readPlainText(
    [
      'PHYS 1: Mechanics',
      'Spring 2022',
      'Example College',
      'Quiz 3',
      'Duration: 20 minutes',
      '',
      'Question 1: Kinematics (5 points)',
      '',
      '(a) (3 points) A ball falls for $t = 2$ s. Pick its speed (g = 10).',
      '(A) 10 m/s',
      '(B) 20 m/s',
      'Correct answer: (B)',
      '(b) (2 points) How far does it fall, in metres?',
      'Solution: 20',
      '',
      'Question 2 (Units, 1 point)',
      'Name the SI unit of force, in x_0 terms {really}.',
    ].join('\n'),
  );

  it('finds cover fields, questions, parts, options and keys', () => {
    expect(exam.meta).toEqual({
      course: 'PHYS 1',
      courseTitle: 'Mechanics',
      term: 'Spring 2022',
      institution: 'Example College',
      title: 'Quiz 3',
      durationMinutes: 20,
    });
    expect(
      exam.problems.map((problem) => [
        problem.number,
        problem.title,
        problem.points,
        problem.parts.map((part) => part.id),
      ]),
    ).toEqual([
      [1, 'Kinematics', 5, ['a', 'b']],
      [2, 'Units', 1, ['question']],
    ]);
    const [a, b] = exam.problems[0]?.parts ?? [];
    expect(a?.options?.items.map((item) => [item.id, item.text, item.correct])).toEqual([
      ['A', '10 m/s', false],
      ['B', '20 m/s', true],
    ]);
    expect(a?.answer).toEqual({ choices: ['B'] });
    expect(b?.answer).toEqual({ number: 20 });
    expect(exam.problems[1]?.parts[0]?.body).toEqual(['Name the SI unit of force, in $x_0$ terms \\{really\\}.']);
  });
});
