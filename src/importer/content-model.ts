import type { List, Nodes, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';

/**
 * A light reading of exam MDX into what a student sees: each problem's frontmatter, its text
 * outside the parts, and per part the question, the options and the official solution, as
 * normalised text (math as `$…$`). The guide's own additions (`<Note>`, `<Lab>`, islands and
 * their wrappers) are left out, so hand-made and imported content compare on the exam's words.
 */

export interface ModelOption {
  id: string;
  text: string;
}

export interface ModelPart {
  id: string;
  title: string;
  points?: number | undefined;
  answer?: unknown;
  question: string;
  options: ModelOption[];
  solution: string;
}

export interface ModelProblem {
  number: number;
  title: string;
  points: number;
  topics: string[];
  /** The problem's text outside its parts (figures included). */
  intro: string;
  parts: ModelPart[];
}

export interface ModelExam {
  meta: Record<string, unknown>;
  instructions: string;
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkMath);

function splitFrontmatter(text: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!match) throw new Error('no frontmatter');
  return { data: parseYaml(match[1] ?? '') as Record<string, unknown>, body: text.slice(match[0].length) };
}

function attribute(node: MdxJsxFlowElement | MdxJsxTextElement, name: string): string | undefined {
  const found = node.attributes.find(
    (candidate): candidate is MdxJsxAttribute => candidate.type === 'mdxJsxAttribute' && candidate.name === name,
  );
  if (!found) return undefined;
  if (typeof found.value === 'string') return found.value;
  // caption={"…"}: a string literal expression.
  const expression = found.value?.value;
  if (expression && /^"(?:[^"\\]|\\.)*"$/.test(expression)) return JSON.parse(expression) as string;
  return expression ?? undefined;
}

/** Components of the exam's own content; everything else is the guide's (islands, notes, labs). */
const examComponents = new Set(['Figure', 'Options', 'Solution', 'Part', 'img']);

function textOf(nodes: readonly Nodes[]): string {
  const out: string[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push(node.value);
        break;
      case 'inlineCode':
        out.push(`\`${node.value}\``);
        break;
      case 'inlineMath':
        out.push(`$${node.value.trim()}$`);
        break;
      case 'math':
        out.push(` $$${node.value.trim()}$$ `);
        break;
      case 'strong':
        out.push(`**${textOf(node.children)}**`);
        break;
      case 'emphasis':
        out.push(`*${textOf(node.children)}*`);
        break;
      case 'break':
        out.push(' ');
        break;
      case 'paragraph':
      case 'heading':
        out.push(`${textOf(node.children)} `);
        break;
      case 'list':
        for (const item of node.children) out.push(`- ${textOf(item.children)} `);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        if (!examComponents.has(name)) break;
        if (name === 'Figure') out.push(` [${attribute(node, 'caption') ?? 'Figure'}] ${textOf(node.children)} `);
        else if (name === 'img') out.push(' [image] ');
        else out.push(textOf(node.children));
        break;
      }
      default:
        if ('children' in node) out.push(textOf(node.children as Nodes[]));
        else if (
          'value' in node &&
          node.type !== 'mdxjsEsm' &&
          node.type !== 'mdxFlowExpression' &&
          node.type !== 'mdxTextExpression' &&
          node.type !== 'html'
        ) {
          out.push(node.value);
        }
    }
  }
  return out.join('');
}

export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function element(node: RootContent, name: string): MdxJsxFlowElement | undefined {
  return node.type === 'mdxJsxFlowElement' && node.name === name ? node : undefined;
}

function readOptions(element: MdxJsxFlowElement): ModelOption[] {
  const list = element.children.find((child): child is List => child.type === 'list');
  if (!list) return [];
  return list.children.map((item) => {
    const text = normalise(textOf(item.children));
    const match = /^\(([^)\s]+)\)\s*(.*)$/.exec(text);
    return match ? { id: match[1] ?? '', text: match[2] ?? '' } : { id: '', text };
  });
}

/** `<div data-variant-question>` only marks the question that "New numbers" replaces: what it holds is the exam's. */
function unwrapVariantQuestion(node: RootContent): RootContent[] {
  const marked =
    node.type === 'mdxJsxFlowElement' &&
    node.name === 'div' &&
    node.attributes.some((entry) => entry.type === 'mdxJsxAttribute' && entry.name === 'data-variant-question');
  return marked ? node.children : [node];
}

export function readProblemMdx(text: string): ModelProblem {
  const { data, body } = splitFrontmatter(text);
  const tree = parser.parse(body);
  const declared = (data['parts'] ?? []) as { id: string; title: string; points?: number; answer?: unknown }[];
  const intro: RootContent[] = [];
  const parts: ModelPart[] = [];
  for (const node of tree.children) {
    const part = element(node, 'Part');
    if (!part) {
      intro.push(node);
      continue;
    }
    const id = attribute(part, 'id') ?? '';
    const frontmatter = declared.find((part) => part.id === id);
    const question: RootContent[] = [];
    let options: ModelOption[] = [];
    let solution = '';
    for (const child of (part.children as RootContent[]).flatMap(unwrapVariantQuestion)) {
      const optionsElement = element(child, 'Options');
      const solutionElement = element(child, 'Solution');
      if (optionsElement) options = readOptions(optionsElement);
      else if (solutionElement) solution = normalise(`${solution} ${textOf(solutionElement.children)}`);
      else question.push(child);
    }
    parts.push({
      id,
      title: frontmatter?.title ?? '',
      points: frontmatter?.points,
      ...(frontmatter?.answer !== undefined ? { answer: frontmatter.answer } : {}),
      question: normalise(textOf(question)),
      options,
      solution,
    });
  }
  return {
    number: data['number'] as number,
    title: data['title'] as string,
    points: data['points'] as number,
    topics: data['topics'] as string[],
    intro: normalise(textOf(intro)),
    parts,
  };
}

export function readIndexMdx(text: string): ModelExam {
  const { data, body } = splitFrontmatter(text);
  return { meta: data, instructions: normalise(textOf(parser.parse(body).children)) };
}
