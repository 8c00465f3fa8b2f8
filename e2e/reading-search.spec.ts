import { expect, test } from './fixtures';

test.describe('search as a study tool', () => {
  test('every matching part of a page is listed, grouped under its problem', async ({ page }) => {
    await page.goto('search/?q=batch+norm');
    const problem6 = page.locator('main [data-search-results] > li', {
      hasText: 'Problem 6: Normalization Techniques',
    });
    await expect(problem6, 'Problem 6 is found once').toHaveCount(1);
    const parts = problem6.locator('li');
    for (const label of ['(i)', '(ii)', '(iii)', '(v)']) {
      await expect(
        parts.filter({ has: page.getByRole('link', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')} `) }) }),
        `part 6${label} is listed`,
      ).not.toHaveCount(0);
    }
  });

  test('a hidden match says plainly why it is hidden', async ({ page }) => {
    await page.goto('search/?q=instability');
    await expect(page.getByText('Matches a solution (hidden; tick Include solutions to see it)').first()).toBeVisible();
  });

  test('a jump to a solution shows the part’s question above the opened solution', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('search/?q=instability&solutions=1');
    await page.getByRole('link', { name: 'Solution to 6(ii)' }).click();
    await expect(page).toHaveURL(/#6ii-solution$/);
    const heading = page.locator('[id="6ii"]');
    const solution = page.locator('details', { has: page.locator('[id="6ii-solution"]') });
    await expect(solution, 'the solution is open').toHaveAttribute('open', '');
    await expect(heading, 'the part’s heading is in view').toBeInViewport();
    await expect(page.locator('[id="6ii-solution"]'), 'and so is the solution').toBeInViewport();
  });

  test('"Include solutions" ticked in the header carries over to the search page on Enter', async ({ page }) => {
    await page.goto('');
    const box = page.getByRole('searchbox', { name: 'Search the guide' });
    await box.fill('instability');
    await page.locator('[data-search-box]').getByLabel('Include solutions').check();
    await box.press('Enter');
    await expect(page).toHaveURL(/search\/\?q=instability&solutions=1/);
    await expect(
      page.getByRole('main').getByLabel('Include solutions'),
      'still ticked on the search page',
    ).toBeChecked();
    await expect(
      page.getByRole('main').locator('mark', { hasText: 'instability' }).first(),
      'and the solution text is shown',
    ).toBeVisible();
  });

  test('arrow keys move through the results and Enter opens one', async ({ page }) => {
    await page.goto('');
    const box = page.getByRole('searchbox', { name: 'Search the guide' });
    await box.fill('batch norm');
    const links = page.locator('[data-search-box] [data-search-results] a');
    await expect(links.first(), 'results appear').toBeVisible();
    await box.press('ArrowDown');
    await expect(links.first(), 'ArrowDown from the box goes to the first result').toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(links.nth(1), 'ArrowDown moves to the next').toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(box, 'ArrowUp from the first result returns to the box').toBeFocused();
    await box.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 }), 'Enter opens the focused result').toHaveText(/Problem 6/);
  });

  for (const width of [360, 1280]) {
    test(`at ${width} px the results come before folded filters on a phone, open ones on a laptop`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto('search/?q=gradient');
      const first = page.locator('main [data-search-results] > li').first();
      await expect(first, 'results').toBeVisible();
      const filters = page.locator('main details', { hasText: 'Filters' });
      await expect(filters, 'the filters fold into one box').toHaveCount(1);
      if (width === 360) {
        await expect(filters, 'folded on a phone').not.toHaveAttribute('open');
        await expect(first, 'the first result is on the first screen').toBeInViewport();
        await filters.locator('summary').click();
        await expect(page.getByLabel('Topic'), 'and unfold on demand').toBeVisible();
      } else {
        await expect(filters, 'open on a wide screen').toHaveAttribute('open', '');
        await expect(page.getByLabel('Topic')).toBeVisible();
      }
    });
  }
});
