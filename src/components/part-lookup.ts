import { getExamCatalog } from '../exams/catalog';
import { renderInlineMath } from '../markdown/inline-math';

/**
 * A part's frontmatter title for the problem page being rendered (route params `exam` and
 * `problem`), with its math typeset. Part headings and the table of contents both show it.
 */
export async function findPart(
  params: Record<string, string | undefined>,
  id: string,
  anchor: string,
): Promise<{ title: string; titleHtml: string }> {
  const catalog = await getExamCatalog();
  const problem = catalog
    .find((exam) => exam.entry.id === params['exam'])
    ?.problems.find((candidate) => candidate.slug === params['problem']);
  const part = problem?.entry.data.parts.find((candidate) => candidate.id === id);
  if (!problem || !part) {
    throw new Error(
      `<Part id="${id}"> (#${anchor}) is rendered outside a problem page that declares it (page ${params['exam']}/${params['problem']})`,
    );
  }
  const where = `${problem.entry.filePath ?? problem.entry.id}, part ${part.id} title`;
  return { title: part.title, titleHtml: renderInlineMath(part.title, where) };
}
