import { describe, expect, it } from 'vitest';
import {
  assertValidContent,
  findContentProblems,
  findSkippedFiles,
  type ExamRecord,
  type ProblemRecord,
} from './rules';

const exam: ExamRecord = { id: 'tiny', filePath: 'content/exams/tiny/index.mdx', data: { totalPoints: 10 } };

function problem(number: number, points: number, overrides: Partial<ProblemRecord> = {}): ProblemRecord {
  return {
    id: `tiny/0${number}-p${number}`,
    filePath: `content/exams/tiny/0${number}-p${number}.mdx`,
    slug: `p${number}`,
    data: { exam: 'tiny', number, points },
    ...overrides,
  };
}

describe('rules across exam files', () => {
  it('accepts an exam whose problems add up to its total', () => {
    expect(findContentProblems([exam], [problem(1, 4), problem(2, 6)])).toEqual([]);
  });

  it('names the exam file when problem points do not add up to the total', () => {
    expect(findContentProblems([exam], [problem(1, 4), problem(2, 5)])).toEqual([
      'content/exams/tiny/index.mdx: `totalPoints: 10` but its problems add up to 9 (1: 4 + 2: 5)',
    ]);
  });

  it('names both files when two problems share a number', () => {
    const clash = problem(1, 6, { id: 'tiny/02-other', filePath: 'content/exams/tiny/02-other.mdx', slug: 'other' });
    expect(findContentProblems([exam], [problem(1, 4), clash])).toEqual([
      'content/exams/tiny/02-other.mdx: problem number 1 is also used by content/exams/tiny/01-p1.mdx',
    ]);
  });

  it('names both files when two problems share a page name', () => {
    const clash = problem(2, 6, { slug: 'p1' });
    expect(findContentProblems([exam], [problem(1, 4), clash])).toEqual([
      'content/exams/tiny/02-p2.mdx: the page name "p1" is also used by content/exams/tiny/01-p1.mdx',
    ]);
  });

  it('names the problem that points at an exam that does not exist', () => {
    const stray = problem(2, 6, { data: { exam: 'tinny', number: 2, points: 6 } });
    expect(findContentProblems([exam], [problem(1, 4), stray])).toEqual([
      'content/exams/tiny/02-p2.mdx: `exam: tinny` does not match any exam (known: tiny)',
      'content/exams/tiny/index.mdx: `totalPoints: 10` but its problems add up to 4 (1: 4)',
    ]);
  });

  it('rejects an exam without problems and an exam folder that clashes with a site page', () => {
    const reserved: ExamRecord = { id: 'search', filePath: 'content/exams/search/index.mdx', data: { totalPoints: 1 } };
    expect(findContentProblems([reserved], [])).toEqual([
      'content/exams/search/index.mdx: the exam folder name "search" is reserved by the site; rename the folder',
      'content/exams/search/index.mdx: the exam has no problems; add MDX files next to it with `exam: search`',
    ]);
  });

  it('adds decimal points without floating-point surprises', () => {
    const decimal: ExamRecord = { ...exam, data: { totalPoints: 0.3 } };
    expect(findContentProblems([decimal], [problem(1, 0.1), problem(2, 0.2)])).toEqual([]);
  });

  it('rejects exam folders and page names that differ only in letter case', () => {
    const upper: ExamRecord = { id: 'Tiny', filePath: 'content/exams/Tiny/index.mdx', data: { totalPoints: 10 } };
    const upperProblem = problem(1, 10, {
      id: 'Tiny/01-p1',
      filePath: 'content/exams/Tiny/01-p1.mdx',
      data: { exam: 'Tiny', number: 1, points: 10 },
    });
    expect(findContentProblems([exam, upper], [problem(1, 4), problem(2, 6), upperProblem])).toEqual([
      'content/exams/Tiny/index.mdx: the exam folder "Tiny" differs from "tiny" only in letter case; rename one',
    ]);
    const clash = problem(2, 6, { slug: 'P1' });
    expect(findContentProblems([exam], [problem(1, 4), clash])).toEqual([
      'content/exams/tiny/02-p2.mdx: the page name "P1" is also used by content/exams/tiny/01-p1.mdx (as "p1": pages differing only in case collide)',
    ]);
  });

  it('names a file whose name leaves no page name', () => {
    const nameless = problem(2, 6, { filePath: 'content/exams/tiny/02-.mdx', slug: '' });
    expect(findContentProblems([exam], [problem(1, 4), nameless])).toEqual([
      'content/exams/tiny/02-.mdx: the file name "02-.mdx" leaves no page name after the number; name it like "02-short-answers.mdx"',
    ]);
  });

  it('names a problem saved as .md, which would be skipped', () => {
    expect(
      findSkippedFiles(['README.md', 'tiny/index.mdx', 'tiny/03-extra.md', 'tiny/figure.png'], 'content/exams'),
    ).toEqual(['content/exams/tiny/03-extra.md: only .mdx files are read; rename it to tiny/03-extra.mdx']);
  });

  it('throws one error listing every problem', () => {
    expect(() => assertValidContent([exam], [problem(1, 4)])).toThrow(
      'Exam content has 1 problem(s):\n  - content/exams/tiny/index.mdx: `totalPoints: 10` but its problems add up to 4 (1: 4)',
    );
  });
});
