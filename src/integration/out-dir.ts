import { isAbsolute, relative } from 'node:path';

/**
 * Astro 7 decides whether the output folder is inside the project with a plain string prefix
 * test (`getOutDirWithinCwd` in astro/dist/core/build/common.js: `outDir.startsWith(cwd)`), so
 * a sibling such as `../guide-out` next to a checkout named `guide` counts as inside. Astro then
 * writes its server bundle there, where Node cannot find the project's packages, and the build
 * dies with "Cannot find package '@oslojs/encoding'", hiding any real error. Refuse that one
 * case with a message saying what to do.
 */
export function outDirProblem(outDir: string, cwd: string): string | undefined {
  const fromCwd = relative(cwd, outDir);
  const inside = fromCwd === '' || (!fromCwd.startsWith('..') && !isAbsolute(fromCwd));
  if (inside || !outDir.startsWith(cwd)) return undefined;
  return `OUT_DIR ${outDir} is outside the project but its path begins with the project's (${cwd}); Astro 7 mistakes it for a folder inside the project and the build fails. Use a folder inside the project (e.g. ./dist) or one whose path does not begin with ${cwd}`;
}
