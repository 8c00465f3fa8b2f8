import { samePoints, sumPoints } from './points';
import type { ExamData, ProblemData } from './schema';

/**
 * Rules that span several files, which a per-file schema cannot see. Each message starts with
 * the file to fix, so course staff can go straight to it.
 */

export interface ExamRecord {
  id: string;
  filePath: string;
  data: Pick<ExamData, 'totalPoints'>;
}

export interface ProblemRecord {
  id: string;
  filePath: string;
  slug: string;
  data: Pick<ProblemData, 'exam' | 'number' | 'points'>;
}

/** URL segments the site itself uses at the top level; an exam folder must not take them. */
const reservedExamIds = new Set(['search', '404', 'pagefind', '_astro']);

export function findContentProblems(exams: readonly ExamRecord[], problems: readonly ProblemRecord[]): string[] {
  const messages: string[] = [];
  const examIds = exams.map((exam) => exam.id);

  for (const [index, exam] of exams.entries()) {
    if (reservedExamIds.has(exam.id)) {
      messages.push(`${exam.filePath}: the exam folder name "${exam.id}" is reserved by the site; rename the folder`);
    }
    // macOS and Windows file systems ignore case: "CS230-x" and "cs230-x" would overwrite each other.
    const sameFolder = exams.slice(0, index).find((other) => other.id.toLowerCase() === exam.id.toLowerCase());
    if (sameFolder) {
      messages.push(
        `${exam.filePath}: the exam folder "${exam.id}" differs from "${sameFolder.id}" only in letter case; rename one`,
      );
    }
  }

  for (const problem of problems) {
    if (problem.slug === '') {
      const fileName = problem.filePath.split(/[\\/]/).pop() ?? problem.filePath;
      messages.push(
        `${problem.filePath}: the file name "${fileName}" leaves no page name after the number; name it like "02-short-answers.mdx"`,
      );
    }
  }

  for (const problem of problems) {
    if (!examIds.includes(problem.data.exam)) {
      messages.push(
        `${problem.filePath}: \`exam: ${problem.data.exam}\` does not match any exam (known: ${examIds.join(', ') || 'none'})`,
      );
    }
  }

  for (const exam of exams) {
    const own = problems.filter((problem) => problem.data.exam === exam.id);
    if (own.length === 0) {
      messages.push(`${exam.filePath}: the exam has no problems; add MDX files next to it with \`exam: ${exam.id}\``);
      continue;
    }
    for (const [index, problem] of own.entries()) {
      const earlier = own.slice(0, index);
      const sameNumber = earlier.find((other) => other.data.number === problem.data.number);
      if (sameNumber) {
        messages.push(
          `${problem.filePath}: problem number ${problem.data.number} is also used by ${sameNumber.filePath}`,
        );
      }
      const sameSlug = earlier.find((other) => other.slug.toLowerCase() === problem.slug.toLowerCase());
      if (sameSlug) {
        const how =
          sameSlug.slug === problem.slug ? '' : ` (as "${sameSlug.slug}": pages differing only in case collide)`;
        messages.push(
          `${problem.filePath}: the page name "${problem.slug}" is also used by ${sameSlug.filePath}${how}`,
        );
      }
    }
    const sum = sumPoints(own.map((problem) => problem.data.points));
    if (!samePoints(sum, exam.data.totalPoints)) {
      const breakdown = [...own]
        .sort((a, b) => a.data.number - b.data.number)
        .map((problem) => `${problem.data.number}: ${problem.data.points}`)
        .join(' + ');
      messages.push(
        `${exam.filePath}: \`totalPoints: ${exam.data.totalPoints}\` but its problems add up to ${sum} (${breakdown})`,
      );
    }
  }
  return messages;
}

/**
 * Files in the exams folder that the site would skip without a word: a problem saved as `.md`
 * (only `.mdx` is read). A README.md is notes for staff, not a page. `paths` are relative to the
 * exams folder.
 */
export function findSkippedFiles(paths: readonly string[], examsDir: string): string[] {
  return paths
    .filter((path) => /\.(md|markdown)$/i.test(path) && !/(^|[\\/])readme\.md$/i.test(path))
    .map(
      (path) =>
        `${examsDir}/${path}: only .mdx files are read; rename it to ${path.replace(/\.(md|markdown)$/i, '.mdx')}`,
    );
}

/** Throws one error listing every problem, so an author fixes them all in one pass. */
export function assertValidContent(
  exams: readonly ExamRecord[],
  problems: readonly ProblemRecord[],
  skippedFiles: readonly string[] = [],
): void {
  const messages = [...skippedFiles, ...findContentProblems(exams, problems)];
  if (messages.length > 0) {
    throw new Error(`Exam content has ${messages.length} problem(s):\n${messages.map((m) => `  - ${m}`).join('\n')}`);
  }
}
