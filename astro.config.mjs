// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { normalizeBasePath } from './src/exams/base-path.ts';
import { examsDirInProject } from './src/exams/exams-dir.ts';
import { studyGuide } from './src/integration/index.ts';
import { preactIslands } from './src/integration/preact-islands.ts';
import { DeferredFormulas } from './src/markdown/deferred-formulas.ts';
import { pageRehypePlugins, pageRemarkPlugins } from './src/markdown/pipeline.ts';

// GitHub Pages serves a project site under /<repo>/; the deploy workflow passes both values.
const site = process.env.SITE_URL || 'http://localhost:4321';
const base = normalizeBasePath(process.env.BASE_PATH);
// A build keeps each formula's HTML out of the compiled MDX and studyGuide() puts it back into the
// written pages (src/markdown/deferred-formulas.ts).
const formulas = new DeferredFormulas();
const contentInsideProject = !examsDirInProject(import.meta.dirname).startsWith('..');

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  output: 'static',
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  // studyGuide() completes `astro build`: woff2-only KaTeX fonts, KaTeX CSS purge, Pagefind index.
  // It comes first so its MDX source check runs before the MDX compiler sees the file.
  // MDX `optimize` keeps static HTML (most of a page: text and KaTeX) as strings instead of JSX calls.
  // Preact components are all .tsx: the dev server's Babel pass and Preact's renderer check only
  // them. preactIslands() is @astrojs/preact for the dev server and its renderer alone for builds
  // (src/integration/preact-islands.ts says why).
  integrations: [studyGuide({ formulas }), mdx({ optimize: true }), preactIslands({ include: ['**/*.tsx'] })],
  markdown: {
    // SmartyPants comes with the page plugins, as Astro's own does the same work slower.
    processor: unified({
      remarkPlugins: pageRemarkPlugins,
      rehypePlugins: pageRehypePlugins(formulas),
      smartypants: false,
    }),
  },
  build: {
    // Small stylesheets inline; KaTeX's stays a cached file shared by every page.
    inlineStylesheets: 'auto',
  },
  // A later build copies each exam, problem, mock-exam and print page it generated before when the
  // page's code, its exam's content (the `cacheKey`, src/exams/content-digest.ts) and the content
  // it rendered are unchanged, instead of rendering it again. The integration's post-processing
  // runs on copied pages as on rendered ones: the cache holds pages as generated, formula
  // placeholders named by their formula (src/markdown/deferred-formulas.ts). Only for content inside
  // the project: Astro follows what an MDX file imports (the tools' code, data files) only there,
  // and with EXAMS_DIR elsewhere it copied a page whose tool had changed. `astro build --force`
  // renders every page.
  experimental: { incrementalBuild: contentInsideProject },
});
