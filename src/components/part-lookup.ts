import { partAnchor } from '../exams/anchors';
import { getExamCatalog } from '../exams/catalog';
import { renderInlineMath } from '../markdown/inline-math';

/**
 * A part's frontmatter title, with its math typeset, found by its anchor ("3c", unique within an
 * exam) in the exam of the page being rendered (route param `exam`): problem pages and the exam
 * papers both render parts.
 */
export async function findPart(
  params: Record<string, string | undefined>,
  id: string,
  anchor: string,
): Promise<{ title: string; titleHtml: string }> {
  const exam = (await getExamCatalog()).find((candidate) => candidate.entry.id === params['exam']);
  for (const problem of exam?.problems ?? []) {
    const { number, parts } = problem.entry.data;
    const part = parts.find((candidate) => partAnchor(number, candidate.id) === anchor);
    if (part) {
      const where = `${problem.entry.filePath ?? problem.entry.id}, part ${part.id} title`;
      return { title: part.title, titleHtml: renderInlineMath(part.title, where) };
    }
  }
  throw new Error(
    `<Part id="${id}"> (#${anchor}) is rendered on a page whose exam "${params['exam'] ?? '(none)'}" declares no such part`,
  );
}
