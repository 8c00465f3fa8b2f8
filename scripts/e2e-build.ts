import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importedExam } from '../e2e/imported-exam.ts';
import { normalizeBasePath } from '../src/exams/base-path.ts';
import { copyProject } from './astro-build.ts';

/**
 * The site the end-to-end tests run against: the real content, the fixture exam (proving that a
 * second exam needs only content) and an exam imported from LaTeX, built under a non-root base path
 * as GitHub Pages serves it. e2e/global-setup.ts builds it before the tests; `npm test` builds it
 * earlier, beside ESLint once `astro check` is done (`npm run build:e2e`, which runs this file),
 * and has the tests serve it as it is (E2E_PREBUILT=1).
 *
 * The build runs in a copy of the project (scripts/astro-build.ts) with the content inside it: a
 * build writes its content modules to its project's `.astro/`, which ESLint and `astro check` read
 * in the project itself.
 *
 * E2E_BASE_PATH sets the base path (default /study-guide/); E2E_WORK_DIR (default .e2e) keeps
 * parallel runs apart.
 */
export interface E2eSite {
  basePath: string;
  /** Where the build, its cache and the tests' results go. */
  workDir: string;
  outDir: string;
}

export function e2eSite(env: NodeJS.ProcessEnv = process.env): E2eSite {
  const basePath = normalizeBasePath(env['E2E_BASE_PATH'] ?? '/study-guide/');
  if (basePath === '/') throw new Error('E2E_BASE_PATH must be a non-root path such as /study-guide/');
  const workDir = env['E2E_WORK_DIR'] ?? '.e2e';
  return { basePath, workDir, outDir: join(workDir, 'dist') };
}

/** Builds the end-to-end site into `e2eSite().outDir`; throws (the build's output already printed) on failure. */
export function buildE2eSite(env: NodeJS.ProcessEnv = process.env): E2eSite {
  const site = e2eSite(env);
  const workDir = resolve(site.workDir);
  const projectDir = join(workDir, 'project');
  rmSync(projectDir, { recursive: true, force: true });
  copyProject(projectDir);
  const contentDir = join(projectDir, 'exams');
  cpSync('content/exams', contentDir, { recursive: true });
  cpSync('e2e/fixtures/exams', contentDir, { recursive: true });
  // An exam written with the LaTeX `exam` class, imported as course staff would: its pages then
  // face the same checks as the hand-made ones (crawl, 360 px, anchors, KaTeX, HTML validity).
  execFileSync(
    process.execPath,
    ['scripts/import.ts', importedExam.source, '--id', importedExam.id, '--out', contentDir],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  execFileSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: projectDir,
    stdio: 'inherit',
    env: {
      ...env,
      EXAMS_DIR: contentDir,
      OUT_DIR: resolve(site.outDir),
      BASE_PATH: site.basePath,
      SITE_URL: 'http://127.0.0.1',
      // A separate cache, so this build's content never mixes with the published build's.
      ASTRO_CACHE_DIR: join(workDir, 'astro-cache'),
    },
  });
  return site;
}

if (import.meta.main) {
  try {
    buildE2eSite();
  } catch (error) {
    // A failed build or import has printed what went wrong; execFileSync's error only repeats the command.
    if (typeof (error as { status?: unknown }).status !== 'number') throw error;
    process.exitCode = 1;
  }
}
