import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { rehypePlugins, remarkPlugins } from './pipeline';
import { rehypeMathPresentation } from './rehype-math-presentation';

/** Like the MDX pipeline, which does not always carry source positions down to math elements. */
function stripPositions() {
  return (tree: Root) => {
    visit(tree, (node) => {
      delete node.position;
    });
  };
}

/** Runs the site's pipeline, the same lists astro.config.mjs uses, over a small fixture. */
async function renderMarkdown(
  markdown: string,
  path = 'content/exams/demo/01-demo.md',
  positions = true,
): Promise<string> {
  const file = new VFile({ value: markdown, path });
  const result = await unified()
    .use(remarkParse)
    .use(remarkPlugins)
    .use(remarkRehype)
    .use(positions ? [] : [stripPositions])
    .use(rehypePlugins)
    .use(rehypeStringify)
    .process(file);
  return String(result);
}

interface PartFixture {
  id: string;
  title: string;
  points?: number;
}

/** Runs the remark half of the pipeline over an MDX body with the given problem frontmatter; returns the tree. */
function checkParts(body: string, parts: PartFixture[], number = 3) {
  const file = new VFile({ value: body, path: 'content/exams/demo/03-demo.mdx' });
  file.data['astro'] = { frontmatter: { number, parts } };
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkPlugins);
  return processor.runSync(processor.parse(file), file);
}

const twoParts: PartFixture[] = [
  { id: 'a', title: 'First', points: 2 },
  { id: 'b', title: 'Second', points: 3 },
];

describe('math rendering for the site', () => {
  it('fails the build on a formula KaTeX cannot parse, naming the file and line', async () => {
    await expect(renderMarkdown('Fine $x^2$.\n\nBroken $\\frac{1}{$ here.')).rejects.toThrow(
      'content/exams/demo/01-demo.md:3:8: a formula does not parse in KaTeX ($\\frac{1}{$): KaTeX parse error',
    );
  });

  it('refuses the commands KaTeX keeps behind `trust` instead of shipping them as red text', async () => {
    await expect(renderMarkdown('Click $\\href{javascript:alert(1)}{here}$.')).rejects.toThrow(
      'content/exams/demo/01-demo.md:1:7: \\href is not allowed in a formula (links, images and HTML in math could run scripts or load files); put the link or image outside the formula',
    );
    await expect(renderMarkdown('$$\n\\includegraphics{x.png}\n$$')).rejects.toThrow(
      '\\includegraphics is not allowed in a formula',
    );
  });

  it('still names the line when the pipeline lost source positions, by finding the formula', async () => {
    await expect(renderMarkdown('Fine.\n\n$$\n\\frac{1}{\n$$', 'demo.mdx', false)).rejects.toThrow(
      'demo.mdx:4:1: a formula does not parse in KaTeX ($\\frac{1}{$): KaTeX parse error',
    );
  });

  it('renders valid math with no KaTeX error markup', async () => {
    const html = await renderMarkdown(
      'Inline $\\sigma(x) = \\frac{1}{1+e^{-x}}$.\n\n$$\n\\text{Var}(W) = \\frac{1}{n}\n$$',
    );
    expect(html).toContain('class="katex"');
    expect(html).not.toContain('katex-error');
  });

  it('indexes each formula once, as a readable plain-text reading hidden from screens', async () => {
    const html = await renderMarkdown('Inline $\\frac{x}{2}$.');
    expect(html, 'the visual half is ignored').toMatch(/<span class="katex-html"[^>]*data-pagefind-ignore/);
    expect(html, 'the MathML half is ignored').toMatch(/<span class="katex-mathml"[^>]*data-pagefind-ignore/);
    expect(html, 'one hidden reading, with the fraction kept').toContain(
      '<span class="math-search-text" hidden> x/2 </span>',
    );
    expect(html.match(/math-search-text/g)).toHaveLength(1);
  });

  it('makes display math a keyboard-scrollable box', async () => {
    const html = await renderMarkdown('$$\nx = 1\n$$');
    expect(html).toMatch(/<span class="katex-display" tabindex="0">/);
  });

  it('wraps tables in a keyboard-scrollable box, keeping the table inside', () => {
    const table = { type: 'element' as const, tagName: 'table', properties: {}, children: [] };
    const tree = { type: 'root' as const, children: [table] };
    rehypeMathPresentation()(tree);
    expect(tree.children[0]).toEqual({
      type: 'element',
      tagName: 'div',
      properties: { className: ['table-scroll'], tabIndex: 0 },
      children: [table],
    });
  });
});

