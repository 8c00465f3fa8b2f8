import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Every formula draws with KaTeX_Main (digits, operators) and nearly every one with KaTeX_Math's
 * italic (variables). Without a hint the browser asks for them only once the stylesheet is parsed
 * and the page laid out, then lays the page out again as each arrives: on the longest problem
 * pages that second layout was most of Lighthouse's blocking time (median 53 ms over eight runs of
 * Problem 3; with these two preloaded, 0–12 ms over five). The other KaTeX fonts are left to load on use:
 * many draw only inside closed solutions, where preloading would cost every reader the bytes.
 */
const PRELOADED_FONT_FILES = ['KaTeX_Main-Regular', 'KaTeX_Math-Italic'] as const;

/** The URLs a stylesheet gives the preloaded fonts (`url(/base/_astro/KaTeX_Main-Regular.abc.woff2)`). */
export function preloadedFontUrls(css: string): string[] {
  const urls: string[] = [];
  for (const file of PRELOADED_FONT_FILES) {
    const at = css.indexOf(`${file}.`);
    if (at === -1) continue;
    const start = css.lastIndexOf('url(', at) + 'url('.length;
    const end = css.indexOf(')', at);
    urls.push(css.slice(start, end).replaceAll('"', '').replaceAll("'", ''));
  }
  return urls;
}

/**
 * `html` with a preload link for each font before its first stylesheet (or at the end of its head).
 * Pages are handled as bytes here and below: every marker is ASCII, and decoding and encoding each
 * page as text made this pass four times slower (1.6 s against 0.4 s over the 1,339 pages of a
 * build with 1,000 problem pages).
 */
export function withFontPreloads(html: Buffer, urls: readonly string[]): Buffer {
  const links = urls
    .map((url) => `<link rel="preload" href="${url}" as="font" type="font/woff2" crossorigin>`)
    .join('');
  const stylesheet = html.indexOf('<link rel="stylesheet"');
  const at = stylesheet !== -1 ? stylesheet : html.indexOf('</head>');
  return at === -1 ? html : Buffer.concat([html.subarray(0, at), Buffer.from(links), html.subarray(at)]);
}

/**
 * `global.CSmfRjH6.css` with a hash of `content` in place of Vite's. Vite hashed the stylesheet
 * before the build trimmed it and pointed it at renamed font subsets, so its name would stay the
 * same when a new deploy changes it, and a browser keeping the old one (GitHub Pages lets it for
 * 10 minutes) would ask for fonts the deploy removed.
 */
export function renamedStylesheet(fileName: string, content: string): string {
  const hash = createHash('sha256').update(content).digest('base64url').slice(0, 8);
  const stem = fileName.slice(0, fileName.indexOf('.'));
  return `${stem}.${hash}.css`;
}

/** `bytes` with every `from` replaced by `to`; `bytes` itself when there is none. */
function replaceAllBytes(bytes: Buffer, from: string, to: string): Buffer {
  const target = Buffer.from(from);
  const replacement = Buffer.from(to);
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = bytes.indexOf(target); at !== -1; at = bytes.indexOf(target, start)) {
    parts.push(bytes.subarray(start, at), replacement);
    start = at + target.length;
  }
  if (parts.length === 0) return bytes;
  parts.push(bytes.subarray(start));
  return Buffer.concat(parts);
}

/** `html` with every `/old.css` reference replaced by `/new.css`. */
export function withRenamedStylesheets(html: Buffer, renames: ReadonlyMap<string, string>): Buffer {
  let renamed = html;
  for (const [from, to] of renames) renamed = replaceAllBytes(renamed, `/${from}`, `/${to}`);
  return renamed;
}

/**
 * The last pass over the built pages, once the stylesheets are final: each rewritten stylesheet is
 * renamed by its content and every page pointed at the new name (only pages link it: the islands'
 * scripts import no stylesheet of KaTeX's), and every page with a formula gets the font preloads.
 * Returns the renames (old file name to new) and how many pages got preloads.
 */
export function finishPages(
  pages: readonly string[],
  pagesWithMath: readonly string[],
  rewrittenStylesheets: readonly string[],
): { renames: Map<string, string>; preloaded: number } {
  const renames = new Map<string, string>();
  const urls = new Set<string>();
  for (const sheet of rewrittenStylesheets) {
    const css = readFileSync(sheet, 'utf8');
    for (const url of preloadedFontUrls(css)) urls.add(url);
    const name = renamedStylesheet(basename(sheet), css);
    if (name === basename(sheet)) continue;
    renameSync(sheet, join(dirname(sheet), name));
    renames.set(basename(sheet), name);
  }
  const withMath = new Set(pagesWithMath);
  const preloads = [...urls];
  for (const page of pages) {
    const html = readFileSync(page);
    let finished = withRenamedStylesheets(html, renames);
    if (preloads.length > 0 && withMath.has(page)) finished = withFontPreloads(finished, preloads);
    if (finished !== html) writeFileSync(page, finished);
  }
  return { renames, preloaded: preloads.length > 0 ? withMath.size : 0 };
}
