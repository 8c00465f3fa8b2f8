import { test as base, expect, type Locator, type Page } from '@playwright/test';

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
        problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown error'})`);
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

/**
 * Scrolls an island's root (found by role and name) into view, since islands hydrate
 * `client:visible`, and waits until its `astro-island` has hydrated: Astro removes the `ssr`
 * attribute once the component has rendered in the browser. The root and its island must exist,
 * so a renamed or missing island fails here instead of passing every later check vacuously.
 */
export async function hydrated(root: Locator, name: string): Promise<Locator> {
  await expect(root, `${name} is on the page`).toHaveCount(1);
  await root.scrollIntoViewIfNeeded();
  const island = root.page().locator('astro-island', { has: root });
  await expect(island, `${name} is an island`).toHaveCount(1);
  await expect(island, `${name} hydrates`).not.toHaveAttribute('ssr');
  return root;
}

/** A user never sees NaN, Infinity or undefined in place of a number. */
export async function expectNoBrokenNumbers(area: Locator): Promise<void> {
  await expect(area, 'no NaN, Infinity or undefined shown').not.toContainText(/NaN|Infinity|undefined/);
}

/**
 * The text of `area` with each KaTeX formula as the TeX it was typeset from, in dollars
 * ("With $B$ = 1, …"), whitespace collapsed. A formula only reads as `$…$` if KaTeX rendered it
 * (its MathML carries the TeX): plain-text stand-ins such as "μ_B" read as they are.
 */
export async function textWithTex(area: Locator): Promise<string> {
  return area.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const formula of copy.querySelectorAll('.katex')) {
      const tex = formula.querySelector('annotation[encoding="application/x-tex"]')?.textContent ?? '';
      formula.replaceWith(`$${tex.trim()}$`);
    }
    return copy.textContent.replace(/\s+/g, ' ').trim();
  });
}

/** The page does not scroll sideways at the current viewport width. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  const width = page.viewportSize()?.width ?? 0;
  expect(overflow, `the page scrolls sideways by ${overflow} px at ${width} px`).toBeLessThanOrEqual(0);
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

export { importedExam } from './imported-exam';

/** Whether the site under test includes the fixture exam (only builds made by the suite do). */
export const hasFixtureExam = process.env['E2E_FIXTURE_EXAM'] === '1';
