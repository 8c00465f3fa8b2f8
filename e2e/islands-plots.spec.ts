import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { expect, expectNoBrokenNumbers, hydrated, test } from './fixtures';

/**
 * The plot explorers' wiring: each hydrates, a control changes its sentence and redraws its plot,
 * no NaN, axe on the island. What they compute (every 1(e) option's verdict, the 2(c) derivative
 * gap, the variance sentences, overflow-free curves) is proven by the unit tests in
 * src/tools/{gradient-descent,activation-explorer,variance-explorer}; the plot's server-rendered
 * SVG by the snapshot tests in src/ui/plot.
 */

const pages = {
  variance: 'cs230-fall-2021-midterm/weight-initialization/',
  descent: 'cs230-fall-2021-midterm/multiple-choice/',
  activation1c: 'cs230-fall-2021-midterm/multiple-choice/',
  activation2c: 'cs230-fall-2021-midterm/short-answers/',
};

const headings = {
  variance: 'Variance through depth: try it',
  descent: 'Gradient descent: try it',
  activation: 'Activation functions and their derivatives: try it',
};

/**
 * The path data of the lines in the region's plots (role="img" SVGs), to notice a redraw. Once
 * hydrated, a plot redraws itself to the width of its box (LinePlot marks the figure
 * `data-fitted`); waiting for that first keeps that redraw from passing for one caused by a control.
 */
async function paths(region: Locator): Promise<string> {
  const figures = region.getByRole('figure');
  await expect(figures.first(), 'the region has a plot').toBeVisible();
  for (const figure of await figures.all()) {
    await expect(figure, 'the plot is fitted to its box').toHaveAttribute('data-fitted', '');
  }
  const lines = region.getByRole('img').locator('path');
  return (await lines.evaluateAll((elements) => elements.map((element) => element.getAttribute('d')))).join('|');
}

/**
 * A sentence shown in the region. Plain getByText would also find the plot's SVG <desc>, which
 * repeats the first sentence for screen readers but is never shown.
 */
function sentence(region: Locator, text: string | RegExp): Locator {
  return region.getByRole('paragraph').filter({ hasText: text });
}

/** Opens the solution that holds `summaryText` (the 1(c) and 2(c) explorers sit inside solutions). */
async function revealSolution(page: Page, summaryText: string): Promise<void> {
  const summary = page.getByText(summaryText, { exact: true });
  await expect(summary, `"${summaryText}" is on the page`).toHaveCount(1);
  await summary.click();
}

test('variance explorer (Problem 3): hydrates, follows its controls, computes heavy runs in slices, flags bad input, passes axe', async ({
  page,
}) => {
  await page.goto(pages.variance);
  // It shows 3(c)–(e)'s answers, so it sits in a fold that says so.
  await page.locator('summary', { hasText: 'Variance through depth lab' }).click();
  const region = await hydrated(page.getByRole('region', { name: headings.variance }), 'the variance explorer');
  const prediction = region.getByRole('listitem').filter({ hasText: 'Figure 1 linear prediction' });
  await expect(
    sentence(region, /Over layers 10–20, activation variance/),
    'the default run (3(e)’s sigmoid) is described',
  ).toBeVisible();
  await expect(prediction, 'sigmoid has Figure 1’s prediction in the legend').toHaveCount(1);
  const before = await paths(region);

  await region.getByRole('combobox', { name: 'Activation', exact: true }).selectOption('relu');
  await region.getByRole('radio', { name: 'He: 2/n', exact: true }).check();
  await expect(sentence(region, /ReLU has a kink there/), 'ReLU says why it has no linear prediction').toBeVisible();
  await expect(prediction, 'and draws none').toHaveCount(0);
  await expect.poll(() => paths(region), { message: 'the plot was redrawn' }).not.toBe(before);

  // A heavier run is computed in slices between frames; it finishes and describes the new depth.
  await region.getByRole('spinbutton', { name: 'Depth L', exact: true }).fill('60');
  await expect(sentence(region, /Over layers 30–60/), 'the deeper run finishes').toBeVisible({ timeout: 20_000 });

  const width = region.getByRole('spinbutton', { name: 'Width n', exact: true });
  await width.fill('1');
  await expect(region.getByRole('alert'), 'the bad field is named with its range').toHaveText(
    /^Width n\b.*\b2\b.*\b256\b/,
  );
  await expect(width, 'and marked invalid').toHaveAttribute('aria-invalid', 'true');

  await region.getByText('Show data').click();
  await expect(region.getByRole('table'), 'the data behind the plot').toContainText('Var(a), simulated');
  await expectNoBrokenNumbers(region);
  await expectNoSeriousA11yViolations(page, [region]);
});

