import { readFileSync } from 'node:fs';
import { expectNoSeriousA11yViolations } from './a11y';
import { expect, test } from './fixtures';

const multipleChoice = 'cs230-fall-2021-midterm/multiple-choice/';
const shortAnswers = 'cs230-fall-2021-midterm/short-answers/';

test.describe('practice on a problem page', () => {
  test('multiple choice: wrong then right, per-option feedback, solution stays closed', async ({ page }) => {
    await page.goto(multipleChoice);
    const part = page.locator('section.part', { has: page.locator('[id="1h"]') });
    const answer = part.getByRole('group', { name: 'Your answer to 1(h)' });
    await expect(answer, '1(h) offers its options as checkboxes').toBeVisible();
    await expect(answer.getByRole('checkbox'), 'one checkbox per option').toHaveCount(4);
    const option = (id: string) => answer.getByRole('checkbox', { name: new RegExp(`^\\(${id}\\) `) });
    const result = part.getByRole('status');

    await option('ii').check();
    await part.getByRole('button', { name: 'Check answer' }).click();
    await expect(result, 'says what is wrong per option, and the points').toHaveText(
      'Not quite: (i) is also correct; (ii) is not; (iii) is also correct. 0 of 2 points.',
    );
    const solution = part.locator('details.solution');
    await expect(solution, 'the solution exists').toHaveCount(1);
    await expect(solution, 'checking does not open the solution').not.toHaveAttribute('open');
    await expect(
      part.getByRole('link', { name: 'Show solution' }),
      'a link to the solution sits beside the result',
    ).toBeVisible();

    await option('ii').uncheck();
    await option('i').check();
    await part.getByRole('button', { name: 'Check answer' }).click();
    await expect(result, 'one of two correct options earns half').toHaveText(
      'Not quite: (iii) is also correct. 1 of 2 points.',
    );
    await option('iii').check();
    await part.getByRole('button', { name: 'Check answer' }).click();
    await expect(result, 'right answer').toHaveText('Correct. 2 of 2 points.');
    await expect(page.locator('[data-practice-score]'), 'the running score counts the part').toHaveText(
      '2 of 16 points, 1 of 8 parts answered.',
    );
    await expect(
      page.getByText(/each wrong option you tick takes one share away/),
      'the partial-credit rule is on the page',
    ).toHaveCount(1);
    await expectNoSeriousA11yViolations(page, [page.locator('[data-practice]'), part.locator('.practice-part')]);
  });

  test('numbers: a malformed entry is explained, not counted; self-grading; all kept after reload', async ({
    page,
  }) => {
    await page.goto(shortAnswers);
    const partA = page.locator('section.part', { has: page.locator('[id="2a"]') });
    const field = partA.getByRole('textbox', { name: 'Your answer' });
    await field.fill('abc');
    await partA.getByRole('button', { name: 'Check answer' }).click();
    await expect(field, 'marked invalid').toHaveAttribute('aria-invalid', 'true');
    await expect(field, 'the format message describes the field').toHaveAccessibleDescription(
      /“abc” is not a number\. Enter a number such as 42/,
    );
    await expect(page.locator('[data-practice-score]'), 'a malformed entry is not an attempt').toHaveText(
      '0 of 16 points, 0 of 4 parts answered.',
    );
    await field.fill(' 59 ');
    await field.press('Enter');
    await expect(field, 'valid again').toHaveAttribute('aria-invalid', 'false');
    await expect(partA.getByRole('status'), 'graded, with the accepted range in words').toHaveText(
      'Correct. 4 of 4 points. Accepted: only the exact value.',
    );

    const partB = page.locator('section.part', { has: page.locator('[id="2b"]') });
    const selfGrade = partB.getByRole('group', { name: 'How did you do on 2(b)?' });
    const hiddenSelfGrade = partB.getByRole('group', { name: 'How did you do on 2(b)?', includeHidden: true });
    await expect(hiddenSelfGrade, 'the self-grade exists').toHaveCount(1);
    await expect(hiddenSelfGrade, 'but only after the solution is revealed').toBeHidden();
    await partB.getByText('Reveal solution').click();
    await selfGrade.getByRole('radio', { name: 'Partly' }).check();
    await expect(partB.getByRole('status'), 'half points for Partly').toHaveText('Marked “Partly”: 2 of 4 points.');
    await expect(page.locator('[data-practice-score]')).toHaveText('6 of 16 points, 2 of 4 parts answered.');

    await page.reload();
    await expect(field, 'the typed answer is kept after reload').toHaveValue(' 59 ');
    await expect(partA.getByRole('status'), 'and its result').toHaveText(
      'Correct. 4 of 4 points. Accepted: only the exact value.',
    );
    await expect(selfGrade.getByRole('radio', { name: 'Partly' }), 'the self-grade is kept').toBeChecked();
    await expect(page.locator('[data-practice-score]'), 'the score is kept').toHaveText(
      '6 of 16 points, 2 of 4 parts answered.',
    );
    await expectNoSeriousA11yViolations(page, [partA.locator('.practice-part'), partB.locator('.practice-part')]);
  });

  test('export, reset (asks first), then import restores progress', async ({ page }, testInfo) => {
    await page.goto(multipleChoice);
    const part = page.locator('section.part', { has: page.locator('[id="1a"]') });
    const tick = part.getByRole('checkbox', { name: /^\(i\) / });
    const top = () => tick.evaluate((box) => box.getBoundingClientRect().top + window.scrollY);
    const before = await top();
    await tick.check();
    await part.getByRole('button', { name: 'Check answer' }).click();
    const score = page.locator('[data-practice-score]');
    await expect(score).toHaveText('2 of 16 points, 1 of 8 parts answered.');
    expect(await top(), 'practice starting up moves nothing under the reader’s pointer').toBe(before);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export progress' }).click();
    const file = testInfo.outputPath('progress.json');
    await (await download).saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8')), 'the export holds the answer by option id').toMatchObject({
      version: 1,
      exam: 'cs230-fall-2021-midterm',
      answers: { '1a': { kind: 'choices', selected: ['i'], earned: 2 } },
    });

    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: 'Reset progress' }).click();
    await expect(score, 'dismissing the question keeps progress').toHaveText('2 of 16 points, 1 of 8 parts answered.');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Reset progress' }).click();
    await expect(score, 'reset after confirming').toHaveText('0 of 16 points, 0 of 8 parts answered.');
    await expect(part.getByRole('checkbox', { name: /^\(i\) / }), 'the ticks are cleared').not.toBeChecked();

    await page
      .getByLabel('Import progress')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{oops') });
    await expect(
      page.getByText('Nothing imported: Saved progress was unreadable'),
      'a bad file is refused with a message',
    ).toBeVisible();
    await page.getByLabel('Import progress').setInputFiles(file);
    await expect(score, 'import restores the score').toHaveText('2 of 16 points, 1 of 8 parts answered.');
    await expect(part.getByRole('checkbox', { name: /^\(i\) / }), 'and the ticks').toBeChecked();
    await expect(page.getByText('nothing leaves your device'), 'the page says progress stays local').toBeVisible();

    await page.goto('cs230-fall-2021-midterm/');
    await expect(
      page.getByText('Your progress: 2 of 102 points, 1 of 29 parts answered.'),
      'the exam page totals it',
    ).toBeVisible();
    const row = page.locator('[data-practice-summary]').getByRole('row', { name: /^1\. Multiple Choice/ });
    await expect(row, 'per problem').toContainText('2 of 16');
    await expect(row.getByRole('link', { name: '1(b)' }), 'what is left links to the part').toHaveAttribute(
      'href',
      /multiple-choice\/#1b$/,
    );
    await expect(row.getByRole('link', { name: '1(a)' }), 'a done part is not left').toHaveCount(0);
    await page.goto('./');
    await expect(
      page.getByRole('listitem').filter({ hasText: '2 of 102 points, 1 of 29 parts answered' }),
      'the home page shows each exam’s progress',
    ).toHaveCount(1);
  });

  test('corrupt saved progress is discarded with a message, not a crash', async ({ page }) => {
    await page.goto(multipleChoice);
    await page.evaluate(() => localStorage.setItem('study-guide:practice:cs230-fall-2021-midterm', '{"version":1,'));
    await page.reload();
    await expect(page.getByText('Saved progress was unreadable (not JSON) and has been discarded.')).toBeVisible();
    await expect(page.locator('[data-practice-score]')).toHaveText('0 of 16 points, 0 of 8 parts answered.');
  });

  test('the fixture exam is practised from its content alone', async ({ page }) => {
    test.skip(!process.env['E2E_FIXTURE_EXAM'], 'the fixture exam is only in the end-to-end build');
    await page.goto('tiny-test-exam/warm-up/');
    const part = page.locator('section.part', { has: page.locator('[id="1a"]') });
    await part.getByRole('checkbox', { name: /^\(ii\) / }).check();
    await part.getByRole('button', { name: 'Check answer' }).click();
    await expect(part.getByRole('status')).toHaveText('Correct. 2 of 2 points.');
    await expect(page.locator('[data-practice-score]')).toHaveText('2 of 4 points, 1 of 2 parts answered.');
  });
});

test.describe('practice without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('no practice controls, and no answer key in the page', async ({ page }) => {
    await page.goto(multipleChoice);
    const panel = page.locator('[data-practice]');
    await expect(panel, 'the practice panel is in the HTML').toHaveCount(1);
    await expect(panel, 'but hidden').toBeHidden();
    await expect(page.getByRole('checkbox'), 'no checkboxes').toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Check answer' })).toHaveCount(0);
    const html = await page.content();
    expect(html, 'the keys are not in the page').not.toContain('"correct"');
  });
});
