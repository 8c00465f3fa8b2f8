import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Astro's content index, kept between builds (DATA_STORE_FILE in astro/dist/content/consts.js). */
const INDEX_FILE = 'data-store.json';
/** Where the content was indexed from, beside that index. */
const LOCATION_FILE = 'study-guide-content-location.txt';

/**
 * Astro keeps its content index between builds (in the cache folder; in `.astro/` for the dev
 * server) and keeps an unchanged entry as it is, file path included. After the exams folder
 * moved (EXAMS_DIR, or a renamed folder), the next build looked for every unchanged MDX file at
 * its old path and failed with "Rolldown failed to resolve import
 * astro:content-layer-deferred-module?…fileName=<old path>", which names no cause. So the
 * integration records where the index was made from (`contentLocation`, the exams folder relative
 * to the project, so a moved checkout keeps its index) and removes the index when that changed:
 * the build indexes the content again, which takes well under a second per exam.
 *
 * Returns a sentence for the build's log when it removed an index, else undefined.
 */
export function forgetIndexOfMovedContent(indexDir: string, contentLocation: string): string | undefined {
  const locationFile = join(indexDir, LOCATION_FILE);
  const recorded = existsSync(locationFile) ? readFileSync(locationFile, 'utf8') : undefined;
  if (recorded === contentLocation) return undefined;
  const index = join(indexDir, INDEX_FILE);
  const hadIndex = existsSync(index);
  rmSync(index, { force: true });
  mkdirSync(indexDir, { recursive: true });
  writeFileSync(locationFile, contentLocation);
  if (!hadIndex) return undefined;
  return recorded === undefined
    ? `Astro's content index in ${indexDir} has no record of the exams folder it was made from: it is made again from ${contentLocation}`
    : `The exams folder is now ${contentLocation}, not ${recorded}: Astro's content index in ${indexDir} is made again, since it kept the old file paths`;
}
