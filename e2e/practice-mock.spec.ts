import { expectNoSeriousA11yViolations } from './a11y';
import { expect, test } from './fixtures';

const exam = 'cs230-fall-2021-midterm/';

test.describe('mock exam', () => {
  test('a whole mock exam: right, wrong and unanswered parts, flags, review, exact total, history', async ({
    page,
  }) => {
    await page.goto(exam);
    await page.getByRole('link', { name: 'Start a mock exam' }).click();
    await expect(page.getByLabel('Minutes'), 'the duration defaults to the exam’s').toHaveValue('180');
    await page.getByRole('button', { name: 'Start the mock exam' }).click();
    await expect(page.getByRole('timer'), 'the timer shows the time left').toHaveText(
      /^Time left: (3:00:00|2:59:5\d)$/,
    );
    await expect(page.locator('details.solution'), 'no solutions during the exam').toHaveCount(0);
    const tools = page.locator('astro-island');
    await expect(tools, 'the calculators of 1(g) and 2(a) are in the content…').toHaveCount(2);
    for (const tool of await tools.all()) {
      await expect(tool, '…but hidden during the exam').toBeHidden();
      await expect(tool, 'and never started').toHaveAttribute('ssr');
    }
    await expect(
      page.getByText('For a whole network, see the CNN calculator'),
      'with their wrapping text',
    ).toBeHidden();

    await page
      .getByRole('group', { name: 'Your answer to 1(a)' })
      .getByRole('checkbox', { name: /^\(i\) / })
      .check();
    await page
      .getByRole('group', { name: 'Your answer to 1(h)' })
      .getByRole('checkbox', { name: /^\(ii\) / })
      .check();
    await page.getByRole('checkbox', { name: 'Flag 1(h) for review' }).check();
    await page.getByRole('textbox', { name: 'Your answer to 2(a)' }).fill('59');
    const table = page.getByRole('table', { name: 'Your answers to Problem 5' });
    await table.getByRole('textbox', { name: 'CONV5-8 (layer 1): volume', exact: true }).fill('126x126x8');
    await table.getByRole('textbox', { name: 'CONV5-8 (layer 1): parameters', exact: true }).fill('1,208');
    await table.getByRole('textbox', { name: 'ReLU (layer 2): volume', exact: true }).fill('1x1x1');
    await expect(page.getByRole('button', { name: 'Check answer' }), 'no feedback during the exam').toHaveCount(0);

    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Your answer to 2(a)' }), 'a reload keeps the answers').toHaveValue(
      '59',
    );
    await expect(page.getByRole('checkbox', { name: 'Flag 1(h) for review' }), 'and the flags').toBeChecked();
    await expect(
      table.getByRole('textbox', { name: 'CONV5-8 (layer 1): parameters', exact: true }),
      'and the table’s cells',
    ).toHaveValue('1,208');

    await page.getByRole('button', { name: 'Review and submit' }).first().click();
    const reviewScreen = page.locator('[data-mock-review-screen]');
    await expect(reviewScreen.getByRole('heading', { name: 'Flagged for review (1)' })).toBeVisible();
    await expect(
      reviewScreen.getByRole('link', { name: '1(h)' }),
      'the flagged part is listed, and not as unanswered',
    ).toHaveCount(1);
    await expect(reviewScreen.getByRole('heading', { name: /^Unanswered \(\d+\)$/ })).toBeVisible();
    await expect(reviewScreen.getByRole('link', { name: '1(a)' }), 'an answered part is not unanswered').toHaveCount(0);
    await expectNoSeriousA11yViolations(page, [reviewScreen]);
    await page.getByRole('button', { name: 'Submit exam' }).click();

    const results = page.locator('[data-mock-results]');
    // 1(a) right: 2; 1(h) one wrong option: 0; 2(a) 59: 4; Problem 5 two right cells of 20 (one
    // wrong): 2 × 21/20 = 2.1; everything else unanswered.
    await expect(results.getByText('Total: 8.1 of 102 points'), 'the total is exact').toBeVisible();
    await expect(results.getByRole('row', { name: /^5\. CNNs/ })).toContainText('2.1 of 21');
    await expect(results.getByRole('row', { name: /^1\. Multiple Choice/ })).toContainText('2 of 16');
    await expect(results.getByRole('row', { name: /^2\. Short Answers/ })).toContainText('4 of 16');
    await expect(
      results.getByRole('link', { name: 'Solution to 1(h)' }),
      'each part links to its solution',
    ).toHaveAttribute('href', /multiple-choice\/#1h-solution$/);
    await results.getByRole('group', { name: 'Mark 2(b) yourself' }).getByRole('radio', { name: 'Got it' }).check();
    await expect(results.getByText('Total: 12.1 of 102 points'), 'self-marking adds its points').toBeVisible();
    await expectNoSeriousA11yViolations(page, [results]);

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Earlier attempts' })).toBeVisible();
    await expect(page.getByText(/: 12\.1 of 102 points$/), 'the attempt is in the history with its date').toHaveText(
      /^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}: 12\.1 of 102 points$/,
    );
  });

  test.describe('on a fake clock', () => {
    test.use({ isolatedPage: true });
    test('the timer announces 1 minute left, then time runs out and the exam is submitted', async ({ page }) => {
      await page.clock.install({ time: new Date('2026-06-01T09:00:00Z') });
      await page.goto(`${exam}mock/`);
      // Frozen, so only runFor moves time and the marks are crossed exactly when the test says.
      await page.clock.pauseAt(new Date('2026-06-01T09:00:10Z'));
      await page.getByLabel('Minutes').fill('2');
      await page.getByRole('button', { name: 'Start the mock exam' }).click();
      await page.getByRole('textbox', { name: 'Your answer to 2(a)' }).fill('59');
      await expect(page.getByRole('timer')).toHaveText('Time left: 2:00');
      const announce = page.locator('[data-mock-announce]');
      await expect(announce, 'the announcer exists').toHaveCount(1);
      await expect(announce, 'silent before a mark').toHaveText('');
      await page.clock.runFor(30_000);
      await expect(announce, 'not every second').toHaveText('');
      await page.clock.runFor(31_000);
      await expect(announce, 'warned at 1 minute left').toHaveText(
        '1 minute left: the exam is submitted when time runs out.',
      );
      await page.clock.runFor(60_000);
      const results = page.locator('[data-mock-results]');
      await expect(results.getByRole('alert'), 'says time ran out').toHaveText(
        'Time is up: your answers were submitted.',
      );
      await expect(results.getByText('Total: 4 of 102 points')).toBeVisible();
    });
  });

  test('the time limit can be turned off', async ({ page }) => {
    await page.goto(`${exam}mock/`);
    await page.getByLabel('Use a time limit').uncheck();
    await expect(page.getByLabel('Minutes')).toBeDisabled();
    await page.getByRole('button', { name: 'Start the mock exam' }).click();
    await expect(page.getByRole('timer')).toHaveText('No time limit');
  });

  test('the fixture exam has a mock exam from content alone', async ({ page }) => {
    test.skip(!process.env['E2E_FIXTURE_EXAM'], 'the fixture exam is only in the end-to-end build');
    await page.goto('tiny-test-exam/mock/');
    await page.getByRole('button', { name: 'Start the mock exam' }).click();
    await page
      .getByRole('group', { name: 'Your answer to 1(a)' })
      .getByRole('checkbox', { name: /^\(ii\) / })
      .check();
    await page.getByRole('button', { name: 'Review and submit' }).first().click();
    await page.getByRole('button', { name: 'Submit exam' }).click();
    await expect(page.getByText('Total: 2 of 10 points')).toBeVisible();
  });
});

test.describe('mock exam without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the exam page offers no mock exam, and the mock page says it needs JavaScript', async ({ page }) => {
    await page.goto(exam);
    const link = page.locator('[data-mock-link]');
    await expect(link, 'the link is in the HTML').toHaveCount(1);
    await expect(link, 'but hidden').toBeHidden();
    await page.goto(`${exam}mock/`);
    await expect(page.getByText('The mock exam needs JavaScript.')).toBeVisible();
  });
});
