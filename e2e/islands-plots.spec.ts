import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { expect, test } from './fixtures';

/**
 * The plot explorers: variance through depth (Problem 3), gradient descent (1(e)) and activation
 * functions (1(c), 2(c)). Each hydrates, reacts to its controls, never shows NaN, passes axe, and
 * its server-rendered SVG is there without JavaScript.
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

/** The explorer's region, with the solution it sits in opened (activation explorers are inside solutions). */
async function explorer(page: Page, heading: string): Promise<Locator> {
  const region = page.getByRole('region', { name: heading, includeHidden: true }).first();
  const solution = page.locator('details', { has: region });
  if ((await solution.count()) > 0 && !(await solution.first().evaluate((d) => (d as HTMLDetailsElement).open))) {
    await solution.first().locator('summary').first().click();
  }
  await region.scrollIntoViewIfNeeded();
  return region;
}

/** Waits until the island around `region` has hydrated (Astro removes `ssr` when it has). */
async function hydrated(page: Page, region: Locator): Promise<void> {
  await expect(page.locator('astro-island[ssr]', { has: region })).toHaveCount(0);
}

/** The path data of every line in the region's plots, to notice that a plot was redrawn. */
async function paths(region: Locator): Promise<string> {
  return (await region.locator('svg.plot-svg path.plot-line').evaluateAll((els) => els.map((e) => e.getAttribute('d')))).join('|');
}

async function expectNoNaN(page: Page): Promise<void> {
  await expect(page.locator('body')).not.toContainText('NaN');
  await expect(page.locator('body')).not.toContainText('Infinity');
}

test.describe('variance explorer (Problem 3)', () => {
  test('hydrates, updates plot and sentence with its controls, and reports bad input', async ({ page }) => {
    await page.goto(pages.variance);
    const region = await explorer(page, headings.variance);
    await hydrated(page, region);
    const summary = region.locator('.ex-summary');
    await expect(summary).toContainText('Over layers 10–20, activation variance');
    const before = await paths(region);

    await region.getByRole('combobox', { name: 'Activation', exact: true }).selectOption('sigmoid');
    await expect(summary, 'the sigmoid mean breaks the zero-mean assumption').toContainText('mean is 0.5');
    await expect.poll(() => paths(region), { message: 'the plot was redrawn' }).not.toBe(before);

    await region.getByRole('radio', { name: 'Sigmoid-corrected (3(d)): 16/n', exact: true }).check();
    await expect(summary).toContainText('saturated');

    // A heavier run is computed in slices; it finishes and describes the new depth.
    await region.getByRole('spinbutton', { name: 'Depth L', exact: true }).fill('60');
    await expect(summary).toContainText('Over layers 30–60', { timeout: 20_000 });

    await region.getByRole('spinbutton', { name: 'Width n', exact: true }).fill('1');
    await expect(region.getByRole('alert')).toHaveText('Width n: must be between 2 and 512.');
    await expect(region.getByRole('spinbutton', { name: 'Width n', exact: true })).toHaveAttribute('aria-invalid', 'true');

    await region.getByText('Show data').click();
    await expect(region.getByRole('table')).toContainText('Var(a), simulated');
    await expectNoNaN(page);
    await expectNoSeriousA11yViolations(page);
  });

  test('ReLU has no linear prediction and says why', async ({ page }) => {
    await page.goto(pages.variance);
    const region = await explorer(page, headings.variance);
    await hydrated(page, region);
    await region.getByRole('combobox', { name: 'Activation', exact: true }).selectOption('relu');
    await region.getByRole('radio', { name: 'He: 2/n', exact: true }).check();
    await expect(region.locator('.ex-summary')).toContainText('ReLU has a kink there');
    await expect(region.locator('.plot-legend')).not.toContainText('Figure 1 linear prediction');
    await expectNoNaN(page);
  });
});

