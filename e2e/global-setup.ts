import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { normalizeBasePath } from '../src/exams/base-path';
import { startServer } from '../scripts/serve.mjs';
import { importedExam } from './imported-exam';

/**
 * Serves the production build under a non-root base path, as GitHub Pages does, on a port the OS
 * picks. Three modes:
 * - default: build the real content plus a fixture exam (proving a second exam needs only
 *   content) and index it with Pagefind;
 * - E2E_DIST=dir: serve an existing build as it is (the deploy workflow tests its artifact);
 *   tests that need the fixture exam skip themselves;
 * - E2E_BASE_URL=url: test an already deployed site (the workflow's smoke run).
 * E2E_BASE_PATH sets the base path (default /study-guide/); E2E_WORK_DIR keeps parallel runs apart.
 */
export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env['E2E_BASE_URL']) return undefined;

  const basePath = normalizeBasePath(process.env['E2E_BASE_PATH'] ?? '/study-guide/');
  if (basePath === '/') throw new Error('E2E_BASE_PATH must be a non-root path such as /study-guide/');
  const workDir = process.env['E2E_WORK_DIR'] ?? '.e2e';
  let outDir = process.env['E2E_DIST'];

  if (!outDir) {
    outDir = `${workDir}/dist`;
    const contentDir = `${workDir}/content/exams`;
    rmSync(`${workDir}/content`, { recursive: true, force: true });
    cpSync('content/exams', contentDir, { recursive: true });
    cpSync('e2e/fixtures/exams', contentDir, { recursive: true });
    // An exam written with the LaTeX `exam` class, imported as course staff would: its pages then
    // face the same checks as the hand-made ones (crawl, 360 px, anchors, KaTeX, HTML validity).
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
    process.env['E2E_FIXTURE_EXAM'] = '1';
  }
  const server = await startServer({ root: outDir, base: basePath });
  process.env['E2E_BASE_URL'] = server.url;
  return () => server.close();
}
