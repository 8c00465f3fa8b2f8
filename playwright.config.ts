import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPathFrom } from './src/integration/chromium';

/**
 * The suite runs against the production build served under a non-root base path (see
 * e2e/global-setup.ts), or, with E2E_BASE_URL set, against an already deployed site (the
 * workflow's smoke run). Pages are visited with relative paths such as 'search/', which only
 * resolve under the base when baseURL ends with a slash.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: `${process.env['E2E_WORK_DIR'] ?? '.e2e'}/test-results`,
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  // One worker per core: more only makes Chromium processes compete (CI and developers have two).
  workers: availableParallelism(),
  reporter: [['list']],
  // Generous: a page full of KaTeX takes seconds to load and to check with axe on two busy cores.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: process.env['E2E_BASE_URL'],
    browserName: 'chromium',
    // Recording a trace of every test (to keep those that fail) cost a quarter of the suite's CPU
    // time on two cores. A failing test names what it expected; for the full story run it again with
    // `npx playwright test <file> --trace on` and open the trace with `npx playwright show-trace`.
    trace: 'off',
    launchOptions: {
      // The same Chromium and flags as the build's PDF printing: the headless shell when installed.
      executablePath: chromiumPathFrom(process.env),
      args: chromiumArgs,
    },
  },
});
