import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The key of Astro's incremental build for the pages that show one exam (src/exams/catalog.ts):
 * a digest of everything of the exam a page can show. A page gets the whole exam as props (every
 * problem's title and points), which Astro cannot see into, so the key holds the entries' data as
 * the schema made it (a schema change that changes the data changes the key) and the bytes of
 * every file of the exam's folder (its MDX, the data files and images they import) and of every
 * content file outside all exam folders (shared data). Astro also follows what a page's MDX imports,
 * but only for content inside the project (astro.config.mjs); the files are hashed here all the
 * same, so an edited data file renders its exam again whatever Astro follows. Another exam's files
 * do not count.
 *
 * `files` are paths relative to `examsDir` (as `readdirSync(examsDir, { recursive: true })` gives
 * them), with `/` as on the machines that build the site, sorted (the catalog sorts them once for
 * every exam: the order the file system lists them in may change between builds); `examIds` names
 * every exam folder.
 */
export function examContentDigest(
  examsDir: string,
  files: readonly string[],
  examIds: ReadonlySet<string>,
  examId: string,
  entriesData: readonly unknown[],
): string {
  const hash = createHash('sha256').update(JSON.stringify(entriesData));
  for (const file of files) {
    const slash = file.indexOf('/');
    const folder = slash === -1 ? '' : file.slice(0, slash);
    if (folder !== examId && examIds.has(folder)) continue;
    const path = join(examsDir, file);
    if (!statSync(path).isFile()) continue;
    hash.update(`\0${file}\0`).update(readFileSync(path));
  }
  return hash.digest('base64url');
}
