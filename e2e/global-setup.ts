import { startServer } from '../scripts/serve.mjs';
import { buildE2eSite, e2eBasePath } from './build-site';

/**
 * Serves the production build under a non-root base path, as GitHub Pages does, on a port the OS
 * picks. Three modes:
 * - default: build the real content plus the fixture exams (e2e/build-site.ts) and serve it;
 * - E2E_DIST=dir: serve an existing build as it is (the deploy workflow tests its artifact; `npm
 *   test` builds beforehand and sets E2E_FIXTURE_EXAM=1); without E2E_FIXTURE_EXAM, tests that
 *   need the fixture exam skip themselves;
 * - E2E_BASE_URL=url: test an already deployed site (the workflow's smoke run).
 * E2E_BASE_PATH sets the base path (default /study-guide/); E2E_WORK_DIR keeps parallel runs apart.
 */
export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env['E2E_BASE_URL']) return undefined;

  const basePath = e2eBasePath();
  let outDir = process.env['E2E_DIST'];
  if (!outDir) {
    outDir = buildE2eSite(process.env['E2E_WORK_DIR'] ?? '.e2e', basePath);
    process.env['E2E_FIXTURE_EXAM'] = '1';
  }
  const server = await startServer({ root: outDir, base: basePath });
  process.env['E2E_BASE_URL'] = server.url;
  return () => server.close();
}
