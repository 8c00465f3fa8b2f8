import { expectNoSeriousA11yViolations } from './a11y';
import { expect, expectNoBrokenNumbers, expectNoHorizontalOverflow, hydrated, test } from './fixtures';

/**
 * The calculators' wiring in the browser. What they compute (every row of Problem 5, 1(g), 2(a),
 * every error message) is proven by the unit tests in src/tools/mlp-counter and
 * src/tools/cnn-calculator; here: they hydrate, keep the answer back until asked, follow edits,
 * show errors at the right place, fit a phone and pass axe.
 */

const shortAnswers = 'cs230-fall-2021-midterm/short-answers/';
const cnns = 'cs230-fall-2021-midterm/cnns/';
const multipleChoice = 'cs230-fall-2021-midterm/multiple-choice/';

test('MLP counter (2(a)): answer hidden until Count, keyboard works, follows edits, flags bad input, fits 360 px, passes axe', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(shortAnswers);
  const counter = await hydrated(page.getByRole('region', { name: 'Parameter counter' }), 'the parameter counter');
  const summary = counter.locator('[aria-live="polite"]');
  // Prefilled with another network than 2(a)'s (whose count is the answer: 59).
  await expect(counter.getByLabel('Input size'), 'prefilled by the content').toHaveValue('3');
  await expect(counter.getByLabel('Layer sizes'), 'prefilled by the content').toHaveValue('5, 2');
  await expect(summary, 'once hydrated it invites the student to press Count').toHaveText(/^Press Count/);
  await expect(counter, 'no count before Count').not.toContainText('32');

  // Keyboard alone: focus order Input size → Layer sizes → Count, and Enter counts.
  await counter.getByLabel('Input size').focus();
  await page.keyboard.press('Tab');
  await expect(counter.getByLabel('Layer sizes'), 'Tab goes from Input size to Layer sizes').toBeFocused();
  await page.keyboard.press('Tab');
  await expect(counter.getByRole('button', { name: 'Count' }), 'then to Count').toBeFocused();
  await page.keyboard.press('Enter');
  await expect(summary, 'the count, announced politely').toHaveText('Total: 32 parameters (20 + 12 = 32).');
  await expect(counter.getByRole('table', { name: 'Parameters per layer' }), 'the working per layer').toContainText(
    '3*5 + 5 = 20',
  );

  await counter.getByLabel('Layer sizes').fill('7, 3, 2');
  await expect(summary, 'an edit recounts: 3*7 + 7 + 7*3 + 3 + 3*2 + 2').toContainText('Total: 60 parameters');
  await counter.getByLabel('Input size').fill('1000');
  await expect(summary, 'thousands separators: 1000*7 + 7 + 24 + 8').toContainText('Total: 7,039 parameters');

  await counter.getByLabel('Layer sizes').fill('7, x');
  // The exact wording is the unit tests' business (src/tools/mlp-counter, src/ui); here: it names the field and the entry.
  await expect(counter.getByRole('alert'), 'the mistake is named: field and entry').toHaveText(
    /^Layer sizes\b.*\bentry 2\b/,
  );
  await expect(counter.getByLabel('Layer sizes'), 'the field is marked invalid').toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await counter.getByLabel('Input size').fill('');
  await expect(counter.getByRole('alert'), 'the first bad field is named').toHaveText(/^Input size\b/);
  await expectNoBrokenNumbers(counter);

  await counter.getByLabel('Input size').fill('4');
  await counter.getByLabel('Layer sizes').fill('700000, 300000, 200000, 100000');
  await expect(counter.getByRole('table', { name: 'Parameters per layer' }), 'a table of huge counts').toContainText(
    '700,000',
  );
  await expectNoHorizontalOverflow(page);
  await expectNoSeriousA11yViolations(page, [counter]);
});

