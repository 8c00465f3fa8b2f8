import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { preloadKatexFonts, preloadedFontUrls, withFontPreloads } from './preload-katex-fonts';

const css =
  '@font-face{font-family:KaTeX_AMS;src:url(/guide/_astro/KaTeX_AMS-Regular.a1.woff2)format("woff2")}' +
  '@font-face{font-family:KaTeX_Main;font-weight:700;src:url(/guide/_astro/KaTeX_Main-Bold.b2.woff2)format("woff2")}' +
  '@font-face{font-family:KaTeX_Main;src:url(/guide/_astro/KaTeX_Main-Regular.c3.woff2)format("woff2")}' +
  '@font-face{font-family:KaTeX_Math;font-style:italic;src:url("/guide/_astro/KaTeX_Math-Italic.d4.woff2")format("woff2")}';

describe('preloading the fonts every formula draws with', () => {
  it('takes the URLs of Main-Regular and Math-Italic from the stylesheet, base path included', () => {
    expect(preloadedFontUrls(css)).toEqual([
      '/guide/_astro/KaTeX_Main-Regular.c3.woff2',
      '/guide/_astro/KaTeX_Math-Italic.d4.woff2',
    ]);
    expect(preloadedFontUrls('.site{color:red}'), 'a stylesheet without KaTeX preloads nothing').toEqual([]);
  });

  it('puts the links before the first stylesheet, so the fonts are asked for first', () => {
    const html = '<html><head><title>x</title><link rel="stylesheet" href="/a.css"></head><body></body></html>';
    expect(withFontPreloads(html, ['/f.woff2'])).toBe(
      '<html><head><title>x</title><link rel="preload" href="/f.woff2" as="font" type="font/woff2" crossorigin><link rel="stylesheet" href="/a.css"></head><body></body></html>',
    );
    expect(withFontPreloads('<head><style>p{}</style></head>', ['/f.woff2']), 'or at the end of the head').toBe(
      '<head><style>p{}</style><link rel="preload" href="/f.woff2" as="font" type="font/woff2" crossorigin></head>',
    );
  });

  const dir = mkdtempSync(join(tmpdir(), 'preload-katex-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('touches only the pages with formulas', () => {
    const sheet = join(dir, 'global.css');
    const withMath = join(dir, 'problem.html');
    const without = join(dir, 'search.html');
    writeFileSync(sheet, css);
    writeFileSync(withMath, '<head></head>');
    writeFileSync(without, '<head></head>');
    expect(preloadKatexFonts([withMath], [sheet])).toBe(1);
    expect(readFileSync(withMath, 'utf8')).toContain('KaTeX_Math-Italic.d4.woff2');
    expect(readFileSync(without, 'utf8')).toBe('<head></head>');
  });
});
