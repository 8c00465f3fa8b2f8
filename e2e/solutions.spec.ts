import { expect, test } from './fixtures';

const problem = 'cs230-fall-2021-midterm/weight-initialization/';

test.describe('solutions with JavaScript', () => {
  test('are hidden until the reader reveals one, and stay revealed during the visit @smoke', async ({ page }) => {
    await page.goto(problem);
    const solutionText = page.getByText('Neither. Having a lower variance');
    await expect(solutionText, '3(e) answer hidden at first').toBeHidden();
    await page.locator('[id="3e"]').scrollIntoViewIfNeeded();
    await page.getByText('Reveal solution to 3(e)').click();
    await expect(solutionText).toBeVisible();
    await page.reload();
    await expect(solutionText, 'remembered after reload in the same visit').toBeVisible();
    await expect(page.getByText('Var(σ(x))', { exact: false }).first()).toBeAttached();
  });

  test('show all and hide all work, with the keyboard too', async ({ page }) => {
    await page.goto(problem);
    const solutions = page.locator('details.solution');
    await expect(solutions).toHaveCount(5);
    await page.getByRole('button', { name: 'Show all solutions' }).click();
    for (const solution of await solutions.all()) await expect(solution).toHaveAttribute('open', '');
    await page.getByRole('button', { name: 'Hide all solutions' }).focus();
    await page.keyboard.press('Enter');
    for (const solution of await solutions.all()) await expect(solution).not.toHaveAttribute('open');
    await page.locator('details.solution summary').first().focus();
    await page.keyboard.press('Enter');
    await expect(solutions.first()).toHaveAttribute('open', '');
  });

  test('a deep link to a solution opens it', async ({ page }) => {
    await page.goto(`${problem}#3d-solution`);
    await expect(page.locator('[id="3d-solution"]')).toBeVisible();
    await expect(page.locator('[id="3d-solution"]')).toBeInViewport();
    await expect(page.locator('details[data-solution="3c"]')).not.toHaveAttribute('open');
  });

  test('printing shows only revealed solutions', async ({ page }) => {
    await page.goto(problem);
    await page.getByText('Reveal solution to 3(a)').click();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('details[data-solution="3a"]')).toBeVisible();
    await expect(page.locator('details[data-solution="3b"]'), 'an unrevealed solution leaves no trace in print').toBeHidden();
    await expect(page.locator('.site-header')).toBeHidden();
  });
});

test.describe('solutions without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every page is readable and each solution opens with a click', async ({ page }) => {
    await page.goto('cs230-fall-2021-midterm/cnns/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Problem 5: CNNs');
    const solution = page.locator('details.solution').first();
    await expect(solution).not.toHaveAttribute('open');
    await expect(page.getByText('221211').or(page.getByText('221,211')).first()).toBeHidden();
    await solution.locator('summary').click();
    await expect(solution).toHaveAttribute('open', '');
    await expect(page.getByRole('button', { name: 'Show all solutions' }), 'controls needing JS stay hidden').toBeHidden();
  });

  test('a deep link to a solution still opens it', async ({ page }) => {
    await page.goto(`${problem}#3b-solution`);
    await expect(page.locator('[id="3b-solution"]')).toBeVisible();
  });
});
