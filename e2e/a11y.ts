import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

const SCOPE = 'data-axe-scope';

/**
 * axe-core: no serious or critical violations, listed by rule and target. Without `within` it
 * checks the whole page (once per page type: home, exam, problem, search, 404); with `within` only
 * those elements (an island, a lab), so a test of one island does not pay for the whole
 * KaTeX-heavy page. The elements are found by the test's own locators and marked with a data
 * attribute for `AxeBuilder.include`, so no CSS class of the site is involved.
 */
export async function expectNoSeriousA11yViolations(page: Page, within: Locator[] = []): Promise<void> {
  // Legacy mode runs axe in the page itself; the default opens a second, blank page to merge
  // results across frames, which costs a page and a second injection of axe for pages without frames.
  const builder = new AxeBuilder({ page }).setLegacyMode(true);
  for (const [index, area] of within.entries()) {
    await expect(area, 'the area to check with axe is on the page').toHaveCount(1);
    await area.evaluate((element, [name, value]) => element.setAttribute(name, value), [SCOPE, String(index)] as const);
    builder.include(`[${SCOPE}="${index}"]`);
  }
  const results = await builder.analyze();
  if (within.length > 0) {
    await page.evaluate((name) => {
      for (const element of document.querySelectorAll(`[${name}]`)) element.removeAttribute(name);
    }, SCOPE);
  }
  const serious = results.violations
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
