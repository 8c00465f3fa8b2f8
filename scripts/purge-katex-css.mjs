// Post-build step: trims KaTeX's stylesheet to what the built pages use (see
// src/lib/purge-katex-css.ts) and deletes the KaTeX fonts no remaining rule names.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { classesInHtml, purgeKatexCss } from '../src/integration/purge-katex-css.ts';

const outDir = process.argv[2] ?? 'dist';
const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => join(entry.parentPath, entry.name));

const used = new Set();
for (const file of files.filter((name) => name.endsWith('.html'))) {
  for (const name of classesInHtml(readFileSync(file, 'utf8'))) used.add(name);
}

const stylesheets = files.filter((name) => name.endsWith('.css'));
for (const file of stylesheets) {
  const css = readFileSync(file, 'utf8');
  if (!css.includes('KaTeX_')) continue;
  const purged = purgeKatexCss(css, used);
  writeFileSync(file, purged);
  const kb = (text) => `${(gzipSync(text).length / 1024).toFixed(1)} KB`;
  console.log(`KaTeX CSS trimmed to what the pages use: ${file} ${kb(css)} → ${kb(purged)} gzip`);
}

const referenced = stylesheets.map((file) => readFileSync(file, 'utf8')).join('');
for (const file of files.filter((name) => /KaTeX_.*\.woff2$/.test(name))) {
  const name = file.split(/[\\/]/).pop();
  if (!referenced.includes(name)) rmSync(file);
}
