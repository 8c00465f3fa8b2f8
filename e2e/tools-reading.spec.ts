import type { Locator, Page } from '@playwright/test';
import { expect, expectNoHorizontalOverflow, hydrated, test, textWithTex } from './fixtures';

/**
 * Issue 10, the tools' side: long runs stay readable and their legends tell the truth, labs say
 * what to try with their maths typeset at build time, controls that need JavaScript are not offered
 * without it, and no form control prints. With E2E_SCREENSHOTS=1 it keeps
 * screenshots of the tools under the work dir.
 */

const pages = {
  multipleChoice: 'cs230-fall-2021-midterm/multiple-choice/',
  shortAnswers: 'cs230-fall-2021-midterm/short-answers/',
  weights: 'cs230-fall-2021-midterm/weight-initialization/',
  backprop: 'cs230-fall-2021-midterm/backpropagation/',
  normalization: 'cs230-fall-2021-midterm/normalization-techniques/',
};

async function openFold(page: Page, title: string): Promise<void> {
  const summary = page.locator('summary', { hasText: title });
  await expect(summary, `the fold "${title}" is on the page`).toHaveCount(1);
  await summary.click();
}

/** Screenshots for a person to look at, not compared by any test: taken with E2E_SCREENSHOTS=1. */
const shots = process.env['E2E_SCREENSHOTS'] ? `${process.env['E2E_WORK_DIR'] ?? '.e2e'}/screenshots` : undefined;

/**
 * `region` at 360 and 1280 px, each width checked for sideways scroll; with E2E_SCREENSHOTS=1 also
 * photographed there in light and dark (`${name}-${width}-${scheme}.png`).
 */
async function checkWidths(page: Page, region: Locator, name: string): Promise<void> {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await region.scrollIntoViewIfNeeded();
    await expectNoHorizontalOverflow(page);
    if (!shots) continue;
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await region.screenshot({ path: `${shots}/${name}-${width}-${scheme}.png` });
    }
  }
}

test('1(e): 500 oscillating steps stay readable and the legends say how many steps they draw', async ({ page }) => {
  await page.goto(pages.multipleChoice);
  await openFold(page, 'Gradient descent lab');
  const explorer = await hydrated(
    page.getByRole('region', { name: 'Gradient descent: try it' }),
    'the gradient descent explorer',
  );
  await explorer.getByRole('button', { name: /^\(iv\)/ }).click();
  await expect(explorer.getByRole('spinbutton', { name: 'Steps', exact: true })).toHaveValue('500');
  const legends = explorer.locator('.plot-legend');
  await expect(legends.first(), 'the loss-curve legend says which steps it draws').toContainText(
    'x₀…x₃₀: the first 30 of 500 steps',
  );
  await expect(
    explorer.getByRole('figure', { name: 'x over the first 60 of 500 steps' }),
    'the plot over time draws the first 60 steps, and says so',
  ).toBeVisible();
  const markers = await explorer
    .getByRole('figure', { name: /^x over/ })
    .locator('circle')
    .count();
  expect(markers, 'one marker per drawn step, not a solid block of 500').toBeLessThanOrEqual(61);
  await expect(explorer, 'no "(unitless)" on any axis').not.toContainText('unitless');
  await checkWidths(page, explorer, 'descent-1e');
});

test('labs say in one sentence what to try, with KaTeX typeset at build time, and fit a 360 px phone', async ({
  page,
}) => {
  const labs = [
    {
      path: pages.normalization,
      fold: 'Batch size lab',
      region: 'Batch norm versus layer norm',
      name: 'normalization',
    },
    { path: pages.backprop, fold: 'Gradient check lab', region: 'Gradient check lab', name: 'gradient-check' },
    {
      path: pages.weights,
      fold: 'Variance through depth lab',
      region: 'Variance through depth: try it',
      name: 'variance',
    },
  ];
  for (const lab of labs) {
    await page.setViewportSize({ width: 360, height: 900 });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(lab.path);
    await openFold(page, lab.fold);
    const region = await hydrated(page.getByRole('region', { name: lab.region }), `the ${lab.name} lab`);
    const tryThis = region.locator('.tool-try');
    await expect(tryThis, `the ${lab.name} lab says what to try`).toContainText(/^\s*(Try|Change|Keep)/);
    await expect(tryThis.locator('.katex').first(), 'its maths is KaTeX, rendered at build time').toBeVisible();
    await expect(
      page.getByText(lab.region, { exact: true }),
      `the ${lab.name} lab’s title is not shown twice`,
    ).toHaveCount(1);
    await expect(region, 'no plain-text stand-ins for subscripts').not.toContainText(/μ_|σ_|D_x|D_a/);
    await checkWidths(page, region, `lab-${lab.name}`);
  }
});

