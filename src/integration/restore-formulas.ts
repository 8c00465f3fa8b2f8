import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DeferredFormulas } from '../markdown/deferred-formulas';

/**
 * Puts every deferred formula back into the built pages of `outDir` (each `.html` file);
 * returns how many pages had formulas. Runs before any other step reads the pages.
 */
export function restoreFormulas(outDir: string, formulas: DeferredFormulas): number {
  let pages = 0;
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    const html = readFileSync(file, 'utf8');
    const restored = formulas.restore(html, relative(outDir, file));
    if (restored === html) continue;
    writeFileSync(file, restored);
    pages += 1;
  }
  return pages;
}