test('gradient descent explorer (1(e)): opens without a verdict on an option, and a preset loads its option', async ({
  page,
}) => {
  await page.goto(pages.descent);
  await page.locator('summary', { hasText: 'Gradient descent lab' }).click();
  const region = await hydrated(page.getByRole('region', { name: headings.descent }), 'the gradient descent explorer');
  await expect(sentence(region, 'multiplies x by 1 − 2·step = 0.8'), 'a neutral start: x² with step 0.1').toBeVisible();
  const before = await paths(region);

  await region.getByRole('button', { name: /^\(i\)/ }).click();
  await expect(
    region.getByRole('spinbutton', { name: 'Step size', exact: true }),
    'the preset fills the fields',
  ).toHaveValue('0.5');
  await expect(sentence(region, /Oscillates\..*bounces between 0\.1 and -0\.4/), 'option (i)’s verdict').toBeVisible();
  await expect.poll(() => paths(region), { message: 'the plots were redrawn' }).not.toBe(before);
  await expectNoBrokenNumbers(region);
  await expectNoSeriousA11yViolations(page, [region]);
});

test('activation explorer (1(c)): opens on ceiling, switches function, no β for functions without one, passes axe', async ({
  page,
}) => {
  await page.goto(pages.activation1c);
  await revealSolution(page, 'Reveal solution to 1(c)');
  const region = await hydrated(
    page.getByRole('region', { name: headings.activation }),
    'the 1(c) activation explorer',
  );
  await expect(
    region.getByRole('figure', { name: 'ceiling(x) and its derivative' }),
    'opens on the function of 1(c)',
  ).toBeVisible();
  await expect(sentence(region, /zero almost everywhere/)).toBeVisible();
  const beta = region.getByRole('spinbutton', { name: 'β', exact: true });
  await expect(beta, 'no β for ceiling').toHaveCount(0);
  const before = await paths(region);

  // Softplus (4(v)'s δ₂) is not offered inside 1(c)'s solution; tanh gives nothing away.
  await region.getByRole('combobox', { name: 'Function', exact: true }).selectOption('tanh');
  await expect(region.getByRole('figure', { name: 'tanh(x) and its derivative' })).toBeVisible();
  await expect.poll(() => paths(region), { message: 'the plot was redrawn' }).not.toBe(before);
  await expect(beta, 'no β for tanh either').toHaveCount(0);
  await expectNoBrokenNumbers(region);
  await expectNoSeriousA11yViolations(page, [region]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every explorer’s plot is server-rendered: an SVG image with title, description and lines, its data table left to JavaScript', async ({
    page,
  }) => {
    const explorers = [
      {
        name: 'variance',
        path: pages.variance,
        heading: headings.variance,
        solution: null,
        figure: 'Variance per layer',
      },
      {
        name: 'gradient descent',
        path: pages.descent,
        heading: headings.descent,
        solution: null,
        figure: 'Iterates on the loss curve',
      },
      {
        name: 'activation 1(c)',
        path: pages.activation1c,
        heading: headings.activation,
        solution: 'Reveal solution to 1(c)',
        figure: 'ceiling(x) and its derivative',
      },
      {
        name: 'activation 2(c)',
        path: pages.activation2c,
        heading: headings.activation,
        solution: 'Reveal solution to 2(c)',
        figure: 'h(x) = x log(1 + tanh(eˣ)) and its derivative',
      },
    ];
    let current = '';
    for (const { name, path, heading, solution, figure } of explorers) {
      if (path !== current) await page.goto(path);
      current = path;
      // Solutions and labs' folds open natively without JavaScript.
      if (solution) await revealSolution(page, solution);
      const lab = page.locator('details.lab', {
        has: page.getByRole('region', { name: heading, includeHidden: true }),
      });
      if ((await lab.count()) > 0) await lab.locator('> summary').click();
      const region = page.getByRole('region', { name: heading });
      await expect(region, `the ${name} explorer is shown`).toHaveCount(1);
      await expect(
        region.getByRole('figure', { name: figure }),
        `the ${name} explorer opens on its own plot`,
      ).toBeVisible();
      const svg = region.getByRole('img').first();
      await expect(svg, `the ${name} plot is an image`).toBeVisible();
      await expect(svg.locator('title'), `the ${name} plot has a title`).not.toBeEmpty();
      await expect(svg.locator('desc'), `the ${name} plot has a description`).not.toBeEmpty();
      expect(await svg.locator('path').first().getAttribute('d'), `the ${name} plot draws a line`).toMatch(/^M[\d.]/);
      // The data table is built by JavaScript when opened (LinePlot.tsx), so its fold is not offered.
      const showData = region.getByText('Show data').first();
      await expect(showData, `the ${name} plot’s data fold is in the page`).toHaveCount(1);
      await expect(showData, `but not offered without JavaScript, and no rows were sent`).toBeHidden();
      await expect(region.locator('.plot-data table'), `no ${name} data rows without JavaScript`).toHaveCount(0);
      await expectNoBrokenNumbers(region);
    }
  });
});