test('the normalization lab typesets its symbols, headers and explanations with KaTeX at build time', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 900 });
  await page.goto(pages.normalization);
  await openFold(page, 'Batch size lab');
  const lab = await hydrated(page.getByRole('region', { name: 'Batch norm versus layer norm' }), 'the lab');
  await expect(lab.locator('sub, sup'), 'no HTML sub- or superscripts standing in for maths').toHaveCount(0);
  const hint = lab.getByRole('paragraph').filter({ hasText: 'A fixed population' });
  expect(await textWithTex(hint), 'the batch statistics and parameters, typeset').toContain(
    "batch norm estimates each feature's mean $\\mu_B$ and variance $\\sigma_B^2$ from the batch",
  );
  expect(await textWithTex(hint)).toMatch(
    /\$\\gamma\$ = 1 and \$\\beta\$ = 0\.5 for every feature, \$\\epsilon\$ = 10⁻⁵\.$/,
  );
  await expect(
    lab.getByRole('columnheader').nth(1).locator('.katex'),
    'the table’s x column header is a typeset x',
  ).toHaveCount(1);
  expect(await textWithTex(lab.locator('label', { hasText: 'Batch size' })), 'so is the field’s symbol').toBe(
    'Batch size ($B$)',
  );

  await lab.getByRole('spinbutton', { name: 'Batch size' }).fill('2');
  const two = lab.getByRole('paragraph').filter({ hasText: 'outputs are within 0.01' });
  await expect(two, 'B = 2 is explained').toBeVisible();
  expect(await textWithTex(two), 'by the content’s sentence, typeset once the island shows it').toMatch(
    /^With \$B\$ = 2: Each feature’s two values sit one \$\\sigma_B\$ on either side of \$\\mu_B\$, so batch norm outputs about \$\\beta \\pm \\gamma\$ whatever the values were\. Here \d+ of 8 outputs/,
  );
  await lab.getByRole('spinbutton', { name: 'Batch size' }).fill('1');
  const one = lab.getByRole('paragraph').filter({ hasText: 'batch norm erases the sample.' });
  expect(await textWithTex(one)).toContain(
    'so $\\mu_B = x$ and $\\sigma_B^2 = 0$ for every feature: $x - \\mu_B = 0$ and the output is $\\gamma \\cdot 0 / \\sqrt{0 + \\epsilon} + \\beta = \\beta$.',
  );
  await checkWidths(page, lab, 'lab-normalization-b1');
});

test.describe('on a first visit, with an empty cache', () => {
  test.use({ isolatedPage: true });
  test('the activation explorer typesets the formulas of its sentences with KaTeX at build time, and ships no KaTeX', async ({
    page,
  }) => {
    const scripts: string[] = [];
    page.on('response', async (response) => {
      if (response.url().endsWith('.js')) scripts.push(await response.text());
    });
    await page.setViewportSize({ width: 360, height: 900 });
    await page.goto(pages.shortAnswers);
    await page.getByText('Reveal solution to 2(c)', { exact: true }).click();
    const explorer = await hydrated(
      page.getByRole('region', { name: 'Activation functions and their derivatives: try it' }),
      'the 2(c) explorer',
    );
    const summary = explorer.locator('.tool-summary');
    expect(await textWithTex(summary), 'h’s sentences, their formulas typeset').toContain(
      'For large $x$, $\\tanh(e^x)$ is 1 to double precision: $h(x) \\to x \\log 2$ and $dh/dx \\to \\log 2 \\approx 0.693$.',
    );
    await expect(summary, 'no plain-text stand-ins such as eˣ').not.toContainText('eˣ');

    await explorer.getByRole('combobox', { name: 'Function' }).selectOption('tanh');
    await expect(explorer.getByRole('figure', { name: 'tanh(x) and its derivative' })).toBeVisible();
    await expect
      .poll(() => textWithTex(summary), { message: 'a formula first shown after hydration is typeset too' })
      .toMatch(/\(at most 1, at \$x = 0\$\), which is why Figure 1 can use \$\\tanh\(z\) \\approx z\$ near 0\.$/);
    await checkWidths(page, explorer, 'explorer-activation-2c-tanh');
    expect(scripts.length, 'the page loaded its scripts').toBeGreaterThan(0);
    expect(
      scripts.filter((script) => script.includes('KaTeX parse error')),
      'no script carries KaTeX’s renderer',
    ).toEqual([]);
  });
});

