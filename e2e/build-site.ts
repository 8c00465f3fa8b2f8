import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { normalizeBasePath } from '../src/exams/base-path.ts';
import { importedExam } from './imported-exam.ts';

/** The base path the end-to-end build is served under: never the root, as on GitHub Pages. */
export function e2eBasePath(): string {
  const basePath = normalizeBasePath(process.env['E2E_BASE_PATH'] ?? '/study-guide/');
  if (basePath === '/') throw new Error('E2E_BASE_PATH must be a non-root path such as /study-guide/');
  return basePath;
}

/**
 * Builds the site the end-to-end tests run against into `<workDir>/dist`: the real content plus
 * a fixture exam (proving a second exam needs only content) and an exam imported from LaTeX, as
 * course staff would, so its pages face the same checks as the hand-made ones (crawl, 360 px,
 * anchors, KaTeX, HTML validity). Run by the global setup, or beforehand by `npm test`, which
 * then passes the result as E2E_DIST with E2E_FIXTURE_EXAM=1.
 */
export function buildE2eSite(workDir: string, basePath: string): string {
  const outDir = `${workDir}/dist`;
  const contentDir = `${workDir}/content/exams`;
  rmSync(`${workDir}/content`, { recursive: true, force: true });
  cpSync('content/exams', contentDir, { recursive: true });
  cpSync('e2e/fixtures/exams', contentDir, { recursive: true });
  execFileSync(
    process.execPath,
    ['scripts/import.ts', importedExam.source, '--id', importedExam.id, '--out', contentDir],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  execFileSync('npm', ['run', 'build'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      EXAMS_DIR: `./${contentDir}`,
      OUT_DIR: outDir,
      BASE_PATH: basePath,
      SITE_URL: 'http://127.0.0.1',
      // A separate cache, so this build's content never mixes with the published build's.
      ASTRO_CACHE_DIR: `${workDir}/astro-cache`,
    },
  });
  return outDir;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildE2eSite(process.env['E2E_WORK_DIR'] ?? '.e2e', e2eBasePath());
}
