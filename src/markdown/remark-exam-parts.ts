import { relative } from 'node:path';
import type { Root } from 'mdast';
import type { Node } from 'unist';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { noteAnchor, partAnchor, partLabel, solutionAnchor, solutionLabel } from '../exams/anchors';

/**
 * Connects a problem's MDX body to its frontmatter. Authors write `<Part id="d">` and
 * `<Solution>`; the frontmatter `parts` list owns each part's points and title. This plugin
 * checks that the two agree and hands the components what they render (anchor, label, points),
 * so points are written once and a part cannot silently go missing or be misnumbered.
 */

interface FrontmatterPart {
  id: string;
  title: string;
  points?: number | undefined;
}

interface ProblemFrontmatter {
  number: number;
  parts: FrontmatterPart[];
}

function isProblemFrontmatter(value: unknown): value is ProblemFrontmatter {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['number'] === 'number' && Array.isArray(candidate['parts']);
}

function stringAttribute(node: MdxJsxFlowElement, name: string): string | undefined {
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && attribute.name === name) {
      return typeof attribute.value === 'string' ? attribute.value : undefined;
    }
  }
  return undefined;
}

function setAttribute(node: MdxJsxFlowElement, name: string, value: string): void {
  const attribute: MdxJsxAttribute = { type: 'mdxJsxAttribute', name, value };
  node.attributes = [...node.attributes.filter((a) => !(a.type === 'mdxJsxAttribute' && a.name === name)), attribute];
}

export function remarkExamParts() {
  return (tree: Root, file: VFile) => {
    const astro = file.data['astro'] as { frontmatter?: unknown } | undefined;
    const frontmatter = astro?.frontmatter;
    if (!isProblemFrontmatter(frontmatter)) return;

    const declared = frontmatter.parts;
    const declaredIds = declared.map((part) => part.id).join(', ');
    const seen: string[] = [];

    visit(tree, 'mdxJsxFlowElement', (node: MdxJsxFlowElement, _index, parent) => {
      if (node.name === 'Solution') {
        const enclosingPart =
          parent && parent.type === 'mdxJsxFlowElement' && parent.name === 'Part' ? parent : undefined;
        if (!enclosingPart) {
          file.fail('<Solution> must sit directly inside a <Part id="…">, so it knows which sub-part it answers', node);
        }
        return;
      }
      if (node.name !== 'Part') return;

      const id = stringAttribute(node, 'id');
      if (!id) file.fail('<Part> needs an id matching an entry of the frontmatter `parts`, e.g. <Part id="a">', node);
      const part = declared.find((candidate) => candidate.id === id);
      if (!part) {
        file.fail(`<Part id="${id}"> is not declared in the frontmatter \`parts\` (declared: ${declaredIds})`, node);
      }
      if (seen.includes(part.id)) file.fail(`<Part id="${id}"> appears twice in the body`, node);
      const expected = declared[seen.length];
      if (expected && expected.id !== part.id) {
        file.fail(`<Part id="${id}"> is out of order: the frontmatter \`parts\` list "${expected.id}" next`, node);
      }
      seen.push(part.id);

      const anchor = partAnchor(frontmatter.number, part.id);
      setAttribute(node, 'anchor', anchor);
      setAttribute(node, 'label', partLabel(part));
      setAttribute(node, 'title', part.title);
      // Where the title's math is reported from if it does not parse.
      setAttribute(node, 'titleSource', `${relative(process.cwd(), file.path)}, part ${part.id} title`);
      if (part.points !== undefined) setAttribute(node, 'points', String(part.points));
      for (const child of node.children) {
        if (child.type === 'mdxJsxFlowElement' && child.name === 'Solution') {
          setAttribute(child, 'anchor', anchor);
          setAttribute(child, 'label', solutionLabel(frontmatter.number, part));
        }
      }
    });

    labelGuideNotes(tree, frontmatter);

    const missing = declared.filter((part) => !seen.includes(part.id));
    if (missing.length > 0) {
      file.fail(
        `the frontmatter \`parts\` declares ${missing.map((part) => `"${part.id}"`).join(', ')} but the body has no matching <Part id="…">`,
      );
    }
  };
}

/**
 * Gives every `<Note>` (the guide's own words, never the exam's) a heading anchor and a label
 * naming what it comments on, so search results and the page say whose text it is, and a note
 * inside a solution stays recognisably inside it (search hides it until solutions are included).
 */
function labelGuideNotes(tree: Root, frontmatter: ProblemFrontmatter): void {
  const counts = new Map<string, number>();
  const label = (within: string, about: string, node: MdxJsxFlowElement, level: number) => {
    const n = (counts.get(within) ?? 0) + 1;
    counts.set(within, n);
    setAttribute(node, 'anchor', noteAnchor(within, n));
    setAttribute(node, 'about', about);
    setAttribute(node, 'level', String(level));
  };
  const isNote = (node: Node): node is MdxJsxFlowElement =>
    node.type === 'mdxJsxFlowElement' && (node as MdxJsxFlowElement).name === 'Note';

  visit(tree, 'mdxJsxFlowElement', (part: MdxJsxFlowElement) => {
    if (part.name !== 'Part') return;
    const id = stringAttribute(part, 'id');
    const declared = frontmatter.parts.find((candidate) => candidate.id === id);
    if (!declared) return;
    const anchor = partAnchor(frontmatter.number, declared.id);
    const about = solutionLabel(frontmatter.number, declared);
    for (const child of part.children) {
      if (child.type !== 'mdxJsxFlowElement' || child.name !== 'Solution') continue;
      visit(child, (node) => {
        if (isNote(node)) label(solutionAnchor(anchor), `the solution to ${about}`, node, 4);
      });
    }
    visit(part, (node) => {
      if (isNote(node) && stringAttribute(node, 'anchor') === undefined) label(anchor, about, node, 3);
    });
  });
  visit(tree, (node) => {
    if (isNote(node) && stringAttribute(node, 'anchor') === undefined) {
      label(String(frontmatter.number), `Problem ${frontmatter.number}`, node, 2);
    }
  });
}
