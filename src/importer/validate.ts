import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { findContentProblems } from '../exams/rules';
import { examSchema, problemSchema } from '../exams/schema';
import { rehypePlugins, remarkPlugins } from '../markdown/pipeline';
import { findUnbalancedMath } from '../markdown/unbalanced-math';
import { ImportError, type AnswerKey } from './model';
import type { GeneratedFile } from './write-mdx';

/**
 * Checks the generated files the way the build will, before anything is written: frontmatter
 * against the content schema, the cross-file rules (points add up, page names), unbalanced
 * `$`, and each body through the site's own remark/rehype pipeline (parts match the
 * frontmatter, components are known, every formula parses in KaTeX). The first failure is an
 * ImportError naming the source line of the problem it came from.
 */

const processor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkPlugins)
  .use(remarkRehype, {
    passThrough: ['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm'],
  })
  .use(rehypePlugins);

export function splitFrontmatter(text: string): { data: unknown; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) return { data: undefined, body: text };
  const frontmatter = match[0];
  // Keep the body's line numbers: the frontmatter becomes blank lines.
  return {
    data: parseYaml(match[1] ?? ''),
    body: '\n'.repeat(frontmatter.split('\n').length - 1) + text.slice(frontmatter.length),
  };
}

function checkAnswer(answer: unknown, optionIds: readonly string[], where: string): void {
  const key = answer as AnswerKey;
  if ('choices' in key) {
    if (key.choices.length === 0) throw new Error(`${where}: an answer key lists no choices`);
    const unknown = key.choices.filter((id) => !optionIds.includes(id));
    if (unknown.length > 0)
      throw new Error(
        `${where}: the answer key names ${unknown.join(', ')}, not among the options ${optionIds.join(', ')}`,
      );
  } else if (!Number.isFinite(key.number)) {
    throw new Error(`${where}: a numeric answer key must be a number`);
  }
}

export function validateFiles(files: readonly GeneratedFile[], examId: string, examDir: string): void {
  const problems: Parameters<typeof findContentProblems>[1][number][] = [];
  let totalPoints = 0;
  for (const file of files) {
    const path = `${examDir}/${file.name}`;
    const source = file.problem ? `line ${file.problem.line} (Question ${file.problem.number})` : 'the cover';
    const fail = (message: string): never => {
      throw new ImportError(file.problem?.line, `${source}: the generated ${file.name} would not build: ${message}`);
    };
    const { data, body } = splitFrontmatter(file.text);
    const schema = file.problem ? problemSchema : examSchema;
    const parsed = schema.safeParse(data);
    // Until the content schema knows `answer`, it rejects the key; the keys are checked below.
    const unknownAnswer = (issue: { code: string; keys?: string[] }) =>
      issue.code === 'unrecognized_keys' && issue.keys?.every((key) => key === 'answer');
    const issues = parsed.success
      ? []
      : parsed.error.issues.filter((issue) => !unknownAnswer(issue as { code: string; keys?: string[] }));
    if (issues.length > 0) fail(issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
    if (file.problem) {
      const frontmatter = data as {
        number: number;
        points: number;
        parts: { id: string; title: string; points?: number; answer?: unknown }[];
      };
      problems.push({
        id: `${examId}/${file.name}`,
        filePath: path,
        slug: file.name.replace(/^\d+-/, '').replace(/\.mdx$/, ''),
        data: { exam: examId, number: frontmatter.number, points: frontmatter.points },
      });
      for (const part of frontmatter.parts) {
        const imported = file.problem.parts.find((candidate) => candidate.id === part.id);
        if (part.answer !== undefined) {
          try {
            checkAnswer(
              part.answer,
              imported?.options?.items.map((item) => item.id) ?? [],
              `${file.problem.number}${imported?.label ?? part.id}`,
            );
          } catch (error) {
            fail((error as Error).message);
          }
        }
      }
    } else {
      totalPoints = (data as { totalPoints: number }).totalPoints;
    }
    const math = findUnbalancedMath(file.text);
    if (math) fail(`line ${math.line} of the file: ${math.message}`);
    const vfile = new VFile({ value: body, path });
    vfile.data['astro'] = { frontmatter: data as Record<string, unknown> };
    try {
      processor.runSync(processor.parse(vfile), vfile);
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
  }
  const messages = findContentProblems(
    [{ id: examId, filePath: `${examDir}/index.mdx`, data: { totalPoints } }],
    problems,
  );
  if (messages.length > 0) throw new ImportError(undefined, messages.join('; '));
}
