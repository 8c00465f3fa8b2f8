import { expect, test } from './fixtures';

/**
 * The suite reuses one page per worker (e2e/fixtures.ts): what a test leaves behind must not reach
 * the next one. Serial, so both tests run on one worker, in order, on the same reused page.
 */
test.describe('a reused page starts clean', () => {
  test.describe.configure({ mode: 'serial' });
  const problem = 'cs230-fall-2021-midterm/short-answers/';

  test('a test leaves storage, a small dark viewport, a route and a listener behind', async ({ page }) => {
    await page.goto(problem);
    await page.evaluate(() => {
      localStorage.setItem('left-behind', 'local');
      sessionStorage.setItem('left-behind', 'session');
    });
    await page.setViewportSize({ width: 360, height: 500 });
    await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
    await page.route('**/never-requested', (route) => route.abort());
    page.on('console', () => {
      throw new Error('a listener of the previous test ran');
    });
    expect(await page.evaluate(() => localStorage.getItem('left-behind'))).toBe('local');
  });

  test('the next test finds none of it', async ({ page }) => {
    expect(page.url(), 'the page starts blank').toBe('about:blank');
    await page.goto(problem);
    const state = await page.evaluate(() => ({
      local: localStorage.getItem('left-behind'),
      session: sessionStorage.getItem('left-behind'),
      dark: matchMedia('(prefers-color-scheme: dark)').matches,
      print: matchMedia('print').matches,
    }));
    expect(state, 'no storage, no dark scheme, no print media left').toEqual({
      local: null,
      session: null,
      dark: false,
      print: false,
    });
    expect(page.viewportSize(), 'the default viewport').toEqual({ width: 1280, height: 720 });
    await page.evaluate(() => console.log('no listener of the previous test hears this'));
  });

  test('what the reset could not undo is refused, naming the way out', async ({ page }) => {
    expect(() => page.clock, 'the fake clock').toThrow(/test\.use\(\{ isolatedPage: true \}\)/);
    await expect(
      page.addInitScript(() => undefined),
      'an init script',
    ).rejects.toThrow(/isolatedPage/);
  });
});