test('the gradient check lists entries with the digits that matter, folded, and its menu label fits a phone', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 900 });
  await page.goto(pages.backprop);
  await openFold(page, 'Gradient check lab');
  const lab = await hydrated(page.getByRole('region', { name: 'Gradient check lab' }), 'the gradient check lab');
  const entries = lab.getByRole('table', { name: /^Entries of/, includeHidden: true }).first();
  await expect(entries, 'the entry tables exist').toHaveCount(1);
  await expect(entries, 'folded: no wall of numbers on arrival').toBeHidden();
  await lab.getByText(/^Every entry of ∂L\/∂W\[1\]/).click();
  await expect(entries).toBeVisible();
  const cells = await entries.locator('tbody td:nth-child(2)').allTextContents();
  for (const cell of cells) {
    const mantissa = cell.split('e')[0] ?? '';
    expect(
      mantissa.replace(/[^0-9]/g, '').replace(/^0+/, '').length,
      `"${cell}" has at most 4 significant digits`,
    ).toBeLessThanOrEqual(4);
  }
  await lab.getByText('Formulas to check').click();
  await lab.getByLabel('Use a wrong formula').selectOption({ label: 'Forget the transpose' });
  await expect(
    lab.locator('.tool-formula-typeset .katex').first(),
    'the chosen formula is typeset by KaTeX at build time, also after switching',
  ).toBeVisible();
  const label = lab.getByText('Use a wrong formula', { exact: true });
  const box = await label.boundingBox();
  const labBox = await lab.boundingBox();
  expect(box && labBox && box.x + box.width <= labBox.x + labBox.width, 'the menu’s label is not cut off').toBe(true);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the variance explorer hides the controls it cannot run and says so, keeping its plot', async ({ page }) => {
    await page.goto(pages.weights);
    await openFold(page, 'Variance through depth lab');
    const explorer = page.getByRole('region', { name: 'Variance through depth: try it' });
    await expect(
      explorer.getByRole('combobox', { name: 'Activation', includeHidden: true }),
      'the menu exists',
    ).toHaveCount(1);
    await expect(explorer.getByRole('combobox', { name: 'Activation' }), 'but is not offered').toBeHidden();
    await expect(explorer.getByText(/needs JavaScript/), 'a sentence says why').toBeVisible();
    await expect(explorer.getByRole('figure', { name: 'Variance per layer' }), 'the plot is still there').toBeVisible();
    await explorer.scrollIntoViewIfNeeded();
    if (shots) await explorer.screenshot({ path: `${shots}/variance-no-js-1280.png` });
  });
});

test('print: no form controls of any tool, results and plots kept', async ({ page }) => {
  await page.goto(pages.multipleChoice);
  await page.getByText('Reveal solution to 1(c)', { exact: true }).click();
  const explorer = await hydrated(
    page.getByRole('region', { name: 'Activation functions and their derivatives: try it' }),
    'the 1(c) explorer',
  );
  const calculator = page.getByRole('region', { name: 'Try it: one convolutional layer' });
  await page.emulateMedia({ media: 'print' });
  for (const tool of [explorer, calculator]) {
    const controls = tool.locator('input, select, textarea, button');
    expect(await controls.count(), 'the tool has controls on screen').toBeGreaterThan(0);
    for (const control of await controls.all()) await expect(control, 'no form control in print').toBeHidden();
  }
  await expect(explorer.getByRole('figure').first(), 'the plot prints').toBeVisible();
  await page.emulateMedia({ media: 'screen' });
});
