import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, BrowserType, Page } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { withBase } from '../exams/base-path';
import { chromiumArgs, chromiumPathFrom, chromiumProblem } from './chromium';
import { writeWhole } from './write-whole';
import {
  fillPaperSizes,
  formatFileSize,
  hasPaperLinks,
  paperFileName,
  paperBodyClass,
  paperKinds,
  paperPdfPath,
  paperRoutePath,
  removePaperLinks,
  type PaperKind,
} from '../print/papers';

/**
 * Prints every exam's print route (src/pages/[exam]/paper/print.astro) to PDF with Chromium through
 * Playwright, after the build, twice: `<exam>/<exam>-exam.pdf` and `<exam>/<exam>-solutions.pdf`.
 * Chromium is launched once for all of them, and the built site is served under its base path so
 * every asset URL resolves as it will when deployed. Then the exam pages get each file's size in
 * their links and the print route is removed from the published site.
 *
 * Without Chromium the site still builds: one line says why the PDFs were skipped and how to get
 * them, and the exam pages lose their PDF links. PDF_REQUIRED=1 (CI, deploy) makes that an error.
 */

/** Letter: the exams are US university papers (see the README, "Printable papers"). */
export const paperFormat = 'Letter';
/** The page margins; the bottom one holds the "Page n of N" footer. */
export const paperMargin = { top: '0.7in', right: '0.75in', bottom: '0.75in', left: '0.75in' } as const;
/** Width of the printed text block in CSS pixels (8.5 in − 1.5 in of margins, 96 px per inch). */
const textWidthPx = 672;

export function pdfRequiredBy(env: NodeJS.ProcessEnv): boolean {
  return ['1', 'true', 'yes'].includes((env['PDF_REQUIRED'] ?? '').toLowerCase());
}

/** The one line printed when the PDFs are skipped; the error message when they are required. */
export function skippedMessage(reason: string, required: boolean): string {
  const enable =
    'install Chromium (Debian/Ubuntu: apt-get install chromium-headless-shell, or chromium) or set CHROMIUM_PATH to its executable';
  return required
    ? `PDF_REQUIRED is set but the printable exam papers cannot be made: ${reason}. To fix, ${enable}.`
    : `Printable exam papers (PDF) skipped: ${reason}. The exam pages omit their PDF links; to make them, ${enable} (PDF_REQUIRED=1 turns this into a build error).`;
}

/** Chromium ready to print, or why it is not. */
export type ChromiumLaunch = { browser: Browser; seconds: number } | { problem: string };

/**
 * Loads Playwright (about a second) and starts Chromium. The integration calls this when the build
 * starts, so both happen while Astro builds the pages rather than after. Never rejects: a problem
 * is returned, and makePapers decides whether it skips the PDFs or fails the build. When the build
 * fails before makePapers runs, Astro exits the process and Playwright closes the browser with it.
 */
