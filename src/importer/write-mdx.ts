import type { AnswerKey, ExamMeta, ImportedExam, ImportedPart, ImportedProblem } from './model';
import { quoted, slugify, titleFromText, yamlString } from './text';

/**
 * Writes an imported exam in the project's content format (see the hand-made
 * content/exams/cs230-fall-2021-midterm/): `index.mdx` with the exam's metadata and
 * instructions, and one `NN-<page-name>.mdx` per problem with its parts in the frontmatter and
 * `<Part>`, `<Options>` and `<Solution>` in the body, blank lines around all Markdown inside
 * components. Pure: returns the files' text.
 */

export interface GeneratedFile {
  /** File name inside the exam folder. */
  name: string;
  text: string;
  /** The problem it holds (undefined for index.mdx). */
  problem?: ImportedProblem;
}

/** Ids the site labels "(a)", "(iv)"; others are shown by their title (src/exams/anchors.ts). */
const labelledId = /^(?:[a-z]|[ivxl]+)$/;

export function partTitle(part: ImportedPart, problem: ImportedProblem): string {
  const firstText = part.body.find(
    (block): block is string => typeof block === 'string' && !block.startsWith('$$') && !block.startsWith('<'),
  );
  const generated = (firstText && titleFromText(firstText.replace(/^\*\*\([a-z]+\)\*\*\s*/, ''))) ?? undefined;
  if (part.title) return part.title;
  if (generated) return generated;
  return labelledId.test(part.id) ? `Part (${part.id})` : problem.title;
}

function answerYaml(answer: AnswerKey): string {
  if ('choices' in answer) {
    const ids = answer.choices.map((id) => (/^[A-Za-z]+$/.test(id) && yamlString(id) === id ? id : quoted(id)));
    return `{ choices: [${ids.join(', ')}] }`;
  }
  const tolerance = answer.tolerance
    ? `, tolerance: { ${[answer.tolerance.abs !== undefined ? `abs: ${answer.tolerance.abs}` : '', answer.tolerance.rel !== undefined ? `rel: ${answer.tolerance.rel}` : ''].filter(Boolean).join(', ')} }`
    : '';
  return `{ number: ${answer.number}${tolerance} }`;
}

function partYaml(part: ImportedPart, problem: ImportedProblem, keys: boolean): string {
  const fields = [`id: ${part.id}`];
  if (part.points !== undefined) fields.push(`points: ${part.points}`);
  fields.push(`title: ${quoted(partTitle(part, problem))}`);
  if (keys && part.answer) fields.push(`answer: ${answerYaml(part.answer)}`);
  return `  - { ${fields.join(', ')} }`;
}

function optionsBlock(part: ImportedPart): string {
  const items = (part.options?.items ?? []).map((item) => `- (${item.id}) ${item.text.replace(/\n/g, '\n  ')}`);
  return `<Options>\n\n${items.join('\n')}\n\n</Options>`;
}

function partBody(part: ImportedPart): string {
  const blocks: string[] = [`<Part id="${part.id}">`];
  for (const block of part.body) blocks.push(typeof block === 'string' ? block : optionsBlock(part));
  if (part.solution.length > 0) blocks.push('<Solution>', ...part.solution, '</Solution>');
  blocks.push('</Part>');
  return blocks.join('\n\n');
}

export function problemFileName(problem: ImportedProblem, taken: Set<string>): string {
  const base = slugify(problem.title) || `problem-${problem.number}`;
  let slug = base;
  for (let counter = 2; taken.has(slug); counter++) slug = `${base}-${counter}`;
  taken.add(slug);
  return `${String(problem.number).padStart(2, '0')}-${slug}.mdx`;
}

export function problemMdx(problem: ImportedProblem, examId: string, keys: boolean): string {
  const frontmatter = [
    '---',
    `exam: ${examId}`,
    `number: ${problem.number}`,
    `title: ${yamlString(problem.title)}`,
    `points: ${problem.points ?? 0}`,
    `topics: [${quoted(problem.title)}]`,
    'parts:',
    ...problem.parts.map((part) => partYaml(part, problem, keys)),
    '---',
  ];
  const sections: string[] = [frontmatter.join('\n')];
  if (problem.imports.length > 0)
    sections.push(problem.imports.map((entry) => `import ${entry.name} from './${entry.file}';`).join('\n'));
  sections.push(...problem.intro);
  sections.push(...problem.parts.map(partBody));
  return `${sections.filter((section) => section.trim() !== '').join('\n\n')}\n`;
}

export function indexMdx(meta: ExamMeta, instructions: readonly string[]): string {
  const frontmatter = [
    '---',
    `course: ${yamlString(meta.course)}`,
    `courseTitle: ${yamlString(meta.courseTitle)}`,
    `institution: ${yamlString(meta.institution)}`,
    `term: ${meta.term}`,
    `title: ${yamlString(meta.title)}`,
    `durationMinutes: ${meta.durationMinutes}`,
    `totalPoints: ${meta.totalPoints}`,
    'errata: []',
    '---',
  ];
  return `${[frontmatter.join('\n'), ...instructions].join('\n\n')}\n`;
}

export function examFiles(exam: ImportedExam, meta: ExamMeta, examId: string, keys: boolean): GeneratedFile[] {
  const taken = new Set<string>();
  return [
    { name: 'index.mdx', text: indexMdx(meta, exam.instructions) },
    ...exam.problems.map((problem) => ({
      name: problemFileName(problem, taken),
      text: problemMdx(problem, examId, keys),
      problem,
    })),
  ];
}
