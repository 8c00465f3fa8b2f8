import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tagDefaultExportForPreact } from './vite-tag-islands';

describe('islands tagged with their renderer for server rendering', () => {
  it('tags the default-exported function component', () => {
    const tagged = tagDefaultExportForPreact('export default function Counter(props: Props) {\n  return null;\n}\n');
    expect(tagged).toContain(
      "Object.defineProperty(Counter, Symbol.for('astro:renderer'), { value: '@astrojs/preact' });",
    );
    expect(tagDefaultExportForPreact('export function helper() {}\n'), 'no default component, nothing to tag').toBe(
      null,
    );
  });

  it('recognises every island under src/tools, so none is rendered twice', () => {
    const tools = join(process.cwd(), 'src/tools');
    const islands = readdirSync(tools, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.tsx') && !file.endsWith('.test.tsx'),
    );
    expect(islands.length, 'the tools have islands').toBeGreaterThan(5);
    for (const island of islands)
      expect(tagDefaultExportForPreact(readFileSync(join(tools, island), 'utf8')), island).not.toBe(null);
  });
});
