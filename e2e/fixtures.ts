import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
  type ViewportSize,
} from '@playwright/test';

/** Playwright's pages are event emitters at run time; its types leave these methods out. */
interface Emitter {
  eventNames(): (string | symbol)[];
  rawListeners(event: string | symbol): unknown[];
  removeListener(event: string | symbol, listener: unknown): unknown;
}

/**
 * The worker's reused pages (one with JavaScript, one without), each made on first use, and a way
 * to drop one that cannot be cleaned.
 */
interface ReusedPages {
  get: (baseURL: string | undefined, javaScriptEnabled: boolean) => Promise<Page>;
  discard: (javaScriptEnabled: boolean) => Promise<void>;
}

const defaultViewport: ViewportSize = { width: 1280, height: 720 };

/** Why `what` cannot be used on the reused page, and what to do instead. */
const isolationNeeded = (what: string) =>
  new Error(
    `${what} would outlive this test on the page the next test reuses: add test.use({ isolatedPage: true }) to the test's describe block`,
  );

/** A context as every test gets it: the site's base URL and the default viewport. */
function newTestContext(
  browser: Browser,
  baseURL: string | undefined,
  javaScriptEnabled: boolean,
): Promise<BrowserContext> {
  return browser.newContext({
    ...(baseURL === undefined ? {} : { baseURL }),
    javaScriptEnabled,
    viewport: defaultViewport,
  });
}

/** A page of a new context, with guards against state that the reset could not undo. */
async function newReusablePage(
  browser: Browser,
  baseURL: string | undefined,
  javaScriptEnabled: boolean,
): Promise<Page> {
  const context = await newTestContext(browser, baseURL, javaScriptEnabled);
  const page = await context.newPage();
  const refuse = (target: object, methods: string[]) => {
    for (const method of methods)
      Object.defineProperty(target, method, { value: () => Promise.reject(isolationNeeded(`${method}()`)) });
  };
  refuse(context, ['grantPermissions', 'setOffline', 'setGeolocation', 'setExtraHTTPHeaders']);
  for (const target of [page, context]) {
    refuse(target, ['addInitScript', 'exposeBinding', 'exposeFunction']);
    Object.defineProperty(target, 'clock', {
      get: () => {
        throw isolationNeeded('The fake clock');
      },
    });
  }
  return page;
}

/** Each event's listeners, to tell the test's own from those the page had before it. */
function listenersOf(page: Page): Map<string | symbol, Set<unknown>> {
  const emitter = page as unknown as Emitter;
  return new Map(emitter.eventNames().map((event) => [event, new Set(emitter.rawListeners(event))]));
}

/**
 * Leaves the reused page as a new one: on about:blank (which stops the last page's scripts and
 * timers), with the site's local and session storage and cookies cleared, no routes, the default
 * viewport and media, no other page open and only the listeners it had before the test.
 */
async function resetReusedPage(page: Page, origin: string, before: Map<string | symbol, Set<unknown>>): Promise<void> {
  const context: BrowserContext = page.context();
  for (const other of context.pages()) if (other !== page) await other.close();
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  // Session storage belongs to the tab and can only be cleared from a page of the site: the page
  // the test left, or else a blank stand-in served at the site's address without the server.
  const clearStorage = () => page.evaluate(() => (localStorage.clear(), sessionStorage.clear()));
  const onSite =
    new URL(page.url()).origin === origin &&
    (await clearStorage().then(
      () => true,
      () => false,
    ));
  if (!onSite) {
    const blank = `${origin}/__reset__`;
    await page.route(blank, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>reset</title>' }),
    );
    await page.goto(blank);
    await clearStorage();
    await page.unrouteAll();
  }
  await page.goto('about:blank');
  // Anything the last page wrote as it unloaded goes too.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'local_storage,indexeddb,cookies' });
  await cdp.detach();
  const viewport = page.viewportSize();
  if (viewport?.width !== defaultViewport.width || viewport.height !== defaultViewport.height)
    await page.setViewportSize(defaultViewport);
  await page.emulateMedia({
    media: 'screen',
    colorScheme: 'light',
    reducedMotion: 'no-preference',
    forcedColors: 'none',
  });
  const emitter = page as unknown as Emitter;
  for (const event of emitter.eventNames()) {
    const kept = before.get(event);
    for (const listener of emitter.rawListeners(event))
      if (!kept?.has(listener)) emitter.removeListener(event, listener);
  }
}

/**
 * One page per worker, reused from test to test, cleaned in between (`resetReusedPage`). A new
 * browser context per test costs a new renderer process, Playwright's page set-up and an empty
 * cache: 42 page visits cost 21–25 CPU-seconds that way against 11–14 on a reused page, and
 * Playwright's own reuse mode (which clears the cache too) 19–24.
 *
 * A test gets a context of its own instead when it needs what a reused page would carry over or
 * could not undo: `test.use({ isolatedPage: true })` for a first visit on an empty cache (tests that
 * watch which requests a page makes), or for init scripts and the fake clock, which the reused page
 * refuses with a message saying so. Tests that turn JavaScript off share a second reused page.
 *
 * Every test fails on a console error, an uncaught exception or a failed request: a page that
 * "works" while logging errors is broken for some reader.
 */
