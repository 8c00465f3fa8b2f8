import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { memoizeRecent } from '../maths/memo';
import { rehypePlugins, remarkPlugins } from './pipeline';

/**
 * Renders short metadata strings (errata, part titles) that may hold `$…$` math through the
 * site's own Markdown pipeline, so they get the same guarantees as the MDX content: a formula
 * that does not parse fails the build naming the place, and search sees each formula once.
 */

/** Returns the content of the single paragraph, since the string sits inside a heading or sentence. */
function rehypeInlineOnly() {
  return (tree: Root, file: VFile) => {
    const blocks = tree.children.filter((node) => !(node.type === 'text' && node.value.trim() === ''));
    if (blocks.length === 0) return;
    const [paragraph] = blocks;
    if (blocks.length > 1 || paragraph?.type !== 'element' || paragraph.tagName !== 'p') {
      file.fail(
        `${file.data.place ?? 'inline Markdown'}: must be a single line of text and math (no paragraphs, lists or headings)`,
      );
    }
    tree.children = paragraph.children;
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkPlugins)
  .use(remarkRehype)
  .use(rehypePlugins)
  .use(rehypeInlineOnly)
  .use(rehypeStringify)
  .freeze();

/**
 * Titles rendered already in this process: a part title appears on its problem's page twice (the
 * heading and the contents), in the mock exam and in the print route. Keyed by the text alone
 * (`where` only names the place in errors); a failure is not remembered, so an error still names
 * the place it was met. Bounded like the formula cache.
 */
const renderTitle = memoizeRecent(
  ({ text, where }: { text: string; where: string }) =>
    String(processor.processSync(new VFile({ value: text, data: { place: where } }))),
  ({ text }) => text,
  20_000,
);

/** `where` names the place in errors, e.g. "content/exams/x/index.mdx, errata 3(e)". */
export function renderInlineMath(text: string, where: string): string {
  return renderTitle({ text, where });
}
