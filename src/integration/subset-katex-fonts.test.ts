import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Blob, Face } from 'harfbuzzjs';
import katex from 'katex';
import subsetFont from 'subset-font';
import { afterAll, describe, expect, it } from 'vitest';
import { addFormulaCharacters, renamedFont, subsetBuiltKatexFonts, subsetText } from './subset-katex-fonts';

const katexFonts = join(createRequire(import.meta.url).resolve('katex/package.json'), '..', 'dist', 'fonts');

/** The code points a woff2 font has glyphs for (harfbuzz reads sfnt, so the font is unpacked first). */
async function codePoints(woff2: Uint8Array): Promise<Set<string>> {
  const sfnt = await subsetFont(woff2, '', { keepAllGlyphs: true, targetFormat: 'sfnt' });
  const face = new Face(new Blob(sfnt));
  return new Set([...face.collectUnicodes()].map((point) => String.fromCodePoint(point)));
}

describe('the characters formulas draw', () => {
  it('are the text of each .katex-html, entities decoded, and nothing outside it', () => {
    const characters = new Set<string>();
    const formula = katex.renderToString('\\sigma(z) < \\frac{1}{2} \\text{ \\& } \\mathbb{R}');
    addFormulaCharacters(`<p>Prose Q</p>${formula}<p>more prose ¶</p>`, characters);
    for (const drawn of ['σ', 'z', '<', '1', '2', '&', 'R', '(', ')']) {
      expect(characters.has(drawn), `"${drawn}" is drawn by the formula`).toBe(true);
    }
    expect(characters.has('Q'), 'prose outside formulas does not count').toBe(false);
    expect(characters.has('¶'), 'prose after the formula does not count').toBe(false);
  });

  it('stop at a page cut off inside a formula instead of looping', () => {
    const characters = new Set<string>();
    addFormulaCharacters('<span class="katex-html"><span>x</span><span', characters);
    addFormulaCharacters('<span class="katex-html"', characters);
    expect([...characters]).toEqual(['x']);
  });

  it('are kept in code point order, so the same formulas always give the same font', () => {
    expect(subsetText(new Set(['σ', 'b', 'a', '(']))).toBe('(abσ');
  });
});

describe('subsetting the KaTeX fonts of a built site', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'subset-katex-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));
  mkdirSync(join(outDir, '_astro'));
  const original = readFileSync(join(katexFonts, 'KaTeX_Main-Regular.woff2'));
  const fontFile = join(outDir, '_astro', 'KaTeX_Main-Regular.B22Nviop.woff2');
  writeFileSync(fontFile, original);
  const sheet = join(outDir, '_astro', 'global.css');
  writeFileSync(sheet, '@font-face{font-family:KaTeX_Main;src:url(/_astro/KaTeX_Main-Regular.B22Nviop.woff2)}');
  const drawn = new Set(['(', ')', '=', '1', 'x', '→', '∑']);
  const subset = subsetBuiltKatexFonts(outDir, [fontFile], [sheet], drawn);

  it('keeps a glyph for every character drawn that the font had, and few others', async () => {
    const report = await subset;
    const [newName] = readdirSync(join(outDir, '_astro')).filter((file) => file.endsWith('.woff2'));
    const kept = await codePoints(readFileSync(join(outDir, '_astro', newName!)));
    const had = await codePoints(original);
    for (const character of drawn) if (had.has(character)) expect(kept.has(character), character).toBe(true);
    expect(kept.size, 'glyphs for the drawn characters, not the whole font').toBeLessThanOrEqual(drawn.size);
    expect(report.fonts[0]!.bytesAfter, 'a fraction of the full font').toBeLessThan(original.length / 2);
  });

  it('renames the font by its new content and points the stylesheet at it', async () => {
    await subset;
    expect(existsSync(fontFile), 'the full font is gone under its old name').toBe(false);
    const [newName] = readdirSync(join(outDir, '_astro')).filter((file) => file.endsWith('.woff2'));
    expect(newName).toMatch(/^KaTeX_Main-Regular\.[\w-]{8}\.woff2$/);
    expect(newName).toBe(
      renamedFont('KaTeX_Main-Regular.B22Nviop.woff2', readFileSync(join(outDir, '_astro', newName!))),
    );
    expect(readFileSync(sheet, 'utf8')).toBe(`@font-face{font-family:KaTeX_Main;src:url(/_astro/${newName!})}`);
  });
});

describe('the subset cache', () => {
  const root = mkdtempSync(join(tmpdir(), 'subset-cache-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const original = readFileSync(join(katexFonts, 'KaTeX_Math-Italic.woff2'));
  const build = async (name: string, drawn: string[]) => {
    const outDir = join(root, name);
    mkdirSync(outDir);
    const font = join(outDir, 'KaTeX_Math-Italic.abc.woff2');
    writeFileSync(font, original);
    await subsetBuiltKatexFonts(outDir, [font], [], new Set(drawn), join(root, 'cache'));
    const [file] = readdirSync(outDir);
    return readFileSync(join(outDir, file!));
  };

  it('gives a later build the same subset from the cache, and a new one when the characters change', async () => {
    const first = await build('first', ['x', 'y']);
    expect(readdirSync(join(root, 'cache')), 'one cached subset').toHaveLength(1);
    const second = await build('second', ['x', 'y']);
    expect(Buffer.compare(second, first), 'byte for byte the same font').toBe(0);
    const third = await build('third', ['x', 'y', 'z']);
    expect(readdirSync(join(root, 'cache')), 'a second cached subset for the new characters').toHaveLength(2);
    expect((await codePoints(third)).has('z'), 'the new character is in the new subset').toBe(true);
  });
});
