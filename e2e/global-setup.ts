import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { startServer } from '../scripts/serve.mjs';

/** Where the suite serves the site: a non-root base, as on GitHub Pages. */
export const e2eBasePath = '/study-guide/';

/**
 * Builds the site once (real content plus a fixture exam that proves a second exam needs only
 * content), indexes it with Pagefind, and serves it on a port the OS picks.
 */
export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env['E2E_BASE_URL']) return undefined; // already deployed: test it where it is

  // E2E_WORK_DIR lets two suites run side by side without sharing build output.
  const workDir = process.env['E2E_WORK_DIR'] ?? '.e2e';
  const contentDir = `${workDir}/content/exams`;
  rmSync(`${workDir}/content`, { recursive: true, force: true });
  cpSync('content/exams', contentDir, { recursive: true });
  cpSync('e2e/fixtures/exams', contentDir, { recursive: true });

  const outDir = `${workDir}/dist`;
  if (!process.env['E2E_SKIP_BUILD']) {
    execFileSync('npm', ['run', 'build'], {
      stdio: 'inherit',
      env: {
        ...process.env,
        EXAMS_DIR: `./${contentDir}`,
        OUT_DIR: outDir,
        BASE_PATH: e2eBasePath,
        SITE_URL: 'http://127.0.0.1',
        // A separate cache, so this build's content never mixes with the published build's.
        ASTRO_CACHE_DIR: `${workDir}/astro-cache`,
      },
    });
  }
  const server = await startServer({ root: outDir, base: e2eBasePath });
  process.env['E2E_BASE_URL'] = server.url;
  process.env['E2E_LOCAL'] = '1';
  return () => server.close();
}