test('CNN calculator (Problem 5): hidden until Compute, computes, marks bad lines in place; the solution table comes from it; fits 360 px, passes axe', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(cnns);
  // Preset with Problem 5's network, so it sits in a fold that names the answers it shows.
  await page.locator('summary', { hasText: 'CNN calculator with this problem' }).click();
  const calculator = await hydrated(
    page.getByRole('region', { name: 'CNN shape and parameter calculator' }),
    'the CNN calculator',
  );
  const summary = calculator.locator('[aria-live="polite"]');
  const input = calculator.getByLabel('Input', { exact: true });
  const layers = calculator.getByLabel('Layers', { exact: true });
  await expect(input, 'prefilled with Problem 5').toHaveValue('128*128*6');
  await expect(layers, 'prefilled with Problem 5').toHaveValue(/^CONV5-8\nReLU\n[\s\S]*FC-27$/);
  await expect(summary, 'once hydrated it invites the student to press Compute').toHaveText(/^Press Compute/);
  await expect(calculator.getByRole('table'), 'no results before Compute').toHaveCount(0);
  await expect(calculator, 'no totals before Compute').not.toContainText(/221,?211|1,?208/);

  const solution = page.locator('details', { has: page.getByText('Reveal solution to Problem 5') });
  const officialRow = page.getByText('8*(5*5*6 + 1) = 1208');
  await expect(officialRow, 'the official table is in the page').toHaveCount(1);
  await expect(solution, 'inside the solution of Problem 5').toHaveCount(1);
  await expect(solution, 'behind its toggle').not.toHaveAttribute('open');
  await expect(officialRow, 'so it is not shown').toBeHidden();

  await calculator.getByRole('button', { name: 'Compute' }).click();
  const table = calculator.getByRole('table', { name: 'Output volume and parameters per layer' });
  await expect(table.getByRole('row', { name: /CONV5-8/ }), 'first layer with its working').toContainText(
    '126 × 126 × 8',
  );
  await expect(table.getByRole('row', { name: /CONV5-8/ })).toContainText('8*(5*5*6 + 1) = 1208');
  await expect(summary).toHaveText(/Total: 229,827 parameters; final output 27\./);

  await input.fill('4*4*3');
  await layers.fill('CONV3-8\nBANANA\nPOOL-2');
  await expect(
    calculator.getByRole('alert').filter({ hasText: 'Line 2:' }),
    'the error sits on its line and quotes it',
  ).toContainText('BANANA');
  await expect(table.getByRole('row', { name: /POOL-2/ }), 'line 3 continues from line 1').toContainText('2 × 2 × 8');
  await expect(summary).toContainText('line 2 skipped because of an error');
  await input.fill('4*4');
  await expect(calculator.getByRole('alert').first(), 'a bad Input is explained, quoting it').toContainText('4*4');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expectNoBrokenNumbers(calculator);

  // The revealed solution table is rendered at build time by the calculator's code, with formulas.
  await input.fill('128*128*6');
  await layers.fill('CONV5-8 with stride 2\nBANANA\nCONV3-16\nFLATTEN\nPOOL-2\nFC-27');
  await expect(calculator.getByRole('alert').filter({ hasText: 'Line 2:' })).toBeVisible();
  await solution.getByText('Reveal solution to Problem 5').click();
  const working = solution.getByRole('table', { name: /^Working for each row/ });
  await expect(working.getByRole('row', { name: /^CONV5-8/ })).toContainText('8*(5*5*6 + 1) = 1208');
  await expect(working.getByRole('row', { name: /^FC-27/ })).toContainText('(8192 + 1)*27 = 221211');
  await expect(
    solution.getByRole('table', { name: 'Official answers', exact: true }).getByRole('row', { name: /^FLATTEN/ }),
  ).toContainText('8192');
  await expectNoHorizontalOverflow(page);
  await expectNoSeriousA11yViolations(page, [calculator, solution]);
});

test('CNN calculator (1(g)): gets a layer from the content (not 1(g)’s own) and computes it only after Compute', async ({
  page,
}) => {
  await page.goto(multipleChoice);
  const calculator = await hydrated(
    page.getByRole('region', { name: 'Try it: one convolutional layer' }),
    'the 1(g) calculator',
  );
  await expect(calculator.getByLabel('Input', { exact: true }), 'the content’s input').toHaveValue('32x32x3');
  await expect(calculator, 'nothing computed before Compute').not.toContainText('32 × 32 × 6');
  await calculator.getByRole('button', { name: 'Compute' }).click();
  await expect(calculator.getByRole('row', { name: /CONV5-6/ }), 'the layer computed').toContainText('32 × 32 × 6');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the counters show the prefilled inputs and the formulas, and say that computing needs JavaScript', async ({
    page,
  }) => {
    await page.goto(cnns);
    await page.locator('summary', { hasText: 'CNN calculator with this problem' }).click();
    const calculator = page.getByRole('region', { name: 'CNN shape and parameter calculator' });
    await expect(calculator.getByLabel('Input', { exact: true })).toHaveValue('128*128*6');
    await expect(calculator.getByLabel('Layers', { exact: true })).toHaveValue(/CONV1-32 with padding 0/);
    await expect(calculator.getByText('Computing needs JavaScript')).toBeVisible();
    await expect(
      calculator.getByRole('button', { name: 'Compute' }),
      'a button that would do nothing is disabled',
    ).toBeDisabled();
    await calculator.getByText('Formulas used').click();
    await expect(calculator.getByText('N·(k·k·C + 1) parameters', { exact: false })).toBeVisible();

    await page.goto(shortAnswers);
    const counter = page.getByRole('region', { name: 'Parameter counter' });
    await expect(counter.getByLabel('Layer sizes')).toHaveValue('5, 2');
    await expect(counter.getByText('Counting needs JavaScript')).toBeVisible();
    await expect(counter.getByRole('button', { name: 'Count' })).toBeDisabled();
  });
});