test.describe('gradient descent explorer (1(e))', () => {
  test('opens without an option verdict, and each option preset reproduces the official answer', async ({ page }) => {
    await page.goto(pages.descent);
    const region = await explorer(page, headings.descent);
    await hydrated(page, region);
    const verdict = region.locator('.ex-verdict');
    await expect(verdict, 'a neutral start: x² with step 0.1').toContainText('multiplies x by 1 − 2·step = 0.8');
    const before = await paths(region);

    await region.getByRole('button', { name: /^\(i\)/ }).click();
    await expect(verdict).toContainText('Oscillates.');
    await expect(verdict).toContainText('bounces between 0.1 and -0.4');
    await expect.poll(() => paths(region)).not.toBe(before);

    await region.getByRole('button', { name: /^\(ii\)/ }).click();
    await expect(verdict).toContainText('Converges.');
    await region.getByRole('button', { name: /^\(iii\)/ }).click();
    await expect(verdict).toContainText('Oscillates.');
    await region.getByRole('button', { name: /^\(iv\)/ }).click();
    await expect(verdict).toContainText('Oscillates.');
    await expect(verdict).toContainText('flips between 1 and -1');

    await region.getByRole('spinbutton', { name: 'Step size', exact: true }).fill('1.5');
    await expect(verdict).toContainText('Diverges.');
    await region.getByRole('spinbutton', { name: 'Step size', exact: true }).fill('0');
    await expect(region.getByRole('alert')).toHaveText('Step size: must be between 0.001 and 10.');

    await expectNoNaN(page);
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe('activation explorer (1(c), 2(c))', () => {
  test('1(c) opens on ceiling, explains the zero gradient, and switches function', async ({ page }) => {
    await page.goto(pages.activation1c);
    const region = await explorer(page, headings.activation);
    await hydrated(page, region);
    await expect(region.locator('.ex-summary')).toContainText('zero almost everywhere');
    const before = await paths(region);
    await region.getByRole('combobox', { name: 'Function', exact: true }).selectOption('min-zero');
    await expect(region.locator('figcaption')).toHaveText('min(0, x) and its derivative');
    await expect.poll(() => paths(region)).not.toBe(before);
    await expectNoNaN(page);
    await expectNoSeriousA11yViolations(page);
  });

  test('2(c) shows the official derivative agreeing with a central difference to 1e-7 or better', async ({ page }) => {
    await page.goto(pages.activation2c);
    const region = await explorer(page, headings.activation);
    await hydrated(page, region);
    const sentence = await region.locator('.ex-summary p').first().textContent();
    const gap = Number(/: ([0-9.e-]+) \(at x/.exec(sentence ?? '')?.[1]);
    expect(gap, sentence ?? '').toBeLessThanOrEqual(1e-7);

    // Softplus over a huge range with a large β must not overflow into NaN.
    await region.getByRole('combobox', { name: 'Function', exact: true }).selectOption('softplus');
    await region.getByRole('spinbutton', { name: 'β', exact: true }).fill('100');
    await region.getByRole('spinbutton', { name: 'From x', exact: true }).fill('-1000');
    await region.getByRole('spinbutton', { name: 'To x', exact: true }).fill('1000');
    await expect(region.locator('figcaption')).toHaveText('Softplus with β = 100 and its derivative');
    await region.getByRole('spinbutton', { name: 'To x', exact: true }).fill('-2000');
    await expect(region.getByRole('alert')).toContainText('To x');
    await expectNoNaN(page);
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const [name, path, heading] of [
    ['variance', pages.variance, headings.variance],
    ['gradient descent', pages.descent, headings.descent],
    ['activation 1(c)', pages.activation1c, headings.activation],
    ['activation 2(c)', pages.activation2c, headings.activation],
  ] as const) {
    test(`the ${name} explorer's server-rendered plot is there`, async ({ page }) => {
      await page.goto(path);
      const region = page.getByRole('region', { name: heading, includeHidden: true }).first();
      // Solutions open natively without JavaScript; open the one holding the explorer, if any.
      const solution = page.locator('details', { has: region });
      if ((await solution.count()) > 0) await solution.first().locator('summary').first().click();
      const svg = region.locator('svg[role="img"]').first();
      await expect(svg).toBeVisible();
      await expect(svg.locator('title')).not.toBeEmpty();
      await expect(svg.locator('desc')).not.toBeEmpty();
      const d = await svg.locator('path.plot-line').first().getAttribute('d');
      expect(d ?? '', 'a drawn line').toMatch(/^M[\d.]/);
      await expect(region.getByText('Show data').first()).toBeVisible();
      await expect(region).not.toContainText('NaN');
    });
  }
});
