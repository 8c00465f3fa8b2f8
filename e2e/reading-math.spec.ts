import type { Page } from '@playwright/test';
import { expect, problemPaths, test } from './fixtures';

/**
 * Long display formulas never hide silently: each one either fits its column (shrunk a little if
 * needed) or scrolls inside a focusable box whose background draws a shadow on the edge with more.
 */

const figurePage = 'cs230-fall-2021-midterm/weight-initialization/';

/** What a reader sees of each display formula with a visible box on the page as it is now. */
function displayBoxes(page: Page) {
  return page.locator('.katex-display').evaluateAll((elements) =>
    elements
      .filter((element) => element.getBoundingClientRect().width > 0)
      .map((element) => {
        const style = getComputedStyle(element);
        return {
          text: (element.querySelector('.math-search-text')?.textContent ?? '').trim().slice(0, 40),
          overflows: element.scrollWidth > element.clientWidth + 1,
          focusable: element.getAttribute('tabindex') === '0',
          cue: style.backgroundImage.includes('radial-gradient') && style.backgroundAttachment.includes('local'),
          scrolls: style.overflowX === 'auto',
        };
      }),
  );
}

// Fitting runs on the next frame after a solution opens or the window is resized.
const nextFrames = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

test('at 360 px, and once widened to 1280 px, every display formula fits or scrolls in a focusable box with a scroll cue', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const checked = new Map<number, number>();
  for (const path of problemPaths) {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(path);
    await page.evaluate(() => {
      for (const details of document.querySelectorAll('details')) details.open = true;
    });
    // One load per page for both widths: a page load costs more than the checks.
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await nextFrames(page);
      const boxes = await displayBoxes(page);
      checked.set(width, (checked.get(width) ?? 0) + boxes.length);
      for (const box of boxes) {
        if (!box.overflows) continue;
        const where = `"${box.text}…" on "${path}" at ${width} px overflows`;
        expect(box.focusable, `${where}: its box is keyboard-focusable`).toBe(true);
        expect(box.scrolls, `${where}: its box scrolls`).toBe(true);
        expect(box.cue, `${where}: its box shows a scroll shadow`).toBe(true);
      }
    }
  }
  for (const width of [360, 1280])
    expect(checked.get(width), `display formulas were found to check at ${width} px`).toBeGreaterThan(20);
});

test('a slightly wide formula in a solution is shrunk to fit when the solution opens', async ({ page }) => {
  // Formulas in closed folds are left alone until opened (measuring them lays the fold out).
  await page.setViewportSize({ width: 412, height: 800 });
  await page.goto('cs230-fall-2021-midterm/short-answers/');
  const folded = page.locator('details .katex-display');
  await expect(folded.first(), 'the page has display formulas in folds').toBeAttached();
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
  await expect
    .poll(
      () =>
        folded.evaluateAll(
          (boxes) =>
            boxes.filter(
              (box) =>
                (box as HTMLElement).style.getPropertyValue('--math-scale') !== '' &&
                box.scrollWidth <= box.clientWidth + 1,
            ).length,
        ),
      { message: 'a formula in an opened solution is shrunk and fits' },
    )
    .toBeGreaterThan(0);
});

test('Figure 1 fits whole on a laptop, notes included', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(figurePage);
  const box = page.locator('#figure-1 .katex-display');
  await expect(box, 'Figure 1 is typeset').toHaveCount(1);
  await expect
    .poll(() => box.evaluate((element) => element.scrollWidth - element.clientWidth), {
      message: 'Figure 1 is shrunk to fit its box (once fitted)',
    })
    .toBeLessThanOrEqual(1);
  const fontSize = await box.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(fontSize, 'and stays readable (at least 0.75 of the text size)').toBeGreaterThanOrEqual(0.75 * 17 - 0.5);
  // The right-hand notes ("linearity of tanh", "variance of independent sum") lie inside the box.
  const cut = await box.evaluate((element) => {
    const right = element.getBoundingClientRect().right;
    return [...element.querySelectorAll('.katex-html *')].filter(
      (child) => child.getBoundingClientRect().right > right + 2,
    ).length;
  });
  expect(cut, 'no part of Figure 1 lies past its right edge').toBe(0);
});

test('Figure 1 scrolls with the keyboard on a phone and shows a shadow where there is more', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(figurePage);
  const box = page.locator('#figure-1 .katex-display');
  await box.scrollIntoViewIfNeeded();
  const scroll = () =>
    box.evaluate((element) => ({ left: element.scrollLeft, max: element.scrollWidth - element.clientWidth }));
  expect((await scroll()).max, 'Figure 1 is wider than a phone, so it scrolls').toBeGreaterThan(0);
  await box.focus();
  await expect(box, 'the box takes keyboard focus').toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await scroll()).left, { message: 'ArrowRight scrolls it' }).toBeGreaterThan(0);
  await box.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
  await expect
    .poll(
      async () => {
        const s = await scroll();
        return s.max - s.left;
      },
      { message: 'its right end, with the notes, can be reached' },
    )
    .toBeLessThanOrEqual(1);
  // The shadow and its covers follow the theme (a dark shadow on a dark page would be invisible).
  const backgrounds: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    backgrounds.push(await box.evaluate((element) => getComputedStyle(element).backgroundImage));
  }
  expect(backgrounds[0], 'the scroll cue is drawn in the light theme').toContain('radial-gradient');
  expect(backgrounds[1], 'and drawn in other colours in the dark theme').not.toBe(backgrounds[0]);
});
