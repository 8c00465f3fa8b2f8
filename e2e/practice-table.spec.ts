import { expectNoSeriousA11yViolations } from './a11y';
import { expect, expectNoHorizontalOverflow, test } from './fixtures';

const cnns = 'cs230-fall-2021-midterm/cnns/';

/** The exam's own table (Problem 5), as a student might type it: mixed formats, all right. */
const right: Array<[string, string]> = [
  ['126x126x8', '1208'],
  ['126 × 126 × 8', '0'],
  ['(126, 126, 16)', '1,168'],
  ['63x63x16', '0'],
  ['64 x 64 x 64', '4160'],
  ['64x64x32', '2,080'],
  ['32x32x32', '0'],
  ['16x16x32', '0'],
  ['8192', '0'],
  ['27', '221,211'],
];
const rows = [
  'CONV5-8',
  'ReLU',
  'CONV3-16',
  'POOL-2',
  'CONV2-64',
  'CONV1-32 with padding 0',
  'POOL-2',
  'POOL-2',
  'FLATTEN',
  'FC-27',
];

test.describe('practice on a table part', () => {
  test('Problem 5: every cell graded, wrong cells named without their answers, points per cell, kept after reload', async ({
    page,
  }) => {
    await page.goto(cnns);
    const part = page.locator('section.part', { has: page.locator('[id="5table"]') });
    const table = part.getByRole('table', { name: 'Your answers to Problem 5' });
    await expect(table, 'one field per cell: a volume and a parameter count per layer').toBeVisible();
    await expect(table.getByRole('textbox')).toHaveCount(20);
    await expect(
      part.getByText('21 points over 20 cells: 1.05 per correct cell.'),
      'the share is stated',
    ).toBeVisible();
    const cell = (row: number, column: 'volume' | 'parameters') =>
      table.getByRole('textbox', { name: `${rows[row - 1] ?? ''} (layer ${row}): ${column}`, exact: true });

    // All right but two: CONV3-16's count and the second POOL-2's volume.
    const typed = right.map(([volume, params], index) =>
      index === 2 ? [volume, '1,186'] : index === 6 ? ['(31, 31, 32)', params] : [volume, params],
    );
    for (const [index, [volume = '', params = '']] of typed.entries()) {
      await cell(index + 1, 'volume').fill(volume);
      await cell(index + 1, 'parameters').fill(params);
    }
    await part.getByRole('button', { name: 'Check answer' }).click();
    const result = part.locator('.practice-official').getByRole('status');
    const verdict =
      'Not quite: 18 of 20 cells right. Wrong: CONV3-16 (layer 3): parameters; POOL-2 (layer 7): volume. 18.9 of 21 points.';
    await expect(result, 'which cells are wrong, and 18 × 1.05 points').toHaveText(verdict);
    await expect(result, 'never the right count').not.toContainText('1,168');
    const score = page.locator('[data-practice-score]');
    await expect(score, 'the part’s points count in the score').toHaveText('18.9 of 21 points, 1 of 1 parts answered.');
    await expect(part.locator('details.solution'), 'checking does not open the solution').not.toHaveAttribute('open');

    await cell(2, 'volume').fill('sixty');
    await cell(2, 'volume').press('Enter');
    await expect(cell(2, 'volume'), 'an unreadable cell is marked').toHaveAttribute('aria-invalid', 'true');
    await expect(cell(2, 'volume'), 'and told why').toHaveAccessibleDescription(
      /^Not checked: ReLU \(layer 2\), volume: “sixty” is neither a volume nor a number\./,
    );
    await expect(score, 'an unreadable table is not an attempt').toHaveText(
      '18.9 of 21 points, 1 of 1 parts answered.',
    );
    await cell(2, 'volume').fill('126x126x8');
    await expectNoSeriousA11yViolations(page, [part.locator('.practice-part')]);

    await page.reload();
    await expect(cell(3, 'parameters'), 'every cell is kept after reload').toHaveValue('1,186');
    await expect(cell(7, 'volume')).toHaveValue('(31, 31, 32)');
    await expect(cell(10, 'parameters')).toHaveValue('221,211');
    await expect(result, 'with its result').toHaveText(verdict);
    await expect(score, 'and the score').toHaveText('18.9 of 21 points, 1 of 1 parts answered.');

    await cell(3, 'parameters').fill('1168');
    await cell(7, 'volume').fill('32 x 32 x 32');
    await part.getByRole('button', { name: 'Check answer' }).click();
    await expect(result, 'all right').toHaveText('Correct: all 20 cells. 21 of 21 points.');
  });

  test('the table fits a 360 px screen, scrolling inside a box the keyboard can reach', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(cnns);
    const region = page.getByRole('region', { name: 'Answer table for Problem 5' });
    await expect(region).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await region.focus();
    await expect(region, 'the scrolling box takes the focus').toBeFocused();
  });

  test('1(g): the computed key still marks (iii) correct', async ({ page }) => {
    await page.goto('cs230-fall-2021-midterm/multiple-choice/');
    const part = page.locator('section.part', { has: page.locator('[id="1g"]') });
    const answer = part.getByRole('group', { name: 'Your answer to 1(g)' });
    await answer.getByRole('checkbox', { name: /^\(iv\) / }).check();
    await part.getByRole('button', { name: 'Check answer' }).click();
    const result = part.locator('.practice-official').getByRole('status');
    await expect(result, '(iv) is wrong').toHaveText('Not quite: (iii) is also correct; (iv) is not. 0 of 2 points.');
    await answer.getByRole('checkbox', { name: /^\(iv\) / }).uncheck();
    await answer.getByRole('checkbox', { name: /^\(iii\) / }).check();
    await part.getByRole('button', { name: 'Check answer' }).click();
    await expect(result).toHaveText('Correct. 2 of 2 points.');
  });
});

test.describe('a table part without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('no answer table, and no key in the page', async ({ page }) => {
    await page.goto(cnns);
    await expect(page.getByRole('table', { name: 'Your answers to Problem 5' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Check answer' })).toHaveCount(0);
    expect(await page.content(), 'the cells’ keys are not in the page').not.toContain('"cells"');
  });
});
