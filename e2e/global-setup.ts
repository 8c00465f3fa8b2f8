import { existsSync } from 'node:fs';
import { startServer } from '../scripts/serve.mjs';
import { buildE2eSite, e2eSite } from '../scripts/e2e-build.ts';

/**
 * Serves the production build under a non-root base path, as GitHub Pages does, on a port the OS
 * picks. Three modes:
 * - default: build the real content plus a fixture exam (proving a second exam needs only
 *   content) and an imported one (scripts/e2e-build.ts), or, with E2E_PREBUILT=1, serve the one
 *   `npm run build:e2e` made (as `npm test` does);
 * - E2E_DIST=dir: serve an existing build as it is (the deploy workflow tests its artifact);
 *   tests that need the fixture exam skip themselves;
 * - E2E_BASE_URL=url: test an already deployed site (the workflow's smoke run).
 * E2E_BASE_PATH sets the base path (default /study-guide/); E2E_WORK_DIR keeps parallel runs apart.
 */
export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env['E2E_BASE_URL']) return undefined;

  const site = e2eSite();
  let outDir = process.env['E2E_DIST'];
  if (!outDir) {
    outDir = site.outDir;
    if (process.env['E2E_PREBUILT'] !== '1') buildE2eSite();
    else if (!existsSync(outDir))
      throw new Error(`E2E_PREBUILT=1 but ${outDir} holds no build: run \`npm run build:e2e\` first`);
    process.env['E2E_FIXTURE_EXAM'] = '1';
  }
  const server = await startServer({ root: outDir, base: site.basePath });
  process.env['E2E_BASE_URL'] = server.url;
  return () => server.close();
}
