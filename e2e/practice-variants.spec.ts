import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { expect, expectNoHorizontalOverflow, test } from './fixtures';
import type { PracticePageData } from '../src/practice/page-data';
import { formatVariantAnswer, variantGenerator, type Variant } from '../src/practice/variants';

const shortAnswers = 'cs230-fall-2021-midterm/short-answers/';
const examQuestion = 'A 2-layer neural network that has 7 neurons in the first layer and 3 neurons';

/** The expected variant, from the page's own data and the same pure model the page uses. */
async function expectedVariant(page: Page, anchor: string, seed: number): Promise<Variant> {
  const data = JSON.parse((await page.locator('#practice-data').textContent()) ?? 'null') as PracticePageData;
  const pageVariant = data.variants[anchor];
  if (!pageVariant) throw new Error(`the page carries no new numbers for ${anchor}`);
  const setup = variantGenerator(pageVariant);
  if (!setup.ok) throw new Error(setup.message);
  return setup.generate(seed);
}

/** The seed of `anchor` in the address, e.g. 1234 in "?variant=2a-1234". */
function seedInAddress(page: Page, anchor: string): number {
  const value = new URL(page.url()).searchParams.getAll('variant').find((entry) => entry.startsWith(`${anchor}-`));
  expect(value, `the address keeps the variant of ${anchor}`).toBeDefined();
  return Number(value?.slice(anchor.length + 1));
}

