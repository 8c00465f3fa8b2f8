// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { remarkExamParts } from './src/markdown/remark-exam-parts.ts';
import { rehypeKatexStrict } from './src/markdown/rehype-katex-strict.ts';
import { rehypeMathPresentation } from './src/markdown/rehype-math-presentation.ts';
import { normalizeBasePath } from './src/exams/base-path.ts';
import { katexWoff2Only } from './src/integration/vite-katex-woff2.ts';

// GitHub Pages serves a project site under /<repo>/; the deploy workflow passes both values.
const site = process.env.SITE_URL || 'http://localhost:4321';
const base = normalizeBasePath(process.env.BASE_PATH);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  output: 'static',
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  integrations: [mdx(), preact()],
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath, remarkExamParts],
      rehypePlugins: [rehypeKatex, rehypeKatexStrict, rehypeMathPresentation],
    }),
  },
  build: {
    // Small stylesheets inline; KaTeX's stays a cached file shared by every page.
    inlineStylesheets: 'auto',
  },
  vite: {
    plugins: [katexWoff2Only()],
  },
});
