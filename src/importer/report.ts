import { relative, resolve } from 'node:path';
import { sumPoints } from '../exams/points';
import type { ExamMeta, ImportedExam } from './model';

/**
 * The report printed after every import: what was found (problems, parts, points and whether
 * they add up, answer keys), every construct that was not mapped or was mapped by a guess,
 * with its line, and the command to see the result.
 */

export interface ReportInput {
  file: string;
  kind: 'latex' | 'text';
  id: string;
  target: string;
  exam: ImportedExam;
  meta: ExamMeta;
  files: string[];
  keys: boolean;
  outDir: string;
  cwd: string;
}

export function formatReport(input: ReportInput): string {
  const { exam, meta } = input;
  const lines: string[] = [];
  const parts = exam.problems.flatMap((problem) => problem.parts);
  lines.push(
    `Imported ${input.file} (${input.kind === 'latex' ? 'LaTeX exam class' : 'plain text'}) → ${input.target}/`,
  );
  lines.push(
    `  ${meta.course} ${meta.courseTitle} · ${meta.title} · ${meta.term} · ${meta.institution} · ${meta.durationMinutes} minutes`,
  );
  const total = sumPoints(exam.problems.map((problem) => problem.points ?? 0));
  const stated = exam.statedTotal
    ? `adds up to the stated total of ${exam.statedTotal.points}`
    : 'no total stated, so this is the total';
  lines.push(`  ${exam.problems.length} problems, ${parts.length} parts, ${total} points (${stated})`);
  for (const problem of exam.problems) {
    const scored = problem.parts.filter((part) => part.points !== undefined);
    const breakdown =
      scored.length > 0
        ? `parts ${problem.parts.map((part) => `${part.label.replace(/[()]/g, '').replace(/^Question \d+$/, 'whole')} ${part.points ?? '?'}`).join(', ')}`
        : problem.parts.length === 1 && problem.parts[0]?.id === 'question'
          ? 'scored as a whole'
          : `${problem.parts.length} parts without points of their own`;
    lines.push(`    ${problem.number}. ${problem.title}: ${problem.points ?? 0} points; ${breakdown}`);
  }
  const keyed = exam.problems.flatMap((problem) =>
    problem.parts
      .filter((part) => part.answer)
      .map((part) => ({ where: `${problem.number}${part.label}`, answer: part.answer })),
  );
  const choiceKeys = keyed.filter((entry) => entry.answer && 'choices' in entry.answer).length;
  const keyList = keyed
    .map(({ where, answer }) =>
      answer && 'choices' in answer
        ? `${where} ${answer.choices.map((id) => `(${id})`).join(' ')}`
        : `${where} = ${answer ? answer.number : ''}`,
    )
    .join('; ');
  lines.push(
    `  Answer keys: ${keyed.length} (${choiceKeys} multiple choice, ${keyed.length - choiceKeys} numeric)${input.keys ? '' : ', not written (--no-keys)'}${keyed.length > 0 ? `: ${keyList}` : ''}`,
  );
  const selfGraded = parts.length - keyed.length;
  if (selfGraded > 0) lines.push(`  Self-graded parts (no key): ${selfGraded}`);
  lines.push(`  Files: ${input.files.join(', ')}`);
  if (exam.findings.length > 0) {
    lines.push(`  Check these (${exam.findings.length}: not mapped, or mapped by a guess):`);
    const sorted = [...exam.findings].sort((a, b) => a.line - b.line);
    for (const finding of sorted)
      lines.push(`    ${finding.line > 0 ? `line ${finding.line}` : 'note'}: ${finding.message}`);
  } else {
    lines.push('  Everything was mapped.');
  }
  const defaultOut = resolve(input.cwd, 'content/exams');
  const build =
    resolve(input.outDir) === defaultOut
      ? 'npm start   (builds the site and serves it at http://127.0.0.1:4321/)'
      : `EXAMS_DIR=${shownPath(input.cwd, input.outDir)} npx astro build   (npm start shows content/exams only)`;
  lines.push(`  Build: ${build}`);
  return lines.join('\n');
}

function shownPath(cwd: string, path: string): string {
  const fromCwd = relative(cwd, path);
  return fromCwd === '' ? '.' : fromCwd.startsWith('..') ? resolve(path) : fromCwd;
}