export async function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumLaunch> {
  const started = performance.now();
  const executablePath = chromiumPathFrom(env);
  const problem = chromiumProblem(executablePath);
  if (problem) return { problem };
  const firstLine = (error: unknown) => (error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
  let chromium: BrowserType;
  try {
    // require, not import(): by astro:build:done the Vite module runner that loaded this file is closed.
    ({ chromium } = createRequire(import.meta.url)('playwright-core') as { chromium: BrowserType });
  } catch (error) {
    return { problem: `Playwright is not installed (${firstLine(error)}; npm install installs it)` };
  }
  try {
    const browser = await chromium.launch({ executablePath, args: chromiumArgs });
    return { browser, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    return { problem: `Chromium at ${executablePath} did not start (${firstLine(error)})` };
  }
}

/**
 * Why this build can make no paper at all, known before Astro renders a page: there is no
 * Chromium, and the cache holds no papers of earlier builds to copy. Such a build skips the print
 * route, which nothing else reads (at a thousand problem pages rendering it was a quarter of page
 * generation, 5.5 of 22 s), and makePapers only takes the links off the exam pages. Undefined when
 * papers may be made. With PDF_REQUIRED it throws at once, not after the whole build.
 */
export function whyNoPapers(env: NodeJS.ProcessEnv, cacheDir: string | undefined): string | undefined {
  const problem = chromiumProblem(chromiumPathFrom(env));
  if (problem === undefined || hasCachedPapers(cacheDir)) return undefined;
  if (pdfRequiredBy(env)) throw new Error(skippedMessage(problem, true));
  return problem;
}

export interface PaperOptions {
  /** The built site. */
  outDir: string;
  /** Why no paper can be made (whyNoPapers), when the build did not render the print routes for that reason. */
  noPapers?: string | undefined;
  /** The site's base path, normalised ("/" or "/guide/"). */
  base: string;
  env?: NodeJS.ProcessEnv;
  /** Where papers of earlier builds are kept (Astro's cache folder); none are kept when absent. */
  cacheDir?: string | undefined;
  /** Chromium started earlier (launchChromium); started here when absent. Closed by makePapers. */
  chromium?: Promise<ChromiumLaunch> | undefined;
  /** Work to run while the papers print (the search index); the pages change only once it is done. */
  alongside?: (() => Promise<unknown>) | undefined;
  info: (message: string) => void;
  warn: (message: string) => void;
}

export interface PaperResult {
  /** Build-relative paths of the PDFs made, with their sizes in bytes. */
  files: { path: string; bytes: number }[];
  /** Why no PDF was made, when none was. */
  skipped?: string;
  /** Time spent here, after the pages were built (what the PDFs add to the build). */
  seconds: number;
}

/** Folder names under the build directory whose folder `isExam` accepts, sorted. */
function examFolders(outDir: string, isExam: (exam: string) => boolean): string[] {
  return readdirSync(outDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter(isExam)
    .sort();
}

/** Exams whose pages link their papers, as folder names under the build directory. */
function examsLinkingPapers(outDir: string): string[] {
  return examFolders(outDir, (exam) => {
    const page = join(outDir, exam, 'index.html');
    return existsSync(page) && hasPaperLinks(readFileSync(page, 'utf8'));
  });
}

/** Exams whose print routes were built, as folder names under the build directory. */
export function builtPaperExams(outDir: string): string[] {
  return examFolders(outDir, (exam) => existsSync(join(outDir, paperRoutePath(exam), 'index.html')));
}

export async function makePapers(options: PaperOptions): Promise<PaperResult> {
  const started = performance.now();
  const { outDir, base, noPapers } = options;
  const exams = noPapers === undefined ? builtPaperExams(outDir) : examsLinkingPapers(outDir);
  // The search index is built while the papers print: it reads the pages as they are (the print
  // routes are not indexed and the links' placeholders are not either), and nothing changes them
  // until both are done.
  const [printed] = await Promise.all([
    noPapers === undefined ? printPapers(exams, options) : ({ skipped: noPapers } satisfies Printed),
    options.alongside?.(),
  ]);
  for (const exam of exams) {
    if ('skipped' in printed) {
      updateExamPage(outDir, exam, removePaperLinks);
    } else {
      const sizes = new Map(
        paperKinds.map((kind) => [paperFileName(exam, kind), statSync(join(outDir, paperPdfPath(exam, kind))).size]),
      );
      updateExamPage(outDir, exam, (html) => fillPaperSizes(html, sizes));
    }
    removePrintRoute(outDir, exam);
  }
  const seconds = (performance.now() - started) / 1000;
  if ('skipped' in printed) {
    options.warn(skippedMessage(printed.skipped, false));
    return { files: [], skipped: printed.skipped, seconds };
  }
  const files = printed.files.sort((a, b) => a.path.localeCompare(b.path));
  if (files.length > 0) {
    const list = files.map((file) => `${withBase(base, file.path)} ${formatFileSize(file.bytes)}`).join(', ');
    const copied = printed.reused * paperKinds.length;
    const copiedNote = `${copied} unchanged since an earlier build, copied from the cache`;
    const launchTime = `${printed.launchSeconds.toFixed(1)} s`;
    const launched = printed.launchedEarly
      ? `Playwright and Chromium had started in ${launchTime} during the build`
      : `Playwright and Chromium started in ${launchTime}`;
    options.info(
      copied === files.length
        ? `Exam papers (PDF, ${paperFormat}): ${copiedNote}, without starting Chromium: ${list}`
        : `Printed ${files.length - copied} exam papers to PDF (${paperFormat}) in ${printed.seconds.toFixed(1)} s once the pages were built (${launched}${copied > 0 ? `; ${copiedNote}` : ''}): ${list}`,
    );
  }
  return { files, seconds };
}

type Printed =
  | { files: PaperResult['files']; seconds: number; launchSeconds: number; launchedEarly: boolean; reused: number }
  | { skipped: string };

async function printPapers(exams: readonly string[], options: PaperOptions): Promise<Printed> {
  const started = performance.now();
  const env = options.env ?? process.env;
  // Every exam links the same stylesheets: each is read and hashed once per build.
  const stylesheetDigests = new Map<string, string>();
  const plans = exams.map((exam) => ({
    exam,
    cached: options.cacheDir
      ? cachedPapers(options.cacheDir, paperInputsHash(options.outDir, exam, stylesheetDigests))
      : undefined,
  }));
  const toPrint = plans.filter((plan) => plan.cached?.pdfs === undefined);
  // Chromium is needed only for papers the cache does not hold: one started early is used (and
  // closed), none is started when every paper is copied.
  const launch = await (options.chromium ?? (toPrint.length > 0 ? launchChromium(env) : undefined));
  if (launch && 'problem' in launch && toPrint.length > 0) {
    if (pdfRequiredBy(env)) throw new Error(skippedMessage(launch.problem, true));
    return { skipped: launch.problem };
  }
  const browser = launch && 'browser' in launch ? launch.browser : undefined;
  const files: PaperResult['files'] = [];
  const usedKeys = new Set<string>();
  const keep = (exam: string, pdfs: Map<PaperKind, Buffer>) => {
    for (const [kind, pdf] of pdfs) {
      const path = paperPdfPath(exam, kind);
      writeFileSync(join(options.outDir, path), pdf);
      files.push({ path, bytes: pdf.length });
    }
  };
  try {
    for (const { exam, cached } of plans) {
      if (cached) usedKeys.add(cached.key);
      if (cached?.pdfs) keep(exam, cached.pdfs);
    }
    if (browser && toPrint.length > 0) {
      const server = await startServer({ root: options.outDir, base: options.base });
      try {
        // JavaScript off: the papers are the server-rendered pages, nothing hydrates or changes them.
        const context = await browser.newContext({
          javaScriptEnabled: false,
          colorScheme: 'light',
          viewport: { width: textWidthPx, height: 1000 },
        });
        // Two exams at a time: Chromium renders them in parallel on the two cores builds run on.
        await inBatches(toPrint, 2, async ({ exam, cached }) => {
          const pdfs = await printExamPapers(await context.newPage(), new URL(paperRoutePath(exam), server.url).href);
          cached?.keep(pdfs);
          keep(exam, pdfs);
        });
        // The browser's connections go first, so the server has nothing left to wait for.
        await context.close();
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser?.close();
  }
  if (options.cacheDir) pruneCache(options.cacheDir, usedKeys);
  return {
    files,
    seconds: (performance.now() - started) / 1000,
    launchSeconds: launch && 'seconds' in launch ? launch.seconds : 0,
    launchedEarly: options.chromium !== undefined,
    reused: plans.length - toPrint.length,
  };
}

/**
 * Papers of earlier builds, kept in Astro's cache folder under a hash of what they are printed
 * from: the print route's HTML, the stylesheets it links (fonts and images carry content hashes in
 * their names there) and the printing code itself. An exam whose paper did not change is copied,
 * not printed again; at a thousand problem pages printing is most of a build.
 */
function cachedPapers(
  cacheDir: string,
  key: string,
): { key: string; pdfs: Map<PaperKind, Buffer> | undefined; keep: (pdfs: Map<PaperKind, Buffer>) => void } {
  const fileOf = (kind: PaperKind) => join(cacheDir, `${key}-${kind}.pdf`);
  const complete = paperKinds.every((kind) => existsSync(fileOf(kind)));
  return {
    key,
    pdfs: complete ? new Map(paperKinds.map((kind) => [kind, readFileSync(fileOf(kind))])) : undefined,
    keep: (pdfs) => {
      for (const [kind, pdf] of pdfs) writeWhole(fileOf(kind), pdf);
    },
  };
}

const printingCode = [printExamPapers, preparePaper].map(String).join('\n');

function paperInputsHash(outDir: string, exam: string, stylesheetDigests: Map<string, string>): string {
  const hash = createHash('sha256').update(printingCode);
  const html = readFileSync(join(outDir, paperRoutePath(exam), 'index.html'), 'utf8');
  hash.update(html);
  for (const match of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
    const href = match[1] ?? '';
    let digest = stylesheetDigests.get(href);
    if (digest === undefined) {
      const file = join(outDir, href.slice(href.indexOf('/_astro/') + 1));
      digest = createHash('sha256')
        .update(existsSync(file) ? readFileSync(file) : href)
        .digest('hex');
      stylesheetDigests.set(href, digest);
    }
    hash.update(digest);
  }
  return hash.digest('hex').slice(0, 32);
}

/** Whether earlier builds left papers in `cacheDir` (then a build may need no Chromium at all). */
export function hasCachedPapers(cacheDir: string | undefined): boolean {
  return cacheDir !== undefined && existsSync(cacheDir) && readdirSync(cacheDir).some((file) => file.endsWith('.pdf'));
}

/** Drops cached papers this build did not use, so the cache holds one set per exam. */
function pruneCache(cacheDir: string, used: ReadonlySet<string>): void {
  if (!existsSync(cacheDir)) return;
  for (const file of readdirSync(cacheDir))
    if (!used.has(file.slice(0, file.indexOf('-')))) rmSync(join(cacheDir, file), { force: true });
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(run));
}

/** Removes the print route, and its parent folder when nothing else is in it. */
function removePrintRoute(outDir: string, exam: string): void {
  const route = join(outDir, paperRoutePath(exam));
  rmSync(route, { recursive: true, force: true });
  try {
    rmdirSync(dirname(route));
  } catch {}
}

function updateExamPage(outDir: string, exam: string, change: (html: string) => string): void {
  const file = join(outDir, exam, 'index.html');
  if (!existsSync(file)) return;
  const html = readFileSync(file, 'utf8');
  if (!hasPaperLinks(html)) throw new Error(`${file} has no block of PDF links (data-paper-links) to complete`);
  writeFileSync(file, change(html));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * Loads an exam's print route once and prints every kind of paper from it: each time the page is
 * made that paper (the body's class, which paper.css reads, and the document's title, which
 * becomes the PDF's). Any failed request (a missing font, say) fails the build.
 */
async function printExamPapers(page: Page, url: string): Promise<Map<PaperKind, Buffer>> {
  const failures: string[] = [];
  page.on('requestfailed', (request) =>
    failures.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.url()} (HTTP ${response.status()})`);
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok())
    throw new Error(`could not load the print route ${url} (HTTP ${response?.status() ?? 'no response'})`);
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  const pdfs = new Map<PaperKind, Buffer>();
  for (const kind of paperKinds) {
    const title = await page.evaluate(preparePaper, {
      bodyClass: paperBodyClass(kind),
      titleAttribute: `data-title-${kind}`,
    });
    if (failures.length > 0) throw new Error(`the paper ${url} could not load: ${failures.join(', ')}`);
    pdfs.set(
      kind,
      await page.pdf({
        format: paperFormat,
        margin: paperMargin,
        printBackground: true,
        tagged: true,
        outline: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="width:100%;margin:0 0.75in;display:flex;justify-content:space-between;gap:1em;font:8pt 'Times New Roman','Liberation Serif',Times,serif;color:#333"><span>${escapeHtml(title)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      }),
    );
  }
  await page.close();
  return pdfs;
}

/**
 * Runs in the page (print media, at the printed text width): sets the paper's kind, waits for the
 * web fonts (KaTeX's), then scales down each display formula wider than the text block so it fits,
 * since a formula cannot wrap and paper cannot scroll. Returns the paper's title.
 */
async function preparePaper({
  bodyClass,
  titleAttribute,
}: {
  bodyClass: string;
  titleAttribute: string;
}): Promise<string> {
  document.body.className = bodyClass;
  document.title = document.body.getAttribute(titleAttribute) ?? document.title;
  await document.fonts.ready;
  for (const display of document.querySelectorAll<HTMLElement>('.katex-display')) {
    const formula = display.querySelector<HTMLElement>('.katex-html') ?? display;
    const needed = formula.scrollWidth;
    const available = display.clientWidth;
    if (needed > available && available > 0) {
      display.style.fontSize = `${Math.max(40, Math.floor((available / needed) * 1000) / 10)}%`;
    }
  }
  await document.fonts.ready;
  return document.title;
}
