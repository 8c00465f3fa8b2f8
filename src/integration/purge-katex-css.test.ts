import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { classesInHtml, purgeKatexCss, topLevelBlocks } from './purge-katex-css';

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
      const inKatex = topLevelBlocks(katexCss).some((block) => block.prelude.split(',').some((s) => s.includes(`.${name}`)));
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

  it('splits top-level blocks without breaking nested @media bodies', () => {
    expect(topLevelBlocks('a{b:c}@media x{d{e:f}}g{h:i}').map((block) => block.prelude)).toEqual(['a', '@media x', 'g']);
  });
});
