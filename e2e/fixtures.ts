import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every test fails on a console error, an uncaught exception or a failed request: a page that
 * "works" while logging errors is broken for some reader.
 */
export const test = base.extend<{ pageProblems: string[] }>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        // Chromium logs the 404 status of a page a test opened on purpose; that is not a defect.
        if (message.text().startsWith('Failed to load resource') && expectedMissing.has(message.location().url)) return;
        problems.push(`console error: ${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('requestfailed', (request) => {
        // Leaving a page cancels what it was still loading (e.g. the favicon): not a failure.
        if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
        problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400 && !expectedMissing.has(response.url())) {
          problems.push(`HTTP ${response.status()}: ${response.url()}`);
        }
      });
      await use(problems);
      expect(problems, 'the page logged errors or had failed requests').toEqual([]);
    },
    { auto: true },
  ],
});

/** URLs a test requests on purpose knowing they do not exist (the 404 page test). */
export const expectedMissing = new Set<string>();

export { expect };

/** Waits until every island on the page has hydrated (Astro removes `ssr` when it has). */
export async function waitForIslands(page: Page): Promise<void> {
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

/** The content pages of the site, as paths relative to the base. */
export const problemPaths = [
  'cs230-fall-2021-midterm/multiple-choice/',
  'cs230-fall-2021-midterm/short-answers/',
  'cs230-fall-2021-midterm/weight-initialization/',
  'cs230-fall-2021-midterm/backpropagation/',
  'cs230-fall-2021-midterm/cnns/',
  'cs230-fall-2021-midterm/normalization-techniques/',
];

/** Whether the site under test includes the fixture exam (only builds made by the suite do). */
export const hasFixtureExam = process.env['E2E_FIXTURE_EXAM'] === '1';