describe('problem parts: body and frontmatter must agree', () => {
  it('hands each part its anchor, label and points, and each solution its anchor', () => {
    const tree = checkParts(
      '<Part id="a">\n\nQ\n\n<Solution>\n\nS\n\n</Solution>\n\n</Part>\n\n<Part id="b">\n\nQ\n\n</Part>',
      twoParts,
    );
    const json = JSON.stringify(tree);
    expect(json).toContain('"name":"anchor","value":"3a"');
    expect(json).toContain('"name":"label","value":"(a)"');
    expect(json, 'the part gets its frontmatter title').toContain('"name":"title","value":"First"');
    expect(json).toContain('"name":"titleSource","value":"content/exams/demo/03-demo.mdx, part a title"');
    expect(json).toContain('"name":"points","value":"2"');
    expect(json, 'the solution is labelled with its part').toContain('"name":"label","value":"3(a)"');
  });

  it('anchors guide notes by where they sit: beside a question, inside its solution, or outside any part', () => {
    const body = [
      '<Note>\n\nIntro note\n\n</Note>',
      '<Part id="a">\n\nQ\n\n<Note>\n\nHint\n\n</Note>\n\n<Solution>\n\nS\n\n<Note>\n\nWorking\n\n</Note>\n\n<Note>\n\nMore\n\n</Note>\n\n</Solution>\n\n</Part>',
      '<Part id="b">\n\nQ\n\n</Part>',
    ].join('\n\n');
    const json = JSON.stringify(checkParts(body, twoParts));
    expect(json).toContain('"name":"anchor","value":"3-note"');
    expect(json).toContain('"name":"anchor","value":"3a-note"');
    expect(json, 'notes in a solution stay inside its anchor, so search hides them').toContain(
      '"name":"anchor","value":"3a-solution-note"',
    );
    expect(json).toContain('"name":"anchor","value":"3a-solution-note-2"');
    expect(json).toContain('"name":"about","value":"the solution to 3(a)"');
  });

  it('names the part that is not declared in the frontmatter', () => {
    expect(() => checkParts('<Part id="z">\n\nQ\n\n</Part>', twoParts)).toThrow(
      '<Part id="z"> is not declared in the frontmatter `parts` (declared: a, b)',
    );
  });

  it('names declared parts that the body forgot', () => {
    expect(() => checkParts('<Part id="a">\n\nQ\n\n</Part>', twoParts)).toThrow(
      'the frontmatter `parts` declares "b" but the body has no matching <Part id="…">',
    );
  });

  it('rejects parts out of order and repeated parts', () => {
    expect(() => checkParts('<Part id="b">\n\nQ\n\n</Part>\n\n<Part id="a">\n\nQ\n\n</Part>', twoParts)).toThrow(
      /<Part id="b"> is out of order/,
    );
    expect(() => checkParts('<Part id="a">\n\nQ\n\n</Part>\n\n<Part id="a">\n\nQ\n\n</Part>', twoParts)).toThrow(
      /<Part id="a"> appears twice/,
    );
  });

  it('rejects a solution outside any part, with its line', () => {
    expect(() => checkParts('Intro\n\n<Solution>\n\nS\n\n</Solution>', twoParts)).toThrow(
      /<Solution> must sit directly inside a <Part/,
    );
  });

  it('labels a part named by title by its title, and its solution by the problem', () => {
    const tree = checkParts(
      '<Part id="table">\n\nQ\n\n<Solution>\n\nS\n\n</Solution>\n\n</Part>',
      [{ id: 'table', title: 'Output volumes' }],
      5,
    );
    const json = JSON.stringify(tree);
    expect(json).toContain('"name":"label","value":"Output volumes"');
    expect(json).toContain('"name":"label","value":"Problem 5"');
    expect(json, 'a part without points gets no points attribute').not.toContain('"name":"points"');
  });
});
