import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import katex from 'katex';
import { afterAll, describe, expect, it } from 'vitest';
import { classesInHtml, purgeBuiltKatex, purgeKatexCss, topLevelBlocks } from './purge-katex-css';

const katexCss = readFileSync(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'), 'utf8');
const siteCss = ':root{--bg:#fff}.part>h2{margin:0}@media print{.site-header{display:none}}';

describe('purging unused KaTeX CSS', () => {
  const html = ['\\frac{1}{2}', '\\sum_{j=1}^{n} w_j', '\\mathbb{R}^{K \\times D}', '\\left(\\frac{x}{2}\\right)']
    .map((tex) => katex.renderToString(tex, { displayMode: true }))
    .join('');
  const used = classesInHtml(html);
  const purged = purgeKatexCss(siteCss + katexCss, used);

  it('keeps the site’s own rules untouched', () => {
    expect(purged).toContain(':root{--bg:#fff}.part>h2{margin:0}@media print{.site-header{display:none}}');
  });

  it('keeps a rule for every class the rendered formulas use', () => {
    for (const name of used) {
      const inKatex = topLevelBlocks(katexCss).some((block) =>
        block.prelude.split(',').some((s) => s.includes(`.${name}`)),
      );
      if (inKatex) expect(purged, `a rule for .${name}`).toMatch(new RegExp(`\\.${name}(?![\\w-])`));
    }
  });

  it('drops rules for constructs the pages never use, and fonts no kept rule names', () => {
    expect(used.has('fbox')).toBe(false);
    expect(purged).not.toContain('.fbox');
    expect(purged, 'blackboard bold comes from KaTeX_AMS').toContain('font-family:KaTeX_AMS');
    expect(purged).not.toContain('KaTeX_Fraktur');
    expect(purged.length, 'a fraction of the original size').toBeLessThan(katexCss.length / 2);
  });

  it('keeps the @font-face of every family a kept rule names, so no symbol falls back to another font', () => {
    const faces = [...purged.matchAll(/@font-face\{[^}]*font-family:"?(KaTeX_\w+)/g)].map((match) => match[1]);
    const named = new Set(
      topLevelBlocks(purged)
        .filter((block) => block.prelude !== '@font-face')
        .flatMap((block) => [...block.body.matchAll(/KaTeX_\w+/g)].map((match) => match[0])),
    );
    expect(named.has('KaTeX_Size2'), 'the display sum names KaTeX_Size2').toBe(true);
    expect(new Set(faces), 'a face for each family the kept rules name, and no other').toEqual(named);
  });

  it('splits top-level blocks without breaking nested @media bodies', () => {
    expect(topLevelBlocks('a{b:c}@media x{d{e:f}}g{h:i}').map((block) => block.prelude)).toEqual([
      'a',
      '@media x',
      'g',
    ]);
  });
});

describe('purging a built site', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'purge-katex-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), text);
  };
  write(
    'exam/problem/index.html',
    `<html><body><article data-pagefind-body>${katex.renderToString('\\frac{1}{2}')}</article></body></html>`,
  );
  write('exam/mock/index.html', '<html><body><p>A mock exam, not for the search index</p></body></html>');
  write('_astro/Base.css', siteCss + katexCss);
  write('_astro/other.css', siteCss);
  write('_astro/fonts/KaTeX_Main-Regular.woff2', 'font');
  write('_astro/fonts/KaTeX_Fraktur-Regular.woff2', 'font');
  const report = purgeBuiltKatex(outDir);

  it('trims the stylesheet that holds KaTeX and reports its sizes', () => {
    expect(report.stylesheets.map((sheet) => sheet.file)).toEqual([join('_astro', 'Base.css')]);
    const [sheet] = report.stylesheets;
    expect(sheet!.gzipAfter, 'smaller after purging').toBeLessThan(sheet!.gzipBefore);
    expect(readFileSync(join(outDir, '_astro/Base.css'), 'utf8')).not.toContain('.fbox');
    expect(readFileSync(join(outDir, '_astro/other.css'), 'utf8'), 'a stylesheet without KaTeX is untouched').toBe(
      siteCss,
    );
  });

  it('lists the pages that mark content for the search index, and only those', () => {
    expect(report.pagesForSearch).toEqual([join(outDir, 'exam/problem/index.html')]);
  });

  it('deletes the fonts no kept rule names, and only those', () => {
    expect(report.removedFonts).toEqual([join('_astro', 'fonts', 'KaTeX_Fraktur-Regular.woff2')]);
    expect(existsSync(join(outDir, '_astro/fonts/KaTeX_Main-Regular.woff2')), 'the fraction uses KaTeX_Main').toBe(
      true,
    );
  });
});

describe('purging pages whose formulas are put back first', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'purge-katex-prepared-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));
  mkdirSync(join(outDir, '_astro/fonts'), { recursive: true });
  writeFileSync(join(outDir, 'index.html'), '<html><body><p>x</p><deferred-formula></deferred-formula></body></html>');
  writeFileSync(join(outDir, 'plain.html'), '<html><body><p>no formula</p></body></html>');
  writeFileSync(join(outDir, '_astro/Base.css'), katexCss);
  writeFileSync(join(outDir, '_astro/fonts/KaTeX_Fraktur-Regular.woff2'), 'font');
  const formula = katex.renderToString('\\mathfrak{A}');
  const report = purgeBuiltKatex(outDir, (html) => html.replace('<deferred-formula></deferred-formula>', formula));

  it('reads each page as prepared, writes back only the pages that changed', () => {
    expect(readFileSync(join(outDir, 'index.html'), 'utf8'), 'the formula is in the written page').toContain(formula);
    expect(report.pagesPrepared, 'the page without a formula is left alone').toBe(1);
    expect(report.pagesWithMath).toEqual([join(outDir, 'index.html')]);
    expect(
      existsSync(join(outDir, '_astro/fonts/KaTeX_Fraktur-Regular.woff2')),
      'the put-back formula keeps its font',
    ).toBe(true);
  });
});
