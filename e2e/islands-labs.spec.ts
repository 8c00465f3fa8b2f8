import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { expect, test } from './fixtures';

/**
 * Opens the folded lab (it would otherwise give answers away), scrolls it into view (islands
 * hydrate with client:visible) and waits until its island has hydrated.
 */
async function openLab(page: Page, path: string, name: string): Promise<Locator> {
  await page.goto(path);
  const fold = page.locator('details.lab');
  await expect(fold, 'the lab starts folded').not.toHaveAttribute('open');
  await fold.locator(':scope > summary').click();
  const lab = page.getByRole('region', { name });
  await lab.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island').filter({ has: lab })).not.toHaveAttribute('ssr');
  return lab;
}

/** The number after "Largest relative error" in the summary of one gradient. */
async function largestRelativeError(lab: Locator, gradient: string): Promise<number> {
  const summary = lab.locator('p', { hasText: `${gradient} (` }).filter({ hasText: 'Largest relative error' });
  const text = await summary.textContent();
  const match = /Largest relative error (\S+) at entry/.exec(text ?? '');
  expect(match, `summary of ${gradient}: "${text}"`).not.toBeNull();
  return Number(match?.[1]);
}

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'the page must not scroll sideways').toBeLessThanOrEqual(0);
}

test.describe('gradient check lab (Problem 4)', () => {
  const path = 'cs230-fall-2021-midterm/backpropagation/#4vi';
  const name = 'Gradient check lab';

  test('passes for the official formula and fails for wrong ones', async ({ page }) => {
    const lab = await openLab(page, path, name);
    await lab.getByLabel('Hidden units').fill('5');
    await expect(lab.getByText('∂L/∂W[1] (5 × 3): passes.')).toBeVisible();
    expect(await largestRelativeError(lab, '∂L/∂W[1]'), 'official ∂L/∂W[1]').toBeLessThan(1e-6);
    expect(await largestRelativeError(lab, '∂L/∂b[1]'), 'official ∂L/∂b[1]').toBeLessThan(1e-6);

    await lab.getByText('Formulas to check').click();
    const formula = lab.getByLabel('Use a wrong formula');
    await formula.selectOption({ label: 'Drop the element-wise product' });
    await expect(lab.getByText('∂L/∂W[1] (5 × 3): fails.')).toBeVisible();
    expect(await largestRelativeError(lab, '∂L/∂W[1]'), 'wrong formula ∂L/∂W[1]').toBeGreaterThan(1e-2);

    await formula.selectOption({ label: 'Forget the transpose' });
    await expect(lab.getByText(/shape mismatch: W2 is K×D_a \(3×5\), cannot multiply by δ0/)).toBeVisible();

    await expect(page.locator('body')).not.toContainText('NaN');
  });

  test('gives a message at the field for out-of-range input', async ({ page }) => {
    const lab = await openLab(page, path, name);
    const beta = lab.getByLabel('Beta');
    await beta.fill('0');
    await expect(beta).toHaveAttribute('aria-invalid', 'true');
    await expect(lab.getByRole('alert').filter({ hasText: 'Enter a number from 0.1 to 100.' })).toBeVisible();
    await expect(lab.getByText('The check is paused: fix the field marked above.')).toBeVisible();
    await beta.fill('100');
    await expect(lab.getByText('∂L/∂W[1] (4 × 3): passes.')).toBeVisible();
    await expect(page.locator('body')).not.toContainText('NaN');
  });

  test('fits 360 px and has no serious accessibility violations', async ({ page }) => {
    test.slow(); // axe-core over a page full of KaTeX takes a while
    await page.setViewportSize({ width: 360, height: 800 });
    await openLab(page, path, name);
    await expectNoHorizontalOverflow(page);
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe('normalization lab (Problem 6)', () => {
  const path = 'cs230-fall-2021-midterm/normalization-techniques/#6iv';
  const name = 'Batch size lab: batch norm versus layer norm';

  test('states what batch norm does with one sample and how the error shrinks with B', async ({ page }) => {
    const lab = await openLab(page, path, name);
    const batchSize = lab.getByRole('spinbutton', { name: 'Batch size' });
    await batchSize.fill('1');
    await expect(lab.getByText('With B = 1, batch norm erases the sample.')).toBeVisible();
    await expect(lab.getByText(/Here 8 of 8 outputs equal β = 0\.5/)).toBeVisible();

    await batchSize.fill('64');
    await expect(lab.getByText(/At B = 64, batch means land 0\.1\d σ from the population means/)).toBeVisible();
    await expect(lab.getByText('With B = 1, batch norm erases the sample.')).toHaveCount(0);
    await expect(
      lab.getByText(/Layer norm's output for every sample was the same .* \(largest change: 0\)/),
    ).toBeVisible();

    await lab.getByRole('spinbutton', { name: 'Features' }).fill('1');
    await expect(lab.getByRole('alert').filter({ hasText: 'Enter a whole number from 2 to 64.' })).toBeVisible();
    await expect(page.locator('body')).not.toContainText('NaN');
  });

  test('fits 360 px and has no serious accessibility violations', async ({ page }) => {
    test.slow(); // axe-core over a page full of KaTeX takes a while
    await page.setViewportSize({ width: 360, height: 800 });
    await openLab(page, path, name);
    await expectNoHorizontalOverflow(page);
    await expectNoSeriousA11yViolations(page);
  });
});
