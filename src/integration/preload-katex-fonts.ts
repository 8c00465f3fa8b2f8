import { readFileSync, writeFileSync } from 'node:fs';

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

/** `html` with a preload link for each font before its first stylesheet (or at the end of its head). */
export function withFontPreloads(html: string, urls: readonly string[]): string {
  const links = urls
    .map((url) => `<link rel="preload" href="${url}" as="font" type="font/woff2" crossorigin>`)
    .join('');
  const stylesheet = html.indexOf('<link rel="stylesheet"');
  const at = stylesheet !== -1 ? stylesheet : html.indexOf('</head>');
  return at === -1 ? html : html.slice(0, at) + links + html.slice(at);
}

/** Adds the preloads to every page that has a formula. */
export function preloadKatexFonts(pagesWithMath: readonly string[], stylesheets: readonly string[]): number {
  const urls = [...new Set(stylesheets.flatMap((sheet) => preloadedFontUrls(readFileSync(sheet, 'utf8'))))];
  if (urls.length === 0) return 0;
  for (const page of pagesWithMath) writeFileSync(page, withFontPreloads(readFileSync(page, 'utf8'), urls));
  return pagesWithMath.length;
}
