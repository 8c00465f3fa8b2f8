import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { decodeHTML } from 'entities';
import subsetFont from 'subset-font';
import { writeWhole } from './write-whole';

/**
 * KaTeX's fonts carry every glyph KaTeX can draw (Main-Regular alone is 26 KB), while the site's
 * formulas use about ninety characters, and two or three of these fonts were most of a problem
 * page's first visit. After the build, each KaTeX font left by the CSS purge is cut down to the
 * characters drawn inside formulas anywhere on the site (the text of every `.katex-html`), so one
 * subset per font serves every page, and hinting is dropped (a third of what is left; modern
 * rasterisers ignore it at screen sizes). Nothing writes into a formula at run time (islands get
 * their formulas as server-rendered slots), so the built pages hold every character drawn.
 */

/** Adds every character drawn by the formulas of `html` (the text of each `.katex-html`, entities decoded). */
export function addFormulaCharacters(html: string, characters: Set<string>): void {
  // One forward pass over the tags of each formula, counting nested spans: linear in the page.
  const marker = 'class="katex-html"';
  let from = html.indexOf(marker);
  while (from !== -1) {
    let cursor = html.indexOf('>', from) + 1;
    if (cursor === 0) return;
    let depth = 1;
    while (depth > 0) {
      const open = html.indexOf('<', cursor);
      if (open === -1) return;
      const text = html.slice(cursor, open);
      for (const character of text.includes('&') ? decodeHTML(text) : text) characters.add(character);
      if (html.startsWith('</span', open)) depth -= 1;
      else if (html.startsWith('<span', open)) depth += 1;
      cursor = html.indexOf('>', open) + 1;
      if (cursor === 0) return;
    }
    from = html.indexOf(marker, cursor);
  }
}

/** The characters a font subset keeps, in code point order (so the same set always gives the same font). */
export function subsetText(characters: ReadonlySet<string>): string {
  return [...characters].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0)).join('');
}

/** `KaTeX_Main-Regular.B22Nviop.woff2` with a new content hash in place of Vite's. */
export function renamedFont(fileName: string, content: Uint8Array): string {
  const hash = createHash('sha256').update(content).digest('base64url').slice(0, 8);
  const family = fileName.slice(0, fileName.indexOf('.'));
  return `${family}.${hash}.woff2`;
}

export interface FontSubsetReport {
  fonts: Array<{ file: string; bytesBefore: number; bytesAfter: number }>;
}

/** Options of every subset: part of the cache key, so changing them makes new subsets. */
const SUBSET_OPTIONS = { targetFormat: 'woff2', noHinting: true } as const;

/**
 * The subset of `original` for `text`, from `cacheDir` when an earlier build made it (subsetting
 * a dozen fonts takes most of a second), keyed by the font's bytes, the text and the options.
 */
async function cachedSubset(original: Uint8Array, text: string, cacheDir: string | undefined): Promise<Uint8Array> {
  const key = createHash('sha256')
    .update(original)
    .update(text)
    .update(JSON.stringify(SUBSET_OPTIONS))
    .digest('base64url');
  if (cacheDir === undefined) return subsetFont(original, text, SUBSET_OPTIONS);
  const cached = join(cacheDir, `${key}.woff2`);
  if (existsSync(cached)) return readFileSync(cached);
  const subset = await subsetFont(original, text, SUBSET_OPTIONS);
  writeWhole(cached, subset);
  return subset;
}

/**
 * Replaces each KaTeX font file with its subset under a new hashed name (a cached full font can
 * never be mistaken for the subset) and points every stylesheet at the new names. With
 * `cacheDir`, subsets made by an earlier build are reused.
 */
export async function subsetBuiltKatexFonts(
  outDir: string,
  fontFiles: readonly string[],
  stylesheets: readonly string[],
  characters: ReadonlySet<string>,
  cacheDir?: string,
): Promise<FontSubsetReport> {
  const text = subsetText(characters);
  const renames = new Map<string, string>();
  const report: FontSubsetReport = { fonts: [] };
  for (const file of fontFiles) {
    const original = readFileSync(file);
    const subset = await cachedSubset(original, text, cacheDir);
    const name = renamedFont(basename(file), subset);
    writeFileSync(file, subset);
    renameSync(file, join(dirname(file), name));
    renames.set(basename(file), name);
    report.fonts.push({ file: relative(outDir, file), bytesBefore: original.length, bytesAfter: subset.length });
  }
  for (const sheet of stylesheets) {
    const css = readFileSync(sheet, 'utf8');
    let pointed = css;
    for (const [from, to] of renames) pointed = pointed.replaceAll(from, to);
    if (pointed !== css) writeFileSync(sheet, pointed);
  }
  return report;
}
