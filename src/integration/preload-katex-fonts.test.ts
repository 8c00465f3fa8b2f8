import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { finishPages, preloadedFontUrls, renamedStylesheet, withFontPreloads } from './preload-katex-fonts';

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
    expect(withFontPreloads(Buffer.from(html), ['/f.woff2']).toString()).toBe(
      '<html><head><title>x</title><link rel="preload" href="/f.woff2" as="font" type="font/woff2" crossorigin><link rel="stylesheet" href="/a.css"></head><body></body></html>',
    );
    expect(
      withFontPreloads(Buffer.from('<head><style>p{}</style></head>'), ['/f.woff2']).toString(),
      'or at the end of the head',
    ).toBe(
      '<head><style>p{}</style><link rel="preload" href="/f.woff2" as="font" type="font/woff2" crossorigin></head>',
    );
  });

  const dir = mkdtempSync(join(tmpdir(), 'preload-katex-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('preloads on the pages with formulas only, and points every page at the renamed stylesheet', () => {
    const sheet = join(dir, 'global.Vite1234.css');
    const withMath = join(dir, 'problem.html');
    const without = join(dir, 'search.html');
    const link = '<link rel="stylesheet" href="/guide/_astro/global.Vite1234.css">';
    writeFileSync(sheet, css);
    // Text before the link that is more than one byte per character: the pass works on bytes.
    writeFileSync(withMath, `<head><title>σ²: Xavier’s variance</title>${link}</head><p>${link}</p>`);
    writeFileSync(without, `<head>${link}</head>`);
    const renamed = renamedStylesheet('global.Vite1234.css', css);
    expect(finishPages([withMath, without], [withMath], [sheet])).toEqual({
      renames: new Map([['global.Vite1234.css', renamed]]),
      preloaded: 1,
    });
    expect(existsSync(join(dir, renamed)), 'the stylesheet now has its content’s name').toBe(true);
    expect(existsSync(sheet), 'and not Vite’s').toBe(false);
    const newLink = `<link rel="stylesheet" href="/guide/_astro/${renamed}">`;
    expect(readFileSync(withMath, 'utf8'), 'every reference renamed, the preloads before the first').toBe(
      `<head><title>σ²: Xavier’s variance</title><link rel="preload" href="/guide/_astro/KaTeX_Main-Regular.c3.woff2" as="font" type="font/woff2" crossorigin><link rel="preload" href="/guide/_astro/KaTeX_Math-Italic.d4.woff2" as="font" type="font/woff2" crossorigin>${newLink}</head><p>${newLink}</p>`,
    );
    expect(readFileSync(without, 'utf8'), 'a page without formulas gets no preload').toBe(`<head>${newLink}</head>`);
  });

  it('names a stylesheet by what it holds, so a changed stylesheet never keeps an old name', () => {
    const name = renamedStylesheet('global.CSmfRjH6.css', css);
    expect(name).toMatch(/^global\.[\w-]{8}\.css$/);
    expect(renamedStylesheet('global.Other999.css', css), 'the same content, the same name').toBe(name);
    expect(renamedStylesheet('global.CSmfRjH6.css', `${css}.katex{}`), 'other content, another name').not.toBe(name);
  });
});
