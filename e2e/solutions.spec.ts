import { expect, test } from './fixtures';

const problem = 'cs230-fall-2021-midterm/weight-initialization/';

test.describe('solutions with JavaScript', () => {
  test('are hidden until the reader reveals one, and stay revealed during the visit @smoke', async ({ page }) => {
    await page.goto(problem);
    const solutionText = page.getByText('Neither. Having a lower variance');
    await expect(solutionText, 'the 3(e) answer is in the page').toHaveCount(1);
    await expect(solutionText, 'but hidden at first').toBeHidden();
    await page.locator('[id="3e"]').scrollIntoViewIfNeeded();
    await page.getByText('Reveal solution to 3(e)').click();
    await expect(solutionText, 'shown once revealed').toBeVisible();
    await page.reload();
    await expect(solutionText, 'remembered after reload in the same visit').toBeVisible();
  });

  test('show all and hide all work, with the keyboard too', async ({ page }) => {
    await page.goto(problem);
    const solutions = page.locator('details[data-solution]');
    await expect(solutions, 'the five solutions of Problem 3').toHaveCount(5);
    await page.getByRole('button', { name: 'Show all solutions' }).click();
    for (const solution of await solutions.all())
      await expect(solution, 'Show all opens every solution').toHaveAttribute('open', '');
    await page.getByRole('button', { name: 'Hide all solutions' }).focus();
    await page.keyboard.press('Enter');
    for (const solution of await solutions.all())
      await expect(solution, 'Hide all closes every solution').not.toHaveAttribute('open');
    await solutions.first().locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(solutions.first(), 'Enter on a summary opens its solution').toHaveAttribute('open', '');
  });

  test('a deep link to a solution opens it', async ({ page }) => {
    await page.goto(`${problem}#3d-solution`);
    await expect(page.locator('[id="3d-solution"]'), 'the linked solution is open').toBeVisible();
    await expect(page.locator('[id="3d-solution"]'), 'and scrolled to').toBeInViewport();
    const other = page.locator('details', { has: page.locator('[id="3c-solution"]') });
    await expect(other, 'another solution is on the page').toHaveCount(1);
    await expect(other, 'and stays closed').not.toHaveAttribute('open');
  });

  test('printing shows only revealed solutions', async ({ page }) => {
    await page.goto(problem);
    await page.getByText('Reveal solution to 3(a)').click();
    await page.emulateMedia({ media: 'print' });
    const revealed = page.locator('details', { has: page.locator('[id="3a-solution"]') });
    const unrevealed = page.locator('details', { has: page.locator('[id="3b-solution"]') });
    await expect(revealed, 'a revealed solution prints').toBeVisible();
    await expect(unrevealed, 'an unrevealed solution is in the page').toHaveCount(1);
    await expect(unrevealed, 'but leaves no trace in print').toBeHidden();
    const header = page.getByRole('banner', { includeHidden: true });
    await expect(header, 'the site header is in the page').toHaveCount(1);
    await expect(header, 'but not printed').toBeHidden();
  });
});

test.describe('solutions without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every page is readable and each solution opens with a click', async ({ page }) => {
    await page.goto('cs230-fall-2021-midterm/cnns/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Problem 5: CNNs');
    const solution = page.locator('details[data-solution]').first();
    const answer = page.getByText('(8192 + 1)*27 = 221211');
    await expect(solution, 'the problem has a solution').toHaveCount(1);
    await expect(solution, 'closed at first').not.toHaveAttribute('open');
    await expect(answer, 'the answer is in the page').toHaveCount(1);
    await expect(answer, 'but hidden').toBeHidden();
    await solution.locator('summary').click();
    await expect(solution, 'a click opens it').toHaveAttribute('open', '');
    await expect(answer, 'and shows the answer').toBeVisible();
    const controls = page.getByRole('button', { name: 'Show all solutions', includeHidden: true });
    await expect(controls, 'the Show all button is in the page').toHaveCount(1);
    await expect(controls, 'but hidden, since it needs JavaScript').toBeHidden();
  });

  test('a deep link to a solution still opens it', async ({ page }) => {
    await page.goto(`${problem}#3b-solution`);
    await expect(page.locator('[id="3b-solution"]')).toBeVisible();
  });
});
