import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { expect, test } from './fixtures';

const shortAnswers = 'cs230-fall-2021-midterm/short-answers/';
const cnns = 'cs230-fall-2021-midterm/cnns/';
const multipleChoice = 'cs230-fall-2021-midterm/multiple-choice/';

/** Scrolls an island into view (they hydrate client:visible) and waits until it has hydrated. */
async function hydrated(page: Page, rootId: string): Promise<Locator> {
  const root = page.locator(`[id="${rootId}"]`);
  await root.scrollIntoViewIfNeeded();
  const island = page.locator('astro-island', { has: root });
  await expect(island, `${rootId} hydrates`).not.toHaveAttribute('ssr', '');
  await expect(root.getByRole('button'), 'the button works once hydrated').toBeEnabled();
  return root;
}

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'no horizontal page scroll at 360 px').toBeLessThanOrEqual(360);
}

test.describe('MLP parameter counter on 2(a)', () => {
  test('keeps the answer hidden until asked, then follows edits', async ({ page }) => {
    await page.goto(shortAnswers);
    const counter = await hydrated(page, 'mlp-counter');
    await expect(counter.getByLabel('Input size'), 'prefilled with 2(a)').toHaveValue('4');
    await expect(counter.getByLabel('Layer sizes'), 'prefilled with 2(a)').toHaveValue('7, 3');
    await expect(counter, 'the answer 59 is not given away before Count').not.toContainText('59');

    await counter.getByRole('button', { name: 'Count' }).click();
    await expect(counter.getByText('Total: 59 parameters (35 + 24 = 59).'), '2(a) answer after Count').toBeVisible();
    await expect(counter.getByRole('table', { name: 'Parameters per layer' })).toContainText('4*7 + 7 = 35');

    await counter.getByLabel('Layer sizes').fill('7, 3, 2');
    await expect(counter.getByText('Total: 67 parameters'), 'one more layer: 59 + 3*2 + 2').toBeVisible();
    await counter.getByLabel('Input size').fill('1000');
    await expect(counter.getByText('Total: 7,039 parameters'), 'thousands separators: 1000*7 + 7 + 24 + 8').toBeVisible();
  });

  test('explains bad input next to the field and never shows NaN', async ({ page }) => {
    await page.goto(shortAnswers);
    const counter = await hydrated(page, 'mlp-counter');
    await counter.getByLabel('Layer sizes').fill('7, x');
    await expect(counter.getByRole('alert')).toHaveText('Layer sizes: entry 2, "x", is not a number.');
    await expect(counter.getByLabel('Layer sizes')).toHaveAttribute('aria-invalid', 'true');
    await counter.getByLabel('Input size').fill('');
    await expect(counter.getByRole('alert')).toContainText('Input size: enter a whole number');
    await expect(counter).not.toContainText(/NaN|Infinity|undefined/);
  });

  test('works with the keyboard alone', async ({ page }) => {
    await page.goto(shortAnswers);
    const counter = await hydrated(page, 'mlp-counter');
    await counter.getByLabel('Input size').focus();
    await page.keyboard.press('Tab');
    await expect(counter.getByLabel('Layer sizes'), 'focus order: Input size, Layer sizes').toBeFocused();
    await page.keyboard.press('Tab');
    await expect(counter.getByRole('button', { name: 'Count' }), 'then Count').toBeFocused();
    await page.keyboard.press('Enter');
    await expect(counter.locator('[aria-live="polite"]'), 'announced politely').toHaveText(/Total: 59 parameters/);
  });

  test('fits 360 px and passes axe', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(shortAnswers);
    const counter = await hydrated(page, 'mlp-counter');
    await counter.getByLabel('Layer sizes').fill('700000, 300000, 200000, 100000');
    await expect(counter.getByRole('table')).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe('CNN calculator on Problem 5', () => {
  test('does not give away the solution table before the student asks', async ({ page }) => {
    await page.goto(cnns);
    const calculator = await hydrated(page, 'cnn-calculator');
    await expect(calculator.getByLabel('Input', { exact: true })).toHaveValue('128*128*6');
    await expect(calculator.getByLabel('Layers', { exact: true })).toHaveValue(/^CONV5-8\nReLU\n[\s\S]*FC-27$/);
    await expect(calculator.getByRole('table'), 'no results before Compute').toHaveCount(0);
    await expect(calculator).not.toContainText(/221,?211|1,?208/);
    await expect(page.getByText('8*(5*5*6 + 1) = 1208'), 'the official table stays behind its toggle').toBeHidden();
  });

  test('computes every row of the exam, with the working, after Compute', async ({ page }) => {
    await page.goto(cnns);
    const calculator = await hydrated(page, 'cnn-calculator');
    await calculator.getByRole('button', { name: 'Compute' }).click();
    const table = calculator.getByRole('table', { name: 'Output volume and parameters per layer' });
    await expect(table.getByRole('row', { name: /CONV5-8/ })).toContainText('126 × 126 × 8');
    await expect(table.getByRole('row', { name: /CONV5-8/ })).toContainText('8*(5*5*6 + 1) = 1208');
    await expect(table.getByRole('row', { name: /CONV2-64/ })).toContainText('64 × 64 × 64');
    await expect(table.getByRole('row', { name: /FC-27/ })).toContainText('221,211');
    await expect(calculator.locator('[aria-live="polite"]')).toHaveText(/Total: 229,827 parameters; final output 27\./);
  });

  test('marks invalid lines in place and still computes the rest', async ({ page }) => {
    await page.goto(cnns);
    const calculator = await hydrated(page, 'cnn-calculator');
    await calculator.getByLabel('Input', { exact: true }).fill('4*4*3');
    await calculator.getByLabel('Layers', { exact: true }).fill('CONV3-8\nBANANA\nCONV9-4\nPOOL-2');
    await expect(calculator.getByRole('alert').filter({ hasText: 'Line 2:' })).toContainText('Unknown layer "BANANA"');
    await expect(calculator.getByRole('alert').filter({ hasText: 'Line 3:' })).toContainText(
      'The kernel 9*9 is larger than the padded input height and width 4 + 2*1 = 6',
    );
    const table = calculator.getByRole('table');
    await expect(table.getByRole('row', { name: /POOL-2/ }), 'line 4 continues from line 1').toContainText('2 × 2 × 8');
    await expect(calculator.locator('[aria-live="polite"]')).toContainText('lines 2, 3 skipped because of an error');
    await calculator.getByLabel('Input', { exact: true }).fill('4*4');
    await expect(calculator.getByRole('alert').first()).toContainText('"4*4" is not a volume');
    await expect(calculator).not.toContainText(/NaN|Infinity|undefined/);
  });

  test('the revealed solution table is rendered from the calculator, with formulas', async ({ page }) => {
    await page.goto(cnns);
    await page.getByText('Reveal solution to Problem 5').first().click();
    const solution = page.locator('details[data-solution="5table"]');
    await expect(solution.getByRole('row', { name: /^CONV5-8/ })).toContainText('8*(5*5*6 + 1) = 1208');
    await expect(solution.getByRole('row', { name: /^FC-27/ })).toContainText('(8192 + 1)*27 = 221211');
    await expect(solution.getByRole('row', { name: /^FLATTEN/ })).toContainText('8192');
  });

  test('fits 360 px and passes axe with results, errors and the solution shown', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(cnns);
    const calculator = await hydrated(page, 'cnn-calculator');
    await calculator.getByLabel('Layers', { exact: true }).fill('CONV5-8 with stride 2\nBANANA\nCONV3-16\nFLATTEN\nPOOL-2\nFC-27');
    await expect(calculator.getByRole('alert').filter({ hasText: 'Line 2:' })).toBeVisible();
    await page.getByText('Reveal solution to Problem 5').first().click();
    await expectNoHorizontalOverflow(page);
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe('CNN calculator for 1(g)', () => {
  test('computes the layer of 1(g) after Compute', async ({ page }) => {
    await page.goto(multipleChoice);
    const calculator = await hydrated(page, 'cnn-calculator-1g');
    await expect(calculator, 'the answer is not given away before Compute').not.toContainText('15 × 15 × 15');
    await calculator.getByRole('button', { name: 'Compute' }).click();
    await expect(calculator.getByRole('row', { name: /CONV3-15/ })).toContainText('15 × 15 × 15');
    await expect(calculator.getByRole('row', { name: /CONV3-15/ })).toContainText('15*(3*3*3 + 1) = 420');
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe('counters without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('show the prefilled inputs and say that computing needs JavaScript', async ({ page }) => {
    await page.goto(cnns);
    const calculator = page.locator('[id="cnn-calculator"]');
    await expect(calculator.getByLabel('Input', { exact: true })).toHaveValue('128*128*6');
    await expect(calculator.getByLabel('Layers', { exact: true })).toHaveValue(/CONV1-32 with padding 0/);
    await expect(calculator.getByText('Computing needs JavaScript')).toBeVisible();
    await expect(calculator.getByRole('button', { name: 'Compute' })).toBeDisabled();
    await calculator.getByText('Formulas used').click();
    await expect(calculator.getByText('N·(k·k·C + 1) parameters', { exact: false })).toBeVisible();

    await page.goto(shortAnswers);
    const counter = page.locator('[id="mlp-counter"]');
    await expect(counter.getByLabel('Layer sizes')).toHaveValue('7, 3');
    await expect(counter.getByText('Counting needs JavaScript')).toBeVisible();
  });
});
