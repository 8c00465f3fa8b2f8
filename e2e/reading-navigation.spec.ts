import { expect, expectNoHorizontalOverflow, test } from './fixtures';

const problem3 = 'cs230-fall-2021-midterm/weight-initialization/';

for (const width of [360, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.beforeEach(async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
    });

    test('the top of a problem page has previous, next and a switcher listing every problem with its points', async ({
      page,
    }) => {
      await page.goto(problem3);
      const nav = page.getByRole('navigation', { name: 'Problems', exact: true });
      await expect(nav, 'one problem navigation at the top').toHaveCount(1);
      const navTop = (await nav.boundingBox())!.y;
      const h1Top = (await page.getByRole('heading', { level: 1 }).boundingBox())!.y;
      expect(navTop, 'it sits above the problem heading').toBeLessThan(h1Top);
      await expect(nav.getByRole('link', { name: /Previous: Problem 2/ }), 'previous').toHaveAttribute('rel', 'prev');
      await expect(nav.getByRole('link', { name: /Next: Problem 4/ }), 'next').toHaveAttribute('rel', 'next');
      const items = nav.getByRole('listitem', { includeHidden: true });
      await expect(items, 'the switcher lists every problem').toHaveCount(6);
      await expect(items.first(), 'closed at first').toBeHidden();
      await nav.getByText(/3 of 6/).click();
      await expect(items.nth(4), 'Problem 5 with its points').toContainText('CNNs');
      await expect(items.nth(4)).toContainText('21 pt');
      await expect(items.nth(2).getByRole('link'), 'the current problem is marked').toHaveAttribute(
        'aria-current',
        'page',
      );
      await expectNoHorizontalOverflow(page);
      await page.keyboard.press('Escape');
      await expect(items.first(), 'Escape closes the switcher').toBeHidden();
      await nav.getByText(/3 of 6/).click();
      await items.nth(4).getByRole('link').click();
      await expect(page.getByRole('heading', { level: 1 }), 'a switcher entry opens its problem').toHaveText(
        'Problem 5: CNNs',
      );
    });

    test('the header is one row', async ({ page }) => {
      await page.goto(problem3);
      const header = page.getByRole('banner');
      const height = (await header.boundingBox())!.height;
      expect(height, `the header is one row high (${height} px)`).toBeLessThanOrEqual(60);
      for (const control of [
        page.getByRole('link', { name: /Study Guide/ }),
        page.getByRole('searchbox', { name: 'Search the guide' }),
        page.getByRole('combobox', { name: 'Theme' }),
      ]) {
        await expect(control, 'each header control is shown').toBeVisible();
      }
      await expectNoHorizontalOverflow(page);
    });

    test('part headings show their titles and points, and solution labels keep their case', async ({ page }) => {
      await page.goto('cs230-fall-2021-midterm/short-answers/');
      await expect(page.locator('[id="2c"]'), 'the title, not only "(c) (4 points)"').toHaveText(
        /\(c\)\s*Gradient of h\(x\)\s*· 4 points/,
      );
      await page.goto('cs230-fall-2021-midterm/backpropagation/');
      const summary = page.locator('details', { has: page.locator('[id="4ii-solution"]') }).locator('summary');
      await expect(summary, 'the 4(ii) solution').toHaveCount(1);
      await expect(summary, 'a closed solution offers to reveal').toHaveText(/^\s*Reveal solution\s*to 4\(ii\)\s*$/, {
        useInnerText: true,
      });
      await summary.click();
      await expect(summary, 'an open one offers to hide').toHaveText(/^\s*Hide solution\s*to 4\(ii\)\s*$/, {
        useInnerText: true,
      });
      const heading = page.locator('[id="4ii-solution"]');
      await expect(heading, 'roman numerals are not upper-cased').toHaveCSS('text-transform', 'none');
      await expect(heading).toHaveText('Solution to 4(ii)');
    });

    test('topic chips open the search page filtered by their topic', async ({ page }) => {
      await page.goto(problem3);
      await page.getByRole('list', { name: 'Topics' }).getByRole('link', { name: 'Xavier initialization' }).click();
      await expect(page).toHaveURL(/search\/\?topic=Xavier\+initialization/);
      await expect(page.getByLabel('Topic'), 'the topic filter is set').toHaveValue('Xavier initialization');
      const results = page.locator('main [data-search-results] > li');
      await expect(results, 'the pages of that topic are listed without a query').toHaveCount(1);
      await expect(results.first().getByRole('link').first()).toHaveText('Problem 3: Weight Initialization');
    });

    test('the exam page lists its problems without sideways scrolling', async ({ page }) => {
      await page.goto('cs230-fall-2021-midterm/');
      const table = page.getByRole('table', { name: 'Problems of the exam' });
      const box = (await table.boundingBox())!;
      expect(box.x + box.width, 'the table fits the screen').toBeLessThanOrEqual(width);
      await expect(table.getByRole('columnheader', { name: 'Points' }), '"Points" is visible').toBeInViewport({
        ratio: 1,
      });
      const heights = await table
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().height));
      expect(heights, 'six rows').toHaveLength(6);
      expect(Math.max(...heights), 'rows stay compact').toBeLessThanOrEqual(width === 360 ? 120 : 70);
      await expectNoHorizontalOverflow(page);
    });
  });
}

