import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Rolldown } from 'vite';
import { normalizeBasePath } from '../exams/base-path';
import { examsDirInProject } from '../exams/exams-dir';
import type { DeferredFormulas } from '../markdown/deferred-formulas';
import { earlierFormulas, formulaRenderingVersion, keepFormulas } from './formula-cache';
import { outDirProblem } from './out-dir';
import { indexSite } from './pagefind';
import { hasCachedPapers, launchChromium, makePapers, whyNoPapers, type ChromiumLaunch } from './pdf';
import { keepsMemoryLow, watchBuildMemory, type MemoryReclaimer } from './memory-reclaim';
import { forgetIndexOfMovedContent } from './moved-content';
import { finishPages } from './preload-katex-fonts';
import { purgeBuiltKatex } from './purge-katex-css';
import { subsetBuiltKatexFonts } from './subset-katex-fonts';
import { katexWoff2Only } from './vite-katex-woff2';
import { mdxSourceCheck } from './vite-mdx-source-check';
import { printRouteSwitch } from './vite-print-route';
import { tagIslandsForServer } from './vite-tag-islands';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Astro's own MDX output trips Rolldown's MODULE_LEVEL_DIRECTIVE warning once per MDX file (a
 * thousand lines for a thousand problems) though nothing is wrong (withastro/astro#18087); every
 * other log passes through.
 */
const withoutAstroDirectiveWarnings: NonNullable<Rolldown.InputOptions['onLog']> = (level, log, handler) => {
  if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
  handler(level, log);
};

/**
 * The site's build steps beyond Astro's own, so that `astro build` alone produces the complete
 * site: KaTeX ships woff2 fonts only, and once the pages are written their formulas are put back
 * (`formulas`, the store the MDX pipeline deferred them to), the KaTeX stylesheet and fonts are
 * trimmed to what the pages use (fonts down to the characters formulas draw), the stylesheet is
 * named by its final content, the two fonts every formula uses are preloaded, every exam is
 * printed to PDF (exam paper and solutions) and the search index is built over the result. A large
 * build hands unused memory back as it goes (memory-reclaim.ts; LOW_MEMORY=0 turns that off).
 */
export function studyGuide(options: { formulas: DeferredFormulas }): AstroIntegration {
  const { formulas } = options;
  let base = '/';
  let paperCache: string | undefined;
  let noPapers: string | undefined;
  let fontCache: string | undefined;
  let chromium: Promise<ChromiumLaunch> | undefined;
  let memory: MemoryReclaimer | undefined;
  let formulaCache: { file: string; version: string | undefined } | undefined;
  return {
    name: 'study-guide',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        formulas.deferring = command === 'build';
        if (formulas.deferring) {
          formulaCache = {
            file: fileURLToPath(new URL('study-guide-formulas.json', config.cacheDir)),
            version: formulaRenderingVersion(
              fileURLToPath(new URL('../markdown/', import.meta.url)),
              fileURLToPath(config.root),
            ),
          };
          formulas.rememberEarlier(earlierFormulas(formulaCache.file, formulaCache.version));
        }
        paperCache = fileURLToPath(new URL('study-guide-papers/', config.cacheDir));
        noPapers = command === 'build' ? whyNoPapers(process.env, paperCache) : undefined;
        const problem = outDirProblem(fileURLToPath(config.outDir).replace(/[\\/]$/, ''), process.cwd());
        if (problem) throw new Error(problem);
        if (command !== 'preview') {
          // Where Astro keeps its content index: the dev server in .astro/, builds and syncs in the cache.
          const indexDir = command === 'dev' ? new URL('.astro/', config.root) : config.cacheDir;
          const moved = forgetIndexOfMovedContent(
            fileURLToPath(indexDir),
            examsDirInProject(fileURLToPath(config.root)),
          );
          if (moved) logger.info(moved);
        }
        updateConfig({
          vite: {
            // Vite's dependency cache beside Astro's (ASTRO_CACHE_DIR), not in node_modules/.vite:
            // builds with caches of their own (the tests', the benchmarks') then never rename the
            // same folder at once, which failed one with ENOTEMPTY.
            cacheDir: fileURLToPath(new URL('vite/', config.cacheDir)),
            plugins: [
              katexWoff2Only(),
              mdxSourceCheck(),
              tagIslandsForServer(),
              printRouteSwitch(noPapers === undefined),
            ],
            // Vite inlines files under 4 KB as data URLs, which would put a KaTeX font (Size3) into
            // the stylesheet every page blocks on, out of reach of the font subsetting.
            build: {
              assetsInlineLimit: (file: string) => (file.endsWith('.woff2') ? false : undefined),
              rolldownOptions: { onLog: withoutAstroDirectiveWarnings },
            },
          },
        });
      },
      'astro:config:done': ({ config }) => {
        base = normalizeBasePath(config.base);
        fontCache = fileURLToPath(new URL('study-guide-fonts/', config.cacheDir));
      },
      // Chromium starts while Astro builds the pages, so printing the PDFs adds only the printing;
      // unless earlier builds left papers in the cache: then it starts only if a paper changed.
      'astro:build:start': () => {
        if (noPapers === undefined && !hasCachedPapers(paperCache)) chromium = launchChromium();
        memory = keepsMemoryLow(process.env.LOW_MEMORY) ? watchBuildMemory() : undefined;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // Formulas go back into each page as the purge reads it, before anything else reads the pages.
        const purge = purgeBuiltKatex(outDir, (html, file) => formulas.restore(html, relative(outDir, file)));
        logger.info(`Formulas put back into ${purge.pagesPrepared} pages`);
        if (formulaCache) keepFormulas(formulaCache.file, formulaCache.version, formulas.rendered());
        const sheets = purge.stylesheets.map(
          (sheet) => `${sheet.file} ${kb(sheet.gzipBefore)} → ${kb(sheet.gzipAfter)} gzip`,
        );
        logger.info(
          `KaTeX CSS trimmed to the classes the pages use: ${sheets.join(', ') || 'no KaTeX stylesheet'}; ${purge.removedFonts.length} unused fonts removed`,
        );
        const subset = await subsetBuiltKatexFonts(
          outDir,
          purge.keptFonts,
          purge.stylesheetFiles,
          purge.characters,
          fontCache,
        );
        const before = subset.fonts.reduce((sum, font) => sum + font.bytesBefore, 0);
        const after = subset.fonts.reduce((sum, font) => sum + font.bytesAfter, 0);
        logger.info(
          `KaTeX fonts cut to the ${purge.characters.size} characters the formulas draw: ${subset.fonts.length} fonts, ${kb(before)} → ${kb(after)}`,
        );
        const { renames, preloaded } = finishPages(
          purge.pages,
          purge.pagesWithMath,
          purge.stylesheets.map((sheet) => join(outDir, sheet.file)),
        );
        const renamed = [...renames].map(([from, to]) => `${from} → ${to}`).join(', ');
        logger.info(
          `Stylesheets named by their final content (${renamed || 'none rewritten'}); KaTeX's two most used fonts preloaded on the ${preloaded} pages with formulas`,
        );
        let pages = 0;
        // Pagefind's indexer and Chromium are child processes: their memory adds to this one's.
        memory?.reclaimIfLarge();
        await makePapers({
          outDir,
          base,
          chromium,
          noPapers,
          cacheDir: paperCache,
          info: (message) => logger.info(message),
          warn: (message) => logger.warn(message),
          alongside: async () => {
            pages = await indexSite(outDir, purge.pagesForSearch);
          },
        });
        logger.info(
          `Pagefind read ${pages} pages and wrote the search index to ${fileURLToPath(new URL('pagefind/', dir))}`,
        );
        const reclaimed = memory?.stop();
        if (reclaimed && reclaimed.collections > 0) {
          logger.info(
            `Unused memory handed back ${reclaimed.collections} times (${(reclaimed.collectingMs / 1000).toFixed(1)} s); the build process peaked at ${(reclaimed.peakResidentBytes / 2 ** 30).toFixed(2)} GB`,
          );
        }
      },
    },
  };
}
