import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Locator, type Page } from '@playwright/test';
import type { AxeResults, ElementContext } from 'axe-core';

const SCOPE = 'data-axe-scope';

/**
 * axe-core's minified build, read once per worker. @axe-core/playwright sent the unminified build
 * (1.5 MB) twice per check, to be parsed again each time: about 60 MB through the browser's pipe
 * in one run of the suite. This sends 0.65 MB once per page, only when the page has no axe yet.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

declare global {
  interface Window {
    axe?: { run: (context: ElementContext, options: object) => Promise<AxeResults> };
  }
}

/**
 * axe-core: no serious or critical violations, listed by rule and target. Without `within` it
 * checks the whole page (once per page type: home, exam, problem, search, 404); with `within` only
 * those elements (an island, a lab), so a test of one island does not pay for the whole
 * KaTeX-heavy page. The elements are found by the test's own locators and marked with a data
 * attribute for axe's `include`, so no CSS class of the site is involved.
 */
export async function expectNoSeriousA11yViolations(page: Page, within: Locator[] = []): Promise<void> {
  for (const [index, area] of within.entries()) {
    await expect(area, 'the area to check with axe is on the page').toHaveCount(1);
    await area.evaluate((element, [name, value]) => element.setAttribute(name, value), [SCOPE, String(index)] as const);
  }
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async ({ scope, areas }) => {
      const context = areas === 0 ? document : { include: [...Array(areas).keys()].map((i) => `[${scope}="${i}"]`) };
      // Only violations are wanted: axe then skips describing every element that passes.
      const results = await window.axe!.run(context, { resultTypes: ['violations'] });
      for (const element of document.querySelectorAll(`[${scope}]`)) element.removeAttribute(scope);
      return results.violations;
    },
    { scope: SCOPE, areas: within.length },
  );
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
    );
  const where =
    within.length > 0
      ? `in ${within.length === 1 ? 'the checked area' : 'the checked areas'} of ${page.url()}`
      : `on ${page.url()}`;
  expect(serious, `accessibility violations ${where}`).toEqual([]);
}
