import { expectNoSeriousA11yViolations } from './a11y';
import { expect, hasFixtureExam, test } from './fixtures';

test.describe('search', () => {
  test.describe('on a first visit, with an empty cache', () => {
    test.use({ isolatedPage: true });
    test('loads nothing of Pagefind until the reader touches the search box', async ({ page }) => {
      const pagefindRequests: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/pagefind/')) pagefindRequests.push(request.url());
      });
      await page.goto('cs230-fall-2021-midterm/backpropagation/');
      await page.waitForLoadState('networkidle');
      expect(pagefindRequests, 'no search bytes on a plain page view').toEqual([]);
      await page.keyboard.press('/');
      await expect(page.getByRole('searchbox', { name: 'Search the guide' })).toBeFocused();
      await expect
        .poll(() => pagefindRequests.length, { message: 'focusing the box loads Pagefind' })
        .toBeGreaterThan(0);
    });
  });

  test('each problem is found by a word of its own, and results link under the base path to the matching part @smoke', async ({
    page,
    baseURL,
  }) => {
    await page.goto('');
    const box = page.getByRole('searchbox', { name: 'Search the guide' });
    const first = page.locator('[data-search-box] [data-search-results] > li').first();
    const queries = [
      { query: 'Xavier', problem: 'Problem 3: Weight Initialization', anchor: /weight-initialization\/(#3|$)/ },
      { query: 'softplus', problem: 'Problem 4: Backpropagation', anchor: /backpropagation\/(#4|$)/ },
      { query: 'max-pooling', problem: 'Problem 5: CNNs', anchor: /cnns\// },
      { query: 'hyperparameters', problem: 'Problem 1: Multiple Choice', anchor: /multiple-choice\/#1d/ },
      {
        query: 'layer normalization',
        problem: 'Problem 6: Normalization Techniques',
        anchor: /normalization-techniques\//,
      },
    ];
    for (const { query, problem, anchor } of queries) {
      await box.fill(query);
      await expect(first.getByRole('link').first(), `"${query}" finds ${problem} first`).toHaveText(problem);
      const href = await first.getByRole('link').nth(1).getAttribute('href');
      expect(href, `"${query}": result links stay under the base path`).toMatch(
        new RegExp(`^${new URL(baseURL!).pathname}`),
      );
      expect(href, `"${query}": the result links to the matching part`).toMatch(anchor);
    }
    // Following a result opens its page (the crawl proves every page under the base path loads).
    const last = queries.at(-1)!;
    await first.getByRole('link').nth(1).click();
    await expect(
      page.getByRole('heading', { level: 1 }),
      `"${last.query}": the result opens ${last.problem}`,
    ).toHaveText(last.problem);
  });

  test('a match inside a solution says so and hides the excerpt unless solutions are included', async ({ page }) => {
    await page.goto('');
    // "instability" occurs only in the official solution of 6(ii).
    await page.getByRole('searchbox', { name: 'Search the guide' }).fill('instability');
    const panel = page.locator('[data-search-box]');
    await expect(panel.getByText('Matches a solution (hidden; tick Include solutions to see it)')).toBeVisible();
    const results = panel.locator('[data-search-results]');
    await expect(results, 'the solution text is not shown').not.toContainText('instability');
    await expect(panel.getByRole('link', { name: 'Solution to 6(ii)' })).toHaveAttribute('href', /#6ii$/);
    await panel.getByLabel('Include solutions').check();
    await expect(panel.locator('mark', { hasText: 'instability' }).first()).toBeVisible();
    const link = panel.getByRole('link', { name: /Solution to/ });
    await expect(link).toHaveAttribute('href', /-solution$/);
    await link.click();
    await expect(page.locator('details[data-solution][open]'), 'the linked solution opens').toHaveCount(1);
  });

  test('indexes content only, and each formula once in readable form, never as TeX or twice', async ({ page }) => {
    await page.goto('search/?q=hide+all&solutions=1');
    await expect(page.getByText('No results for “hide all”.'), 'button labels are not indexed').toBeVisible();
    await page.goto('search/?q=softplus&solutions=1');
    const excerpts = page.locator('main [data-search-results] li li');
    await expect(excerpts.first()).toBeVisible();
    const text = (await excerpts.allTextContents()).join(' ');
    expect(text, 'no TeX source in excerpts').not.toContain('\\');
    expect(text, 'the MathML text appears once, not followed by a glyph-soup copy').not.toMatch(
      /Softplus\(x\)\s*Softplus\(x\)/,
    );
    await page.goto('search/?q=1%2F2&solutions=1');
    await expect(
      page.locator('main [data-search-results]').getByText('σ(x) = 1/2 tanh(x/2) + 1/2'),
      'formulas read as a student would type them (MathML alone would say "12tanh(x2)+12")',
    ).toBeVisible();
  });

  test('the search page filters by exam, problem and topic, keeps the address shareable, and passes axe', async ({
    page,
  }) => {
    await page.goto('search/?q=gradient');
    const results = page.locator('main [data-search-results] > li');
    await expect(results.first(), 'results for the query in the address').toBeVisible();
    await expectNoSeriousA11yViolations(page);
    const unfiltered = await results.count();
    await page.getByLabel('Topic').selectOption('Weight initialization');
    await expect(results).toHaveCount(1);
    await expect(results.first().getByRole('link').first()).toHaveText('Problem 3: Weight Initialization');
    expect(unfiltered, 'the topic filter narrows the results').toBeGreaterThan(1);
    await expect(page).toHaveURL(/topic=Weight\+initialization/);
    await page.getByLabel('Topic').selectOption('');
    await page.getByLabel('Problem').selectOption({ label: 'CS230 Fall 2021 · Problem 2: Short Answers' });
    await expect(results).toHaveCount(1);
    await expect(results.first().getByRole('link').first()).toHaveText('Problem 2: Short Answers');
  });

  test('the fixture exam is searchable and filterable like any other @fixture', async ({ page }) => {
    test.skip(!hasFixtureExam, 'only builds made by the suite include the fixture exam');
    await page.goto('search/');
    const results = page.locator('main [data-search-results] > li');
    await page.getByLabel('Exam').selectOption({ label: 'TEST101 Spring 2024 Fixture Quiz' });
    await page.getByLabel('Search for').fill('zebrafinch');
    await expect(results).toHaveCount(1);
    await expect(results.first()).toContainText('TEST101');
    await page.getByLabel('Problem').selectOption({ label: 'CS230 Fall 2021 · Problem 5: CNNs' });
    await expect(page.getByText(/No results/)).toBeVisible();
    await page.getByLabel('Problem').selectOption('');
    await page.getByLabel('Search for').fill('quokkaflux');
    await expect(results.first()).toContainText('Matches a solution (hidden');
  });
});