test('on a wide screen the contents list stays in view beside the text', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('cs230-fall-2021-midterm/multiple-choice/');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  const h1 = page.getByRole('heading', { level: 1 });
  const tocBox = (await toc.boundingBox())!;
  const h1Box = (await h1.boundingBox())!;
  expect(tocBox.x + tocBox.width, 'the contents list is beside the text, on its left').toBeLessThan(h1Box.x);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
  await expect(toc, 'still in view halfway down the page').toBeInViewport();
  await toc.getByRole('link').last().click();
  await expect(toc, 'and after following one of its links').toBeInViewport();
});

test.describe('the theme control', () => {
  test('has three states, says which is on, follows a dark system and is remembered; both themes pass a contrast look', async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(problem3);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const theme = page.getByRole('combobox', { name: 'Theme' });
    await expect(theme, 'it says it follows the system').toHaveValue('system');
    await expect(theme.locator('option'), 'three states').toHaveText(['System', 'Light', 'Dark']);
    const dark = await background();
    await theme.selectOption('dark');
    expect(await background(), 'choosing Dark from a dark system keeps the page dark').toBe(dark);
    await theme.selectOption('light');
    const light = await background();
    expect(light, 'Light switches the page').not.toBe(dark);
    await page.reload();
    await expect(theme, 'the choice survives a reload').toHaveValue('light');
    expect(await background(), 'and is applied').toBe(light);
    await page.goto('cs230-fall-2021-midterm/');
    await expect(theme, 'and carries to the next page').toHaveValue('light');
    await theme.selectOption('system');
    expect(await background(), 'System follows the dark system again').toBe(dark);
  });

  test.describe('watched from the first paint (an init script)', () => {
    test.use({ isolatedPage: true });
    test('a stored choice is applied before the page is first painted', async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(problem3);
      await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
      const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      // Read the background as soon as <body> exists, before any deferred script has run.
      await page.addInitScript(() => {
        document.addEventListener(
          'readystatechange',
          () => {
            if (document.readyState === 'interactive') {
              (window as unknown as { firstBackground: string }).firstBackground = getComputedStyle(
                document.body,
              ).backgroundColor;
            }
          },
          { once: true },
        );
      });
      await page.reload();
      const first = await page.evaluate(() => (window as unknown as { firstBackground?: string }).firstBackground);
      expect(first, 'the first background is already the chosen dark one').toBe(dark);
    });
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('controls that need JavaScript are not shown, and the rest works', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(problem3);
    for (const [name, control] of [
      ['Show all solutions', page.getByRole('button', { name: 'Show all solutions', includeHidden: true })],
      ['the theme control', page.getByRole('combobox', { name: 'Theme', includeHidden: true })],
      ['the search box', page.getByRole('searchbox', { name: 'Search the guide', includeHidden: true })],
    ] as const) {
      await expect(control, `${name} is in the page`).toHaveCount(1);
      await expect(control, `but hidden, since it needs JavaScript`).toBeHidden();
    }
    const summary = page.locator('details', { has: page.locator('[id="3a-solution"]') }).locator('summary');
    await expect(summary).toHaveText(/^\s*Reveal solution\s*to 3\(a\)\s*$/, { useInnerText: true });
    await summary.click();
    await expect(summary, 'the label swaps without JavaScript').toHaveText(/^\s*Hide solution\s*to 3\(a\)\s*$/, {
      useInnerText: true,
    });
    const nav = page.getByRole('navigation', { name: 'Problems', exact: true });
    await nav.getByText(/3 of 6/).click();
    await expect(nav.getByRole('link', { name: /CNNs/ }), 'the switcher opens without JavaScript').toBeVisible();
  });
});
