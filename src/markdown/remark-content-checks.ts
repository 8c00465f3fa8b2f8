import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { providedComponentNames } from './content-components';

/**
 * Mistakes MDX would report without naming the file or publish without a word:
 * - a component that is neither imported nor provided by the page (`<Foo/>`), which MDX reports
 *   at render time as "Expected component Foo to be defined" with no file;
 * - an image whose file does not exist, which would ship as a broken image.
 */
export function remarkContentChecks(options: { publicDir?: string } = {}) {
  const publicDir = resolve(options.publicDir ?? 'public');
  return (tree: Root, file: VFile) => {
    const where = (line: number | undefined) => `${relative(process.cwd(), file.path)}${line ? `:${line}` : ''}`;
    const imported = new Set<string>();
    visit(tree, 'mdxjsEsm', (node: MdxjsEsm) => {
      for (const statement of node.data?.estree?.body ?? []) {
        if (statement.type !== 'ImportDeclaration') continue;
        for (const specifier of statement.specifiers) imported.add(specifier.local.name);
      }
    });
    const known = new Set<string>([...providedComponentNames, ...imported]);

    const checkElement = (node: MdxJsxFlowElement | MdxJsxTextElement) => {
      const name = node.name;
      if (name && /^[A-Z]/.test(name) && !known.has(name.split('.')[0] ?? name)) {
        file.fail(
          `${where(node.position?.start.line)}: <${name}> is not a component this page knows; import it at the top of the file or use one of ${[...known].join(', ')}`,
        );
      }
      if (name === 'img') {
        const src = node.attributes.find(
          (attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'src',
        );
        if (src && typeof src.value === 'string') checkImage(src.value, node.position?.start.line);
      }
    };

    const checkImage = (src: string, line: number | undefined) => {
      if (/^(?:[a-z]+:|\/\/)/i.test(src)) return; // another site or a data: URL: not ours to check
      const path = src.startsWith('/') ? resolve(publicDir, `.${src}`) : resolve(dirname(file.path), src);
      if (!existsSync(path.split(/[?#]/)[0] ?? path)) {
        file.fail(`${where(line)}: the image "${src}" does not exist (looked for ${relative(process.cwd(), path)})`);
      }
    };

    visit(tree, (node) => {
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') checkElement(node);
      if (node.type === 'image') checkImage(node.url, node.position?.start.line);
    });
  };
}
