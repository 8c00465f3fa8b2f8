import { expectNoSeriousA11yViolations } from './a11y';
import {
  expect,
  expectedMissing,
  expectNoHorizontalOverflow,
  hasFixtureExam,
  importedExam,
  problemPaths,
  test,
} from './fixtures';

/** What the crawl learns about one page, so cross-page anchors are checked without visiting again. */
interface CrawledPage {
  ids: Set<string>;
  links: string[];
}

test.describe('the whole site', () => {
  test.describe('on a first visit, with an empty cache', () => {
    test.use({ isolatedPage: true });
    test('every page is reachable, loads cleanly with typeset math and woff2 fonts only, fits 360 px, and every internal link and anchor resolves @smoke', async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      const base = baseURL!;
      const scripts: string[] = [];
      const fonts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(request.url());
        if (request.resourceType() === 'font') fonts.push(request.url());
      });
      await page.setViewportSize({ width: 360, height: 740 });

      const crawled = new Map<string, CrawledPage>();
      const downloads = new Set<string>();
      const preloadedFonts = new Set<string>();
      const queue = [''];
      const seen = new Set(queue);
      while (queue.length > 0) {
        const path = queue.shift()!;
        // A file such as an exam's PDF is a download, not a page: it must exist, not be browsed.
        if (/\.(?!html$)[a-z0-9]+$/i.test(path)) {
          const download = await page.request.get(path);
          expect(download.status(), `status of the file "${path}"`).toBe(200);
          expect((await download.body()).length, `the file "${path}" is not empty`).toBeGreaterThan(0);
          downloads.add(path);
          continue;
        }
        const response = await page.goto(path);
        expect(response?.status(), `status of "${path}"`).toBe(200);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));

        const { ids, links, brokenAnchors, mathCount, katexErrors, mathmlWidth } = await page.evaluate(() => {
          const hrefs = [...document.querySelectorAll('a[href]')].map((link) => (link as HTMLAnchorElement).href);
          const mathml = document.querySelector('.katex-mathml');
          return {
            ids: [...document.querySelectorAll('[id]')].map((element) => element.id),
            links: hrefs,
            brokenAnchors: hrefs
              .filter((href) => href.startsWith(location.origin) && new URL(href).pathname === location.pathname)
              .map((href) => decodeURIComponent(new URL(href).hash.slice(1)))
              .filter((id) => id !== '' && !document.getElementById(id)),
            mathCount: document.querySelectorAll('.katex').length,
            katexErrors: document.querySelectorAll('.katex-error').length,
            mathmlWidth: mathml ? mathml.getBoundingClientRect().width : 0,
          };
        });
        expect(brokenAnchors, `in-page anchors without a target on "${path}"`).toEqual([]);
        expect(katexErrors, `KaTeX error markup on "${path}"`).toBe(0);
        // Each formula is drawn once: the MathML half is visually hidden by KaTeX's stylesheet.
        expect(mathmlWidth, `the MathML copy of a formula is visible on "${path}"`).toBeLessThanOrEqual(1);
        if (problemPaths.includes(path)) {
          expect(mathCount, `math typeset with KaTeX on "${path}"`).toBeGreaterThan(0);
          await expect(page.locator('.katex').first(), `math visible on "${path}"`).toBeVisible();
        }

        // A phone: no sideways scroll even with every solution and lab open.
        await page.evaluate(() => {
          for (const details of document.querySelectorAll('details')) details.open = true;
        });
        await expectNoHorizontalOverflow(page);

        // Every KaTeX font a formula asks for is declared and loads: a missing face draws the symbol
        // (a display ∑, a big bracket) in a system font, which no other check would notice.
        const fontTrouble = await page.evaluate(async () => {
          const declared = new Set([...document.fonts].map((face) => face.family.replaceAll('"', '')));
          const undeclared = new Set<string>();
          for (const element of document.querySelectorAll('.katex-html *')) {
            const family = (getComputedStyle(element).fontFamily.split(',')[0] ?? '').trim().replaceAll('"', '');
            if (family.startsWith('KaTeX_') && !declared.has(family)) undeclared.add(family);
          }
          await document.fonts.ready;
          const failed = [...document.fonts].filter((face) => face.status === 'error').map((face) => face.family);
          return { undeclared: [...undeclared], failed };
        });
        expect(fontTrouble.undeclared, `KaTeX fonts used by formulas but never declared, on "${path}"`).toEqual([]);
        expect(fontTrouble.failed, `KaTeX fonts that failed to load on "${path}"`).toEqual([]);
        const preloads = await page
          .locator('link[rel="preload"][as="font"]')
          .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
        if (mathCount > 0) expect(preloads.length, `KaTeX fonts preloaded on "${path}"`).toBeGreaterThan(0);
        for (const href of preloads.filter((url) => !preloadedFonts.has(url))) {
          preloadedFonts.add(href);
          expect((await page.request.get(href)).status(), `the preloaded font ${href}`).toBe(200);
        }

        crawled.set(path, { ids: new Set(ids), links });
        for (const href of links) {
          const url = new URL(href);
          url.hash = '';
          url.search = '';
          if (!url.href.startsWith(base)) continue;
          const relative = url.href.slice(base.length);
          if (!seen.has(relative)) {
            seen.add(relative);
            queue.push(relative);
          }
        }
      }

      for (const path of ['', 'search/', ...problemPaths, 'cs230-fall-2021-midterm/']) {
        expect([...crawled.keys()], `the crawl from the home page reaches "${path}"`).toContain(path);
      }
      if (hasFixtureExam) {
        expect([...crawled.keys()], 'the crawl reaches the exam imported from LaTeX').toContain(`${importedExam.id}/`);
      }
      // Anchors that point at other pages must exist there too.
      for (const [path, { links }] of crawled) {
        for (const href of links) {
          const url = new URL(href);
          if (!url.href.startsWith(base) || url.hash === '') continue;
          const target = `${url.origin}${url.pathname}`.slice(base.length);
          if (target === path || downloads.has(target)) continue;
          const id = decodeURIComponent(url.hash.slice(1));
          expect(crawled.get(target)?.ids.has(id), `target of ${href} (linked from "${path}")`).toBe(true);
        }
      }
      expect(
        scripts.filter((url) => url.includes('katex')),
        'KaTeX JavaScript shipped',
      ).toEqual([]);
      expect(fonts.length, 'KaTeX fonts load for the math').toBeGreaterThan(0);
      expect(
        fonts.filter((url) => !new URL(url).pathname.endsWith('.woff2')),
        'non-woff2 fonts',
      ).toEqual([]);
    });
  });

  test('the home page lists exams newest first with their facts, and passes axe', async ({ page }) => {
    await page.goto('');
    const exams = page.getByRole('main').getByRole('listitem');
    const cs230 = exams.filter({ hasText: 'CS230' });
    await expect(cs230, 'the CS230 exam is listed once').toHaveCount(1);
    await expect(cs230).toContainText('102 points');
    await expect(cs230).toContainText('180 minutes');
    if (hasFixtureExam) {
      await expect(exams.first(), 'newest first: the imported exam (Winter 2025)').toContainText('TEST202');
      await expect(exams.nth(1), 'then the fixture exam (Spring 2024)').toContainText('TEST101');
      await expect(exams.nth(2)).toContainText('CS230');
    }
    await expectNoSeriousA11yViolations(page);
  });

  test('a problem page of the exam imported from LaTeX shows its figure and parts, and passes axe with its solutions open', async ({
    page,
  }) => {
    test.skip(!hasFixtureExam, 'the imported exam is only in the end-to-end build');
    await page.goto(`${importedExam.id}/`);
    await page.getByRole('table', { name: 'Problems of the exam' }).getByRole('link', { name: 'Networks' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Problem 2: Networks');
    const figure = page.getByRole('img', { name: 'A two-layer network with input x ∈ ℝ^4.' });
    await expect(figure, 'the figure the LaTeX included, with its caption as alt text').toBeVisible();
    // Polled: the page was reached by a click, so the image may still be loading when it is visible
    // (its width and height attributes give it a size first); a missing file never gets a width.
    await expect
      .poll(() => figure.evaluate((image) => (image as HTMLImageElement).naturalWidth), {
        message: 'the image file was copied and published',
      })
      .toBeGreaterThan(0);
    await expect(page.locator('[id="2ai"]'), 'nested parts keep their anchors').toContainText('3 points');
    await expect(page.locator('.katex').first(), 'its math is typeset').toBeVisible();
    await page.getByRole('button', { name: 'Show all solutions' }).click();
    await expectNoSeriousA11yViolations(page);
  });

  test('the exam page shows the cover table, instructions and errata, and passes axe', async ({ page }) => {
    await page.goto('cs230-fall-2021-midterm/');
    const table = page.getByRole('table', { name: 'Problems of the exam' });
    const rows = table.locator('tbody tr');
    await expect(rows, 'one row per problem').toHaveCount(6);
    await expect(rows.nth(4)).toContainText('CNNs');
    await expect(rows.nth(4)).toContainText('21');
    await expect(table.locator('tfoot'), 'the total').toContainText('102');
    await expect(page.getByRole('heading', { name: 'Instructions' })).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Errata' }).getByRole('listitem'),
      'the 3(e) typo is listed',
    ).toContainText(['3(e)']);
    await expectNoSeriousA11yViolations(page);
  });

  test('a problem page has breadcrumbs, a table of contents, points per part and previous/next links, and passes axe with its solutions open', async ({
    page,
  }) => {
    await page.goto('cs230-fall-2021-midterm/weight-initialization/');
    await expect(page.getByRole('navigation', { name: 'Breadcrumbs' })).toContainText('CS230 Fall 2021');
    const toc = page.getByRole('navigation', { name: 'On this page' });
    await expect(toc.getByRole('link'), 'one entry per part').toHaveCount(5);
    await page.getByRole('button', { name: 'Show all solutions' }).click();
    await expectNoSeriousA11yViolations(page);
    await toc.getByRole('link', { name: /\(d\)/ }).click();
    await expect(page).toHaveURL(/#3d$/);
    await expect(page.locator('[id="3d"]')).toContainText('4 points');
    const pager = page.getByRole('navigation', { name: 'Previous and next problem' });
    await expect(pager.getByRole('link', { name: /Problem 2: Short Answers/ })).toHaveAttribute('rel', 'prev');
    await pager.getByRole('link', { name: /Problem 4: Backpropagation/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Problem 4: Backpropagation');
  });

  test('an unknown address shows the 404 page inside the base path, and it passes axe', async ({ page, baseURL }) => {
    const url = new URL('no-such-page/', baseURL).href;
    expectedMissing.add(url);
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('link', { name: 'Go to the list of exams' }).click();
    await expect(page).toHaveURL(baseURL!);
  });

  test('the dark theme passes axe', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('cs230-fall-2021-midterm/cnns/');
    await expect(page.getByRole('combobox', { name: 'Theme' }), 'the theme control follows the system').toHaveValue(
      'system',
    );
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe('a second exam needs only content', () => {
  test.skip(!hasFixtureExam, 'only builds made by the suite include the fixture exam');
  test('the fixture exam gets a home entry, an exam page and problem pages @fixture', async ({ page }) => {
    await page.goto('');
    await page.getByRole('link', { name: /TEST101/ }).click();
    const table = page.getByRole('table', { name: 'Problems of the exam' });
    await expect(table.locator('tbody tr'), 'one row per problem').toHaveCount(2);
    await expect(table.locator('tfoot'), 'the total').toContainText('10');
    await page.getByRole('link', { name: 'Start with Problem 1 →' }).click();
    await expect(page.locator('.katex').first(), 'math typeset').toBeVisible();
    const solution = page.locator('details[data-solution]').first();
    await expect(solution, 'a solution').toHaveCount(1);
    await expect(solution, 'closed at first').not.toHaveAttribute('open');
  });
});
