import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { expect, expectNoBrokenNumbers, expectNoHorizontalOverflow, hydrated, test, textWithTex } from './fixtures';

/**
 * The labs' wiring: folded on arrival (they give answers away), hydrate once opened, follow their
 * fields, flag bad input at the field, fit a phone and pass axe. The numbers (every formula's
 * relative error, 1/√B, layer norm's independence of B) are proven by the unit tests in
 * src/tools/gradient-check and src/tools/normalization-lab.
 */

/** Opens the folded lab (a native <details> whose summary starts with `foldTitle`) and waits for its island. */
async function openLab(
  page: Page,
  path: string,
  foldTitle: string,
  name: string,
): Promise<{ fold: Locator; lab: Locator }> {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(path);
  const summary = page.locator('summary', { hasText: foldTitle });
  const fold = page.locator('details', { has: summary });
  const lab = page.getByRole('region', { name, includeHidden: true });
  await expect(fold, 'the lab’s fold is on the page').toHaveCount(1);
  await expect(fold, 'the lab starts folded').not.toHaveAttribute('open');
  await expect(lab, 'the lab is in the page').toHaveCount(1);
  await expect(lab, 'but not shown').toBeHidden();
  await summary.click();
  return { fold, lab: await hydrated(lab, name) };
}

test('gradient check lab (Problem 4): passes the official formula, fails wrong ones, pauses on bad input, fits 360 px, passes axe', async ({
  page,
}) => {
  const { fold, lab } = await openLab(
    page,
    'cs230-fall-2021-midterm/backpropagation/#4vi',
    'Gradient check lab: verify the formulas',
    'Gradient check lab',
  );
  await lab.getByLabel('Hidden units').fill('5');
  await expect(lab.getByText('∂L/∂W[1] (5 × 3): passes.'), 'the official formula passes at the new size').toBeVisible();

  await lab.getByText('Formulas to check').click();
  const formula = lab.getByLabel('Use a wrong formula');
  await formula.selectOption({ label: 'Drop the element-wise product' });
  await expect(lab.getByText('∂L/∂W[1] (5 × 3): fails.'), 'a wrong formula fails').toBeVisible();
  await formula.selectOption({ label: 'Forget the transpose' });
  await expect(
    lab.getByText(/shape mismatch: W2 is K×D_a \(3×5\), cannot multiply by δ0/),
    'a shape mistake is caught before any number',
  ).toBeVisible();
  await formula.selectOption({ label: 'No: the official solution’s formula' });

  const beta = lab.getByLabel('Beta');
  await beta.fill('0');
  await expect(beta, 'the field is marked invalid').toHaveAttribute('aria-invalid', 'true');
  await expect(
    lab.getByRole('alert').filter({ hasText: /\b0\.1 to 100\b/ }),
    'the range is given at the field',
  ).toBeVisible();
  await expect(lab.getByText('The check is paused: fix the field marked above.')).toBeVisible();
  await beta.fill('2');
  await expect(lab.getByText('∂L/∂W[1] (5 × 3): passes.'), 'a fixed field resumes the check').toBeVisible();
  await expectNoBrokenNumbers(lab);
  await expectNoHorizontalOverflow(page);
  await expectNoSeriousA11yViolations(page, [fold]);
});

test('normalization lab (Problem 6): follows the batch size, says what B = 1 does, pauses on bad input, fits 360 px, passes axe', async ({
  page,
}) => {
  const { fold, lab } = await openLab(
    page,
    'cs230-fall-2021-midterm/normalization-techniques/#6iv',
    'Batch size lab',
    'Batch norm versus layer norm',
  );
  const batchSize = lab.getByRole('spinbutton', { name: 'Batch size' });
  const erased = lab.getByRole('paragraph').filter({ hasText: 'batch norm erases the sample.' });
  const result = lab.getByRole('paragraph').filter({ hasText: 'batch means land' });
  await batchSize.fill('1');
  await expect(erased, 'B = 1 is explained').toBeVisible();
  expect(await textWithTex(erased), 'with the sample’s own numbers').toMatch(
    /^With \$B\$ = 1, batch norm erases the sample\. .* Here 8 of 8 outputs equal \$\\beta\$ = 0\.5,/,
  );

  await batchSize.fill('64');
  await expect.poll(() => textWithTex(result), 'the sentence follows B').toMatch(/^At \$B\$ = 64, batch means land/);
  await expect(erased, 'the B = 1 explanation goes away').toHaveCount(0);

  const features = lab.getByRole('spinbutton', { name: 'Features' });
  await features.fill('1');
  await expect(
    lab.getByRole('alert').filter({ hasText: /\b2 to 16\b/ }),
    'the range is given at the field',
  ).toBeVisible();
  await expect(features, 'the field is marked invalid').toHaveAttribute('aria-invalid', 'true');
  await expect(lab.getByText('The lab is paused: fix the field marked above.')).toBeVisible();
  await features.fill('8');
  await expect(result, 'a fixed field resumes the lab').toBeVisible();
  expect(await textWithTex(result), 'at the same batch size').toMatch(/^At \$B\$ = 64, batch means land/);
  await expectNoBrokenNumbers(lab);
  await expectNoHorizontalOverflow(page);
  await expectNoSeriousA11yViolations(page, [fold]);
});
