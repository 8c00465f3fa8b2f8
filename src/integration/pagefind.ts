import { join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Indexes the built site with Pagefind's Node API and writes the bundle to `<outDir>/pagefind/`,
 * where the search UI loads it. Any error Pagefind reports fails the build: a site whose search
 * silently returns nothing is worse than no deploy. Returns the number of HTML pages read.
 */
export async function indexSite(outDir: string): Promise<number> {
  try {
    const created = await pagefind.createIndex();
    const index = created.index;
    if (!index) throw new Error(`Pagefind could not create an index: ${created.errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error(`Pagefind found no HTML pages in ${outDir}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its bundle: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    // The index runs in a Pagefind child process, which would otherwise keep the build alive.
    await pagefind.close();
  }
}
