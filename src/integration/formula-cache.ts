import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeWhole } from './write-whole';

/**
 * A build keeps the HTML of every formula it rendered in Astro's cache folder, and the next build
 * takes it instead of running KaTeX and the presentation again: compiled MDX is not cached between
 * builds, so a second build of the real site spent about 0.25 s of its 3.5–4 s re-rendering the
 * same formulas.
 *
 * The HTML depends on the formula's TeX and on the code that renders it: every module of
 * src/markdown/ (tests aside) and the installed packages, whose exact versions the lockfile holds.
 * The version is a hash of both; a change to either, or no lockfile, and nothing earlier is used.
 */
export function formulaRenderingVersion(markdownDir: string, projectRoot: string): string | undefined {
  const lockfile = join(projectRoot, 'package-lock.json');
  if (!existsSync(lockfile)) return undefined;
  const hash = createHash('sha256').update(readFileSync(lockfile));
  const sources = readdirSync(markdownDir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
  for (const file of sources.sort()) hash.update(file).update(readFileSync(join(markdownDir, file)));
  return hash.digest('base64url');
}

interface FormulaCacheFile {
  version: string;
  formulas: [key: string, html: string][];
}

/** The formulas an earlier build rendered with the same `version`; none when the file is missing, unreadable or older. */
export function earlierFormulas(file: string, version: string | undefined): [key: string, html: string][] {
  if (version === undefined || !existsSync(file)) return [];
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as Partial<FormulaCacheFile>;
    if (cached.version !== version || !Array.isArray(cached.formulas)) return [];
    return cached.formulas.filter(
      (entry): entry is [string, string] =>
        Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string',
    );
  } catch {
    // A cache written by an interrupted or foreign build is only a lost speed-up.
    return [];
  }
}

/** Keeps this build's formulas for the next one (only these, so the file never outgrows the site). */
export function keepFormulas(
  file: string,
  version: string | undefined,
  formulas: Iterable<[key: string, html: string]>,
): void {
  if (version === undefined) return;
  const content: FormulaCacheFile = { version, formulas: [...formulas] };
  writeWhole(file, JSON.stringify(content));
}