test.describe('new numbers', () => {
  test.describe('with a fixed random seed (an init script)', () => {
    test.use({ isolatedPage: true });
    test('2(a): new numbers from a seed kept in the address, checked exactly, never scored, same after reload; back to the exam’s numbers', async ({
      page,
    }) => {
      // The next seed is the one unseeded choice on the page: fixed here, so the run is reproducible.
      await page.addInitScript(() => {
        const fixed = (array: Uint32Array) => {
          array[0] = 1233;
          return array;
        };
        Object.defineProperty(crypto, 'getRandomValues', { value: fixed });
      });
      await page.goto(shortAnswers);
      const part = page.locator('section.part', { has: page.locator('[id="2a"]') });
      const score = page.locator('[data-practice-score]');
      await expect(part.getByText(examQuestion), 'the exam’s question first').toBeVisible();

      await part.getByRole('button', { name: 'New numbers' }).click();
      await expect(page, 'the seed is in the address').toHaveURL(/\?variant=2a-1234#2a$/);
      const variant = await expectedVariant(page, '2a', seedInAddress(page, '2a'));
      const question = part.locator('.practice-variant-question');
      await expect(question, 'the drawn question replaces the exam’s, with its seed').toContainText(
        `New numbers · seed 1234 · practice only, not scored${variant.question}`,
      );
      await expect(question, 'and takes the focus, so it is read out').toBeFocused();
      await expect(part.getByText(examQuestion), 'the exam’s numbers are set aside').toBeHidden();
      await expect(
        part.getByRole('textbox', { name: 'Your answer', exact: true }),
        'so is the official field',
      ).toBeHidden();

      const field = part.getByRole('textbox', { name: 'Your answer for these numbers' });
      const result = part.locator('.practice-variant-result');
      await field.fill('lots');
      await field.press('Enter');
      await expect(field, 'a malformed entry is explained').toHaveAccessibleDescription(/“lots” is not a number/);
      const answer = variant.answer.kind === 'number' ? variant.answer.value : Number.NaN;
      await field.fill(String(answer + 1));
      await part.getByRole('button', { name: 'Check answer' }).click();
      await expect(result, 'a wrong count').toHaveText(
        'Not correct. Try again, or show the answer for these numbers below.',
      );
      await field.fill(String(answer));
      await field.press('Enter');
      await expect(result, 'the count of the pure model').toHaveText('Correct. Practice only: not scored.');
      await expect(score, 'the official score is untouched').toHaveText(
        /^(not started\.|0 of 16 points, 0 of 4 parts answered\.)$/,
      );
      const saved = await page.evaluate(() => localStorage.getItem('study-guide:practice:cs230-fall-2021-midterm'));
      expect(saved ?? '', 'nothing about the variant is saved').not.toContain('"2a"');
      await part.getByText('Show the answer for these numbers').click();
      await expect(
        part.getByText(`Answer: ${formatVariantAnswer(variant.answer)}`, { exact: true }),
        'the answer and its working, on request',
      ).toBeVisible();
      await expectNoSeriousA11yViolations(page, [part.locator('.practice-part'), question]);

      await page.setViewportSize({ width: 360, height: 800 });
      await expectNoHorizontalOverflow(page);
      await field.scrollIntoViewIfNeeded();
      await expect(field, 'the field fits a phone').toBeInViewport({ ratio: 1 });

      await page.reload();
      await expect(part.locator('.practice-variant-question'), 'a reload shows the same numbers').toContainText(
        `seed 1234 · practice only, not scored${variant.question}`,
      );

      // From the keyboard: a click here once did nothing in a loaded run (button in place, seed
      // unchanged), most likely aimed before the reload's scroll position was restored.
      await part.getByRole('button', { name: 'New numbers' }).press('Enter');
      await expect(page, 'pressing again never repeats the seed').toHaveURL(/\?variant=2a-1235#2a$/);
      const next = await expectedVariant(page, '2a', 1235);
      await expect(part.locator('.practice-variant-question')).toContainText(next.question);

      await part.getByRole('button', { name: 'Back to the exam’s numbers' }).click();
      await expect(part.getByText(examQuestion), 'the exam’s question is back').toBeVisible();
      await expect(part.locator('.practice-variant-question'), 'the drawn one is gone').toHaveCount(0);
      await expect(part.getByRole('textbox', { name: 'Your answer', exact: true }), 'with its field').toBeVisible();
      await expect(part.getByRole('button', { name: 'New numbers' }), 'the focus stays in the box').toBeFocused();
      expect(new URL(page.url()).search, 'the address drops the variant').toBe('');
    });
  });

  test('1(g) and Problem 5 from shared links: a shape answer, a whole network; a bad link is explained', async ({
    page,
  }) => {
    await page.goto('cs230-fall-2021-midterm/multiple-choice/?variant=1g-42');
    const partG = page.locator('section.part', { has: page.locator('[id="1g"]') });
    const conv = await expectedVariant(page, '1g', 42);
    await expect(partG.locator('.practice-variant-question')).toContainText(conv.question);
    await expect(
      partG.getByRole('group', { name: 'Your answer to 1(g)' }),
      'the options belong to the exam’s numbers',
    ).toBeHidden();
    const shapeField = partG.getByRole('textbox', { name: 'Your answer for these numbers' });
    await expect(shapeField, 'the field says how to write a shape').toHaveAccessibleDescription(
      'Write the shape as height × width × channels, e.g. 8 x 8 x 16.',
    );
    const volume = conv.answer.kind === 'shape' ? conv.answer.volume : { h: 0, w: 0, c: 0 };
    await shapeField.fill(`${volume.h} x ${volume.w} x ${volume.c + 1}`);
    await shapeField.press('Enter');
    await expect(partG.locator('.practice-variant-result')).toHaveText(/^Not correct\./);
    await shapeField.fill(`(${volume.h}, ${volume.w}, ${volume.c})`);
    await shapeField.press('Enter');
    await expect(partG.locator('.practice-variant-result')).toHaveText('Correct. Practice only: not scored.');

    await page.goto('cs230-fall-2021-midterm/cnns/?variant=5table-7');
    const table = page.locator('section.part', { has: page.locator('[id="5table"]') });
    const cnn = await expectedVariant(page, '5table', 7);
    const drawn = table.locator('.practice-variant-question');
    await expect(drawn.getByRole('listitem'), 'the network’s layers with their new counts').toHaveText(cnn.layers);
    const examTable = table.getByRole('table', { name: 'Your answers to Problem 5', includeHidden: true });
    await expect(examTable, 'the answer table for the exam’s numbers exists').toHaveCount(1);
    await expect(examTable, 'but is set aside while new numbers are shown').toBeHidden();
    const total = table.getByRole('textbox', { name: 'Your answer for these numbers' });
    await total.fill(cnn.answer.kind === 'number' ? cnn.answer.value.toLocaleString('en-US') : '');
    await total.press('Enter');
    await expect(table.locator('.practice-variant-result')).toHaveText('Correct. Practice only: not scored.');

    await page.goto(`${shortAnswers}?variant=2a-x&variant=9z-1`);
    await expect(page.locator('[data-practice-message]'), 'a link the page cannot show is explained').toHaveText(
      'This address asks for new numbers the page cannot show (“2a-x” is not a part and a seed such as 2a-1234; 9z has no new numbers on this page); those parts keep the exam’s numbers.',
    );
    await expect(page.getByText(examQuestion), 'and the exam’s numbers stay').toBeVisible();
  });
});

test.describe('new numbers without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the exam’s numbers and no practice controls, whatever the address asks', async ({ page }) => {
    await page.goto(`${shortAnswers}?variant=2a-1234`);
    await expect(page.getByText(examQuestion)).toBeVisible();
    await expect(page.getByRole('button', { name: 'New numbers' })).toHaveCount(0);
  });
});