export const test = base.extend<{ pageProblems: string[]; isolatedPage: boolean }, { reusedPages: ReusedPages }>({
  isolatedPage: [false, { option: true }],
  reusedPages: [
    async ({ browser }, use) => {
      const pages = new Map<boolean, Promise<Page>>();
      await use({
        get: (baseURL, javaScriptEnabled) => {
          const page = pages.get(javaScriptEnabled) ?? newReusablePage(browser, baseURL, javaScriptEnabled);
          pages.set(javaScriptEnabled, page);
          return page;
        },
        discard: async (javaScriptEnabled) => {
          const dropped = pages.get(javaScriptEnabled);
          pages.delete(javaScriptEnabled);
          await (await dropped)?.context().close();
        },
      });
      for (const page of pages.values()) await (await page).context().close();
    },
    { scope: 'worker' },
  ],
  page: async ({ browser, baseURL, javaScriptEnabled, isolatedPage, reusedPages }, use) => {
    if (isolatedPage) {
      const context = await newTestContext(browser, baseURL, javaScriptEnabled);
      await use(await context.newPage());
      await context.close();
      return;
    }
    const page = await reusedPages.get(baseURL, javaScriptEnabled);
    const before = listenersOf(page);
    await use(page);
    try {
      await resetReusedPage(page, new URL(baseURL ?? 'about:blank').origin, before);
    } catch (error) {
      // A page that cannot be cleaned (crashed, stuck) is replaced, not reused.
      await reusedPages.discard(javaScriptEnabled).catch(() => undefined);
      throw error;
    }
  },
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        // Chromium logs the 404 status of a page a test opened on purpose; that is not a defect.
        if (message.text().startsWith('Failed to load resource') && expectedMissing.has(message.location().url)) return;
        problems.push(`console error: ${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('requestfailed', (request) => {
        // Leaving a page cancels what it was still loading (e.g. the favicon): not a failure.
        if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
        problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown error'})`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400 && !expectedMissing.has(response.url())) {
          problems.push(`HTTP ${response.status()}: ${response.url()}`);
        }
      });
      await use(problems);
      expect(problems, 'the page logged errors or had failed requests').toEqual([]);
    },
    { auto: true },
  ],
});

/** URLs a test requests on purpose knowing they do not exist (the 404 page test). */
export const expectedMissing = new Set<string>();

export { expect };

/**
 * Scrolls an island's root (found by role and name) into view, since islands hydrate
 * `client:visible`, and waits until its `astro-island` has hydrated: Astro removes the `ssr`
 * attribute once the component has rendered in the browser. The root and its island must exist,
 * so a renamed or missing island fails here instead of passing every later check vacuously.
 */
export async function hydrated(root: Locator, name: string): Promise<Locator> {
  await expect(root, `${name} is on the page`).toHaveCount(1);
  await root.scrollIntoViewIfNeeded();
  const island = root.page().locator('astro-island', { has: root });
  await expect(island, `${name} is an island`).toHaveCount(1);
  await expect(island, `${name} hydrates`).not.toHaveAttribute('ssr');
  return root;
}

/** A user never sees NaN, Infinity or undefined in place of a number. */
export async function expectNoBrokenNumbers(area: Locator): Promise<void> {
  await expect(area, 'no NaN, Infinity or undefined shown').not.toContainText(/NaN|Infinity|undefined/);
}

/**
 * The text of `area` with each KaTeX formula as the TeX it was typeset from, in dollars
 * ("With $B$ = 1, …"), whitespace collapsed. A formula only reads as `$…$` if KaTeX rendered it
 * (its MathML carries the TeX): plain-text stand-ins such as "μ_B" read as they are.
 */
export async function textWithTex(area: Locator): Promise<string> {
  return area.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const formula of copy.querySelectorAll('.katex')) {
      const tex = formula.querySelector('annotation[encoding="application/x-tex"]')?.textContent ?? '';
      formula.replaceWith(`$${tex.trim()}$`);
    }
    return copy.textContent.replace(/\s+/g, ' ').trim();
  });
}

/** The page does not scroll sideways at the current viewport width. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  const width = page.viewportSize()?.width ?? 0;
  expect(overflow, `the page scrolls sideways by ${overflow} px at ${width} px`).toBeLessThanOrEqual(0);
}

/** The content pages of the site, as paths relative to the base. */
export const problemPaths = [
  'cs230-fall-2021-midterm/multiple-choice/',
  'cs230-fall-2021-midterm/short-answers/',
  'cs230-fall-2021-midterm/weight-initialization/',
  'cs230-fall-2021-midterm/backpropagation/',
  'cs230-fall-2021-midterm/cnns/',
  'cs230-fall-2021-midterm/normalization-techniques/',
];

export { importedExam } from './imported-exam';

/** Whether the site under test includes the fixture exam (only builds made by the suite do). */
export const hasFixtureExam = process.env['E2E_FIXTURE_EXAM'] === '1';
