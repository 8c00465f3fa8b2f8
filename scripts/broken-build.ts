import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { astroBuilds, copyProject, type BuildResult } from './astro-build';

type BrokenBuild = (
  breakContent: (examDir: string) => void,
  outDir?: (root: string) => string,
) => Promise<BuildResult & { root: string }>;

/**
 * For a test file of broken-content cases: a function that builds a copy of the fixture exam after
 * `breakContent` broke it, in a copy of the project of its own (scripts/astro-build.ts), so it runs
 * beside the other test files' builds. A file's cases run one after another in one process: on two
 * cores, two of them at once beside the rest of the suite took longer. `outDir` may depend on the
 * copy's root. The copies are removed after the file.
 */
export function brokenContentBuilds(): BrokenBuild {
  const workDir = mkdtempSync(join(tmpdir(), 'exam-build-errors-'));
  const builds = astroBuilds();
  afterAll(() => {
    builds.close();
    rmSync(workDir, { recursive: true, force: true });
  });
  return async (breakContent, outDir = (root) => join(root, 'dist')) => {
    const root = copyProject(mkdtempSync(join(workDir, 'case-')));
    const examDir = join(root, 'exams', 'tiny-test-exam');
    cpSync('e2e/fixtures/exams/tiny-test-exam', examDir, { recursive: true });
    breakContent(examDir);
    const result = await builds.build(root, {
      EXAMS_DIR: join(root, 'exams'),
      OUT_DIR: outDir(root),
      ASTRO_CACHE_DIR: join(root, 'cache'),
      // Every case fails before the papers would print: no Chromium is started for them, and
      // papers are not required (CI sets PDF_REQUIRED=1), or the missing Chromium would fail the
      // build first, before the broken content.
      CHROMIUM_PATH: join(root, 'no-chromium'),
      PDF_REQUIRED: '',
    });
    return { ...result, root };
  };
}

/** Rewrites `file` with `change`. */
export function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}
