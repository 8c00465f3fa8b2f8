// Performance report: build time of the whole site, then, per page, the bytes a first visit
// downloads (gzip) by kind, measured in Chromium so lazy loading counts as the reader sees it.
// Prints and writes bench-results/latest.json; budgets are reported, not asserted by timing tests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { chromium } from '@playwright/test';
import { startServer } from './serve.mjs';

const outDir = 'bench-results/dist';
const pages = [
  { name: 'home', path: '' },
  { name: 'exam', path: 'cs230-fall-2021-midterm/' },
  { name: 'search', path: 'search/' },
  ...[
    'multiple-choice',
    'short-answers',
    'weight-initialization',
    'backpropagation',
    'cnns',
    'normalization-techniques',
  ].map((slug) => ({ name: `problem: ${slug}`, path: `cs230-fall-2021-midterm/${slug}/` })),
];
const budgets = { problemPageCss: 10 * 1024, islandPageJs: 30 * 1024 };

function kindOf(resourceType, url) {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet') return 'css';
  if (resourceType === 'script' || url.endsWith('.js') || url.endsWith('.mjs')) return 'js';
  if (resourceType === 'font') return 'fonts';
  return 'other';
}

const started = performance.now();
const buildLog = execFileSync('npm', ['run', 'build'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'ignore'],
  env: { ...process.env, OUT_DIR: outDir, BASE_PATH: '/' },
});
// What the exam papers cost, as the integration measured it ("Printed 2 exam papers to PDF … in 2.1 s …").
const pdfLine = buildLog.split('\n').find((line) => line.includes('PDF'));
const buildSeconds = (performance.now() - started) / 1000;

const server = await startServer({ root: outDir, base: '/' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function measure(path, interact) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const totals = { html: 0, css: 0, js: 0, fonts: 0, other: 0, inlineJs: 0, inlineCss: 0 };
  const pending = [];
  page.on('response', (response) => {
    pending.push(
      response.body().then(
        (body) => {
          totals[kindOf(response.request().resourceType(), response.url())] += gzipSync(body).length;
        },
        () => {},
      ),
    );
  });
  await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  // The worst case a reader can reach: every solution and lab unfolded, every island scrolled to
  // (client:visible) and hydrated, so all the JavaScript the page can load is counted.
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details.solution, details.lab')) details.open = true;
  });
  for (const island of await page.locator('astro-island').all()) {
    await island.scrollIntoViewIfNeeded();
    await island.evaluate(
      (node) =>
        new Promise((resolve) => {
          const check = () => (node.hasAttribute('ssr') ? setTimeout(check, 20) : resolve(undefined));
          check();
        }),
    );
  }
  await page.waitForTimeout(300);
  totals.inlineJs = gzipSync((await page.locator('script:not([src])').allTextContents()).join('\n')).length;
  totals.inlineCss = gzipSync((await page.locator('style').allTextContents()).join('\n')).length;
  if (interact) await interact(page);
  await Promise.all(pending);
  await context.close();
  return totals;
}

const rows = [];
for (const { name, path } of pages) rows.push({ page: name, ...(await measure(path)) });
const withSearch = await measure('cs230-fall-2021-midterm/backpropagation/', async (page) => {
  await page.getByRole('searchbox', { name: 'Search the guide' }).fill('softplus');
  await page.locator('[data-search-box] .search-results li').first().waitFor();
  await page.waitForLoadState('networkidle');
});
rows.push({ page: 'problem: backpropagation, after a search', ...withSearch });

await browser.close();
await server.close();

// One default update of the Problem 3 simulation, timed in Node (median of 15 runs).
let varianceUpdateMs = null;
try {
  const bundled = await esbuild({
    entryPoints: ['src/tools/variance-explorer/variance-depth.ts'],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
  });
  const moduleUrl = `data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`;
  const { runDefaultVarianceSimulation } = await import(moduleUrl);
  const times = [];
  for (let run = 0; run < 15; run += 1) {
    const start = performance.now();
    runDefaultVarianceSimulation();
    times.push(performance.now() - start);
  }
  varianceUpdateMs = times.sort((a, b) => a - b)[7];
} catch (error) {
  console.warn(`Problem 3 simulation not timed: ${error.message}`);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`\nBuild time of the whole site: ${buildSeconds.toFixed(1)} s`);
console.log(`Exam papers: ${pdfLine?.replace(/^.*\[study-guide\] /, '') ?? 'no PDF line in the build log'}\n`);
console.log(
  'First visit, gzip bytes per page (CSS and JS = files + inline; worst case: every solution and lab opened, every island hydrated):',
);
console.table(
  rows.map((row) => ({
    page: row.page,
    HTML: kb(row.html),
    CSS: kb(row.css + row.inlineCss),
    JS: kb(row.js + row.inlineJs),
    'of which inline JS': kb(row.inlineJs),
    fonts: kb(row.fonts),
  })),
);
if (varianceUpdateMs !== null)
  console.log(`Problem 3 simulation, one default update: ${varianceUpdateMs.toFixed(1)} ms (median of 15)`);

const problemRows = rows.filter((row) => row.page.startsWith('problem: ') && !row.page.includes('after'));
const verdicts = [
  [
    'CSS per problem page (site + KaTeX) <= 10 KB',
    Math.max(...problemRows.map((row) => row.css + row.inlineCss)) <= budgets.problemPageCss,
  ],
  [
    'JS per problem page with islands <= 30 KB',
    Math.max(...problemRows.map((row) => row.js + row.inlineJs)) <= budgets.islandPageJs,
  ],
];
for (const [label, ok] of verdicts) console.log(`${ok ? 'within budget' : 'OVER BUDGET'}: ${String(label)}`);

mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/latest.json',
  `${JSON.stringify({ buildSeconds, pages: rows, varianceUpdateMs, budgets }, null, 2)}\n`,
);
