import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { addFormulaCharacters } from './subset-katex-fonts';

/**
 * KaTeX's stylesheet covers every construct KaTeX can draw (250 rules, 20 fonts), but a site uses
 * a fraction of them, and with hashed font URLs the @font-face list alone is ~4 KB gzip. After
 * the build, this keeps only the KaTeX rules whose classes occur in the built pages and the
 * fonts those rules name. Rules that do not mention `katex` (the site's own) are never touched.
 */

interface Block {
  prelude: string;
  body: string;
}

/** Splits a stylesheet into its top-level `prelude { body }` blocks (nested blocks stay in the body). */
export function topLevelBlocks(css: string): Block[] {
  const blocks: Block[] = [];
  let depth = 0;
  let start = 0;
  let open = -1;
  for (let index = 0; index < css.length; index += 1) {
    const char = css[index];
    if (char === '{') {
      if (depth === 0) open = index;
      depth += 1;
    } else if (char === '}') {
      depth -= 1;
      if (depth === 0) {
        blocks.push({ prelude: css.slice(start, open).trim(), body: css.slice(open + 1, index) });
        start = index + 1;
      }
    }
  }
  return blocks;
}

const classNames = (selector: string) => [...selector.matchAll(/\.([\w-]+)/g)].map((match) => match[1]!);

function katexFamilies(text: string): Set<string> {
  return new Set([...text.matchAll(/KaTeX_[A-Za-z0-9]+/g)].map((match) => match[0]));
}

export function purgeKatexCss(css: string, usedClasses: ReadonlySet<string>): string {
  const kept: Block[] = [];
  const fontFaces: Block[] = [];
  for (const block of topLevelBlocks(css)) {
    if (block.prelude === '@font-face' && /font-family:\s*"?KaTeX_/.test(block.body)) {
      fontFaces.push(block);
      continue;
    }
    if (block.prelude.startsWith('@') || !block.prelude.includes('katex')) {
      kept.push(block);
      continue;
    }
    const selectors = block.prelude
      .split(',')
      .filter((selector) => classNames(selector).every((name) => usedClasses.has(name)));
    if (selectors.length > 0) kept.push({ prelude: selectors.join(','), body: block.body });
  }
  // Joined with `;`: a body may end in a family name with no semicolon (`{font-family:KaTeX_Size2}`),
  // which run into the next body would read as another name (`KaTeX_Size2font`).
  const families = katexFamilies(kept.map((block) => block.body).join(';'));
  const fonts = fontFaces.filter((face) => [...katexFamilies(face.body)].some((family) => families.has(family)));
  return [...fonts, ...kept].map((block) => `${block.prelude}{${block.body}}`).join('');
}

/**
 * Every class name used in an HTML document. Each distinct attribute value is split once: a page
 * repeats a few dozen values (KaTeX's `mord mathnormal`) thousands of times, and at 1,000 problem
 * pages this step read 173 MB of HTML.
 */
export function classesInHtml(html: string): Set<string> {
  const classes = new Set<string>();
  const values = new Set<string>();
  const marker = 'class="';
  let at = html.indexOf(marker);
  while (at !== -1) {
    const start = at + marker.length;
    const end = html.indexOf('"', start);
    if (end === -1) break;
    const value = html.slice(start, end);
    if (!values.has(value)) {
      values.add(value);
      for (const name of value.split(/\s+/)) if (name) classes.add(name);
    }
    at = html.indexOf(marker, end + 1);
  }
  return classes;
}

export interface PurgeReport {
  /** Each stylesheet that held KaTeX rules, relative to the build dir, with its gzip size before and after. */
  stylesheets: Array<{ file: string; gzipBefore: number; gzipAfter: number }>;
  /** KaTeX font files deleted because no kept rule names them. */
  removedFonts: string[];
  /** The KaTeX font files still named by a rule (absolute paths), and every built stylesheet. */
  keptFonts: string[];
  stylesheetFiles: string[];
  /** Every character drawn by a formula of the built pages, read in the same pass as their classes. */
  characters: Set<string>;
  /** Every built page. */
  pages: string[];
  /** The built pages with at least one formula. */
  pagesWithMath: string[];
  /** The built pages that mark content for the search index (`data-pagefind-body`). */
  pagesForSearch: string[];
  /** How many pages `preparePage` changed (and were written back). */
  pagesPrepared: number;
}

/**
 * Purges every built stylesheet in `outDir` to the KaTeX classes its HTML uses, then deletes fonts
 * no rule names. `preparePage` (putting deferred formulas back) sees each page first, in the same
 * single read: a page it changes is written back and read as changed.
 */
export function purgeBuiltKatex(
  outDir: string,
  preparePage: (html: string, file: string) => string = (html) => html,
): PurgeReport {
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

  const used = new Set<string>();
  const characters = new Set<string>();
  const pages = files.filter((name) => name.endsWith('.html'));
  const pagesWithMath: string[] = [];
  const pagesForSearch: string[] = [];
  let pagesPrepared = 0;
  for (const file of pages) {
    const built = readFileSync(file, 'utf8');
    const html = preparePage(built, file);
    if (html !== built) {
      writeFileSync(file, html);
      pagesPrepared += 1;
    }
    const classes = classesInHtml(html);
    for (const name of classes) used.add(name);
    if (classes.has('katex')) pagesWithMath.push(file);
    if (html.includes('data-pagefind-body')) pagesForSearch.push(file);
    addFormulaCharacters(html, characters);
  }

  const stylesheets = files.filter((name) => name.endsWith('.css'));
  const report: PurgeReport = {
    stylesheets: [],
    removedFonts: [],
    keptFonts: [],
    stylesheetFiles: stylesheets,
    characters,
    pages,
    pagesWithMath,
    pagesForSearch,
    pagesPrepared,
  };
  for (const file of stylesheets) {
    const css = readFileSync(file, 'utf8');
    if (!css.includes('KaTeX_')) continue;
    const purged = purgeKatexCss(css, used);
    writeFileSync(file, purged);
    report.stylesheets.push({
      file: relative(outDir, file),
      gzipBefore: gzipSync(css).length,
      gzipAfter: gzipSync(purged).length,
    });
  }

  const referenced = stylesheets.map((file) => readFileSync(file, 'utf8')).join('');
  for (const file of files.filter((name) => /KaTeX_.*\.woff2$/.test(name))) {
    if (referenced.includes(basename(file))) {
      report.keptFonts.push(file);
      continue;
    }
    rmSync(file);
    report.removedFonts.push(relative(outDir, file));
  }
  return report;
}
