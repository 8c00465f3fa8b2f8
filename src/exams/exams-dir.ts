import { relative, resolve } from 'node:path';

/**
 * Where the exams live. EXAMS_DIR lets the end-to-end build add a fixture exam without
 * publishing it on the real site.
 */
export const examsDir = process.env['EXAMS_DIR'] ?? './content/exams';

/**
 * The exams folder relative to the project at `root` (as Astro's content loader resolves it):
 * `content/exams`, or a path beginning with `..` for content outside the project.
 */
export function examsDirInProject(root: string): string {
  return relative(root, resolve(root, examsDir));
}
