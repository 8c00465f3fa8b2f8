// Performance report: build time of the whole site, then, per page, the bytes a first visit
// downloads (gzip) by kind, measured in Chromium so lazy loading counts as the reader sees it: a
// plain visit (load, nothing opened) and the worst case (everything opened and hydrated).
// `--compare` also builds a default Starlight site of the same problems and compares build time
// and first-visit bytes; `--lighthouse` runs Lighthouse (mobile, simulated throttling) on every
// problem page. Prints and writes bench-results/latest.json; budgets are reported, not asserted.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { chromium } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { startServer } from './serve.mjs';

const options = new Set(process.argv.slice(2));
let rounds = 3;
for (const option of options) {
  const roundsOption = /^--rounds=(.*)$/.exec(option);
  if (roundsOption) {
    rounds = Number(roundsOption[1]);
    if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) {
      console.error(`bench: --rounds takes a whole number from 1 to 20, not "${String(roundsOption[1])}"`);
      process.exit(2);
    }
  } else if (option !== '--compare' && option !== '--lighthouse') {
    console.error(`bench: unknown option ${option} (known: --compare, --rounds=N, --lighthouse)`);
    process.exit(2);
  }
}
const compare = options.has('--compare');
const lighthouse = options.has('--lighthouse');

const outDir = 'bench-results/dist';
const examDir = 'content/exams/cs230-fall-2021-midterm';
const problemFiles = readdirSync(examDir)
  .filter((file) => file.endsWith('.mdx') && file !== 'index.mdx')
  .sort();
// "04-backpropagation.mdx" is served at cs230-fall-2021-midterm/backpropagation/.
const slugOf = (/** @type {string} */ file) => file.slice(file.indexOf('-') + 1, -'.mdx'.length);
const problemPages = problemFiles.map((file) => ({
  name: `problem: ${slugOf(file)}`,
  path: `cs230-fall-2021-midterm/${slugOf(file)}/`,
}));
const pages = [
  { name: 'home', path: '' },
  { name: 'exam', path: 'cs230-fall-2021-midterm/' },
  { name: 'search', path: 'search/' },
  ...problemPages,
];
const budgets = { problemPageCss: 10 * 1024, islandPageJs: 30 * 1024, firstVisitVsStarlight: 0.6 };
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Node 24 (the `node` devDependency) for every child: npm and Astro resolve `node` from PATH, and
// the system's is older.
const childPath = `${dirname(process.execPath)}:${process.env.PATH ?? ''}`;
const lighthouseVersion = '13.5.0';
/** Temporary folders, removed when the process exits, whether it succeeded or not. */
const temporaryFolders = [];
const temporaryFolder = (/** @type {string} */ prefix) => {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  temporaryFolders.push(folder);
  return folder;
};
process.on('exit', () => {
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});
const progress = (message) => console.log(`[${(performance.now() / 1000).toFixed(0)} s] ${message}`);

function kindOf(resourceType, url) {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet') return 'css';
  if (resourceType === 'script' || url.endsWith('.js') || url.endsWith('.mjs')) return 'js';
  if (resourceType === 'font') return 'fonts';
  return 'other';
}

/**
 * What a first visit downloads: inline scripts and styles are inside the HTML, so not added twice.
 * @param {{ html: number, css: number, js: number, fonts: number }} totals
 */
const firstVisitBytes = (totals) => totals.html + totals.css + totals.js + totals.fonts;

/** Runs `npm run build` in `cwd`, returning its wall time and standard output. */
function timedBuild(cwd, env) {
  const started = performance.now();
  const log = execFileSync('npm', ['run', 'build'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, PATH: childPath, ...env },
  });
  // Colours (FORCE_COLOR) would split the lines the log readers below look for.
  return { seconds: (performance.now() - started) / 1000, log: stripVTControlCharacters(log) };
}

/**
 * The exam papers' print time from the build log ("Printed 2 exam papers to PDF … in 2.1 s …").
 * @param {string} log
 */
function pdfSecondsOf(log) {
  const line = log.split('\n').find((text) => text.includes('Printed') && text.includes('PDF'));
  const seconds = line ? Number.parseFloat(line.slice(line.indexOf(' in ') + 4)) : Number.NaN;
  return Number.isFinite(seconds) ? seconds : null;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// ---------------------------------------------------------------------------------------------
// The Starlight comparison site: the same problems as plain Markdown pages of a default Starlight
// site with remark-math, rehype-katex and KaTeX's stylesheet, as a Starlight + KaTeX site is made.

// The newest Starlight whose peer range covers this project's Astro 7 (astro ^7.2.10); Astro and
// its Markdown package are pinned to the versions installed here, so both sites build with the same Astro.
const starlightVersion = '0.42.4';
const installedVersion = (name) => JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version;

function starlightPackageJson() {
  const manifest = {
    name: 'bench-starlight',
    private: true,
    type: 'module',
    scripts: { build: 'astro build' },
    dependencies: {
      '@astrojs/markdown-remark': installedVersion('@astrojs/markdown-remark'),
      '@astrojs/starlight': starlightVersion,
      astro: installedVersion('astro'),
      katex: installedVersion('katex'),
      'rehype-katex': '7.0.1',
      'remark-math': '6.0.0',
    },
    // Same policy as this project: esbuild's install script checks its binary.
    allowScripts: { esbuild: true },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

const starlightConfig = `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

export default defineConfig({
  markdown: { processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }) },
  integrations: [starlight({ title: 'CS230 study guide', customCss: ['katex/dist/katex.min.css'] })],
});
`;

const starlightContentConfig = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

/**
 * The installed comparison project, kept under node_modules/.cache keyed by its package.json so a
 * second run reuses it. It is installed in a staging folder and renamed into place only once npm
 * succeeded, so an interrupted install is never taken for a complete one.
 */
function starlightInstall() {
  const manifest = starlightPackageJson();
  const cacheRoot = resolve('node_modules/.cache/bench-starlight');
  const key = createHash('sha256').update(manifest).digest('hex').slice(0, 16);
  const installed = join(cacheRoot, key);
  if (existsSync(join(installed, 'node_modules'))) return { dir: installed, manifest };
  // An install for another package.json is stale: Astro or Starlight moved on.
  rmSync(cacheRoot, { recursive: true, force: true });
  const staging = `${installed}.partial`;
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), manifest);
  console.log(`Installing the Starlight comparison site (@astrojs/starlight ${starlightVersion}) once…`);
  try {
    execFileSync('npm', ['install', '--no-audit', '--no-fund'], {
      cwd: staging,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, PATH: childPath },
    });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    console.error(
      `bench --compare: could not install the Starlight comparison site (npm install of @astrojs/starlight ` +
        `${starlightVersion} with astro ${installedVersion('astro')} failed; is the npm registry reachable?)\n` +
        String(error.stderr ?? error.message).trim(),
    );
    process.exit(1);
  }
  renameSync(staging, installed);
  return { dir: installed, manifest };
}

/**
 * Index just past the closing quote of the string that opens at `start` (backslash escapes skipped).
 * @param {string} text @param {number} start
 */
function afterString(text, start) {
  for (let index = start + 1; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === text[start]) return index + 1;
  }
  return text.length;
}

/**
 * Index just past the JSX tag, JavaScript statement (import, export) or {expression} that starts
 * at `start`: a tag ends at its first `>` outside braces and strings, a statement at its first line
 * break outside brackets, strings and comments, an expression at the brace that closes it. One
 * forward pass.
 * @param {'tag' | 'statement' | 'expression'} kind @param {string} text @param {number} start
 */
function endOf(kind, text, start) {
  let depth = 0;
  let index = start;
  while (index < text.length) {
    const char = text[index];
    const next = text[index + 1];
    const inCode = kind !== 'tag' || depth > 0;
    if (inCode && char === '/' && next === '*') {
      const close = text.indexOf('*/', index + 2);
      index = close === -1 ? text.length : close + 2;
    } else if (inCode && char === '/' && next === '/') {
      const lineEnd = text.indexOf('\n', index);
      index = lineEnd === -1 ? text.length : lineEnd;
    } else if (char === '"' || char === "'" || (inCode && char === '`')) {
      index = afterString(text, index);
    } else {
      index += 1;
      if (char === '{' || char === '(' || char === '[') depth += 1;
      else if (char === '}' || char === ')' || char === ']') {
        depth -= 1;
        if (kind === 'expression' && depth === 0) return index;
      } else if (depth === 0 && (kind === 'tag' ? char === '>' : char === '\n')) return index;
    }
  }
  return text.length;
}

/**
 * Index of the next JSX tag or {expression} in text[from, to), skipping escaped characters, inline
 * math and inline code (where `<` and `{` are literal); `to` when there is none.
 * @param {string} text @param {number} from @param {number} to
 */
function nextJsx(text, from, to) {
  let literal = null;
  for (let index = from; index < to; index += 1) {
    const char = text[index];
    if (char === '\\') index += 1;
    else if (literal !== null) {
      if (char === literal) literal = null;
    } else if (char === '$' || char === '`') literal = char;
    else if (char === '{' || (char === '<' && /[A-Za-z/]/.test(text[index + 1] ?? ''))) return index;
  }
  return to;
}

const isTagNameChar = (char) => char !== undefined && /[\w.:-]/.test(char);

/**
 * The value of a quoted attribute in a tag's source, such as `id="a"`.
 * @param {string} tagSource @param {string} name
 */
function attribute(tagSource, name) {
  const marker = ` ${name}="`;
  const at = tagSource.indexOf(marker);
  if (at === -1) return undefined;
  const from = at + marker.length;
  return tagSource.slice(from, tagSource.indexOf('"', from));
}

/**
 * One page of the exam as the plain Markdown a Starlight docs page would hold. Imports, exports
 * and {expressions} go; <Part> becomes a heading with its title from the frontmatter, <Solution> a
 * bold label, <Note> an aside, <Figure> its content and caption, <Options> and HTML wrappers
 * (div) their children alone. Any other component goes with its children: the islands, the labs
 * that only fold an island, and the server-rendered solution tables (so the Starlight page lacks
 * them and is a little lighter than a faithful copy). Display math and code blocks pass verbatim.
 * The scanner only moves forward, so the cost is linear in the file.
 * @param {string} source @param {string} fileName
 */
function mdxToMarkdown(source, fileName) {
  const frontmatterEnd = source.indexOf('\n---\n', 4);
  if (!source.startsWith('---\n') || frontmatterEnd === -1) throw new Error(`${fileName}: no frontmatter`);
  const frontmatter = parseYaml(source.slice(4, frontmatterEnd));
  const partTitles = new Map((frontmatter.parts ?? []).map((part) => [String(part.id), part.title]));
  const body = source.slice(frontmatterEnd + 5);
  const out = [];
  const open = [];
  // Lines of content written so far: a wrapper that gained none (its children were all dropped)
  // is removed with its label.
  let contentLines = 0;
  let skipDepth = 0;
  let fence = null;
  // The text of the output line being read, written at its line break (or before a label).
  let pending = '';
  const write = (line) => {
    out.push(line);
    if (line.trim() !== '') contentLines += 1;
  };
  const label = (text) => out.push('', text, '');

  const handleTag = (tag) => {
    if (skipDepth > 0) {
      if (tag.closing) skipDepth -= 1;
      else if (!tag.selfClosing) skipDepth += 1;
      return;
    }
    // Text before a wrapper's tag on the same line belongs before its label (or inside it).
    if (pending.trim() !== '') write(pending);
    pending = '';
    if (tag.closing) {
      const wrapper = open.pop();
      if (wrapper?.name !== tag.name) throw new Error(`${fileName}: </${tag.name}> does not close <${wrapper?.name}>`);
      if (contentLines === wrapper.contentLines) out.length = wrapper.mark;
      else if (tag.name === 'Note') label(':::');
      else if (tag.name === 'Figure' && wrapper.caption) label(`*${wrapper.caption}*`);
      return;
    }
    if (tag.selfClosing) return;
    const isWrapper = ['Part', 'Solution', 'Note', 'Figure', 'Options'].includes(tag.name);
    if (!isWrapper && tag.name[0] !== tag.name[0]?.toLowerCase()) {
      skipDepth = 1;
      return;
    }
    open.push({ name: tag.name, mark: out.length, contentLines, caption: attribute(tag.source, 'caption') });
    if (tag.name === 'Part') {
      const id = attribute(tag.source, 'id') ?? '';
      const title = partTitles.get(id);
      label(`## (${id})${title ? ` ${title}` : ''}`);
    } else if (tag.name === 'Solution') label('**Solution**');
    else if (tag.name === 'Note') label(':::note');
  };

  let position = 0;
  while (position < body.length) {
    const newline = body.indexOf('\n', position);
    const lineEnd = newline === -1 ? body.length : newline;
    if (position === 0 || body[position - 1] === '\n') {
      // Fences and ESM statements only count at the start of a line.
      const line = body.slice(position, lineEnd);
      const trimmed = line.trim();
      const fenceMark = trimmed === '$$' ? '$$' : trimmed.startsWith('```') ? '```' : null;
      if (fence !== null || fenceMark !== null) {
        if (fence === null) fence = fenceMark;
        else if (fenceMark === fence) fence = null;
        if (skipDepth === 0) write(line);
        position = lineEnd + 1;
        continue;
      }
      if (open.length === 0 && skipDepth === 0 && (trimmed.startsWith('import ') || trimmed.startsWith('export '))) {
        position = endOf('statement', body, position);
        continue;
      }
    }
    const jsx = nextJsx(body, position, lineEnd);
    if (skipDepth === 0) pending += body.slice(position, jsx);
    if (jsx === lineEnd) {
      // A line of dropped components leaves nothing; a line of kept text (or a blank one) stays.
      if (skipDepth === 0 || pending.trim() !== '') write(pending);
      pending = '';
      position = lineEnd + 1;
    } else if (body[jsx] === '{') {
      position = endOf('expression', body, jsx);
    } else {
      const end = endOf('tag', body, jsx);
      const closing = body[jsx + 1] === '/';
      let nameEnd = jsx + (closing ? 2 : 1);
      while (isTagNameChar(body[nameEnd])) nameEnd += 1;
      handleTag({
        name: body.slice(jsx + (closing ? 2 : 1), nameEnd),
        closing,
        selfClosing: body[end - 2] === '/',
        source: body.slice(nameEnd, end),
      });
      position = end;
    }
  }
  if (open.length > 0 || skipDepth > 0 || fence !== null)
    throw new Error(`${fileName}: unclosed <${open.at(-1)?.name}>`);
  return { frontmatter, markdown: out.join('\n') };
}

/**
 * A temporary Starlight project: the exam's pages as Markdown, node_modules copied from the cached
 * install (a symbolic link would not do: Astro resolves it to its real path, outside the project,
 * and fails to build Starlight's components).
 */
function writeStarlightSite(install) {
  const site = temporaryFolder('bench-starlight-');
  cpSync(join(install.dir, 'node_modules'), join(site, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  writeFileSync(join(site, 'package.json'), install.manifest);
  writeFileSync(join(site, 'astro.config.mjs'), starlightConfig);
  mkdirSync(join(site, 'src/content/docs/cs230-fall-2021-midterm'), { recursive: true });
  writeFileSync(join(site, 'src/content.config.ts'), starlightContentConfig);
  const page = (path, title, order, markdown) =>
    writeFileSync(
      join(site, 'src/content/docs', path),
      `---\ntitle: ${JSON.stringify(title)}\nsidebar:\n  order: ${order}\n---\n${markdown}\n`,
    );
  page('index.md', 'CS230 study guide', 0, '\nPast exams with solutions.\n');
  const index = mdxToMarkdown(readFileSync(join(examDir, 'index.mdx'), 'utf8'), 'index.mdx');
  const { course, term, title } = index.frontmatter;
  page('cs230-fall-2021-midterm/index.md', `${course} ${term} ${title}`, 0, index.markdown);
  for (const file of problemFiles) {
    const problem = mdxToMarkdown(readFileSync(join(examDir, file), 'utf8'), file);
    const { number, title: problemTitle } = problem.frontmatter;
    page(`cs230-fall-2021-midterm/${slugOf(file)}.md`, `Problem ${number}: ${problemTitle}`, number, problem.markdown);
  }
  return site;
}

/**
 * Builds in turn, ours then Starlight's, `rounds` times. Each side builds cold (an empty Astro
 * cache: ours through ASTRO_CACHE_DIR, so the shared node_modules/.astro is left alone), then warm:
 * again with nothing changed and the cache kept, as a second build of an edited site starts. Ours
 * also builds cold without Chromium, as a site without the PDF papers (which Starlight has no
 * counterpart of): loading Playwright and starting Chromium while the pages build cost more than
 * the printing time the log reports, so subtracting that time undercounted the papers.
 */
function compareBuilds(site) {
  /** @type {{ ours: number[], oursPdf: (number | null)[], oursWithoutPdf: number[], starlight: number[], oursWarm: number[], starlightWarm: number[] }} */
  const builds = { ours: [], oursPdf: [], oursWithoutPdf: [], starlight: [], oursWarm: [], starlightWarm: [] };
  for (let round = 1; round <= rounds; round += 1) {
    progress(`Cold and warm builds, round ${round} of ${rounds}`);
    const cache = temporaryFolder('bench-astro-cache-');
    const ours = timedBuild('.', { OUT_DIR: temporaryFolder('bench-dist-'), BASE_PATH: '/', ASTRO_CACHE_DIR: cache });
    const oursWarm = timedBuild('.', {
      OUT_DIR: temporaryFolder('bench-dist-'),
      BASE_PATH: '/',
      ASTRO_CACHE_DIR: cache,
    });
    const oursWithoutPdf = timedBuild('.', {
      OUT_DIR: temporaryFolder('bench-dist-'),
      BASE_PATH: '/',
      ASTRO_CACHE_DIR: temporaryFolder('bench-astro-cache-'),
      CHROMIUM_PATH: join(temporaryFolder('bench-no-chromium-'), 'chromium'),
      PDF_REQUIRED: '',
    });
    for (const folder of ['node_modules/.astro', 'node_modules/.vite', '.astro', 'dist'])
      rmSync(join(site, folder), { recursive: true, force: true });
    const starlight = timedBuild(site, {});
    const starlightWarm = timedBuild(site, {});
    builds.ours.push(ours.seconds);
    builds.oursPdf.push(pdfSecondsOf(ours.log));
    builds.oursWithoutPdf.push(oursWithoutPdf.seconds);
    builds.starlight.push(starlight.seconds);
    builds.oursWarm.push(oursWarm.seconds);
    builds.starlightWarm.push(starlightWarm.seconds);
    console.log(
      `Round ${round} of ${rounds}: cold, ours ${ours.seconds.toFixed(1)} s (without the papers ${oursWithoutPdf.seconds.toFixed(1)} s), Starlight ${starlight.seconds.toFixed(1)} s;` +
        ` warm, ours ${oursWarm.seconds.toFixed(1)} s, Starlight ${starlightWarm.seconds.toFixed(1)} s`,
    );
  }
  return builds;
}

// ---------------------------------------------------------------------------------------------

const starlightSite = compare ? writeStarlightSite(starlightInstall()) : null;

progress('Building the site');
// A warm Astro cache of its own: node_modules/.astro is shared with every other build of this
// checkout (tests build temporary exams), whose content entries would leak into this one.
const { seconds: buildSeconds, log: buildLog } = timedBuild('.', {
  OUT_DIR: outDir,
  BASE_PATH: '/',
  ASTRO_CACHE_DIR: resolve('node_modules/.cache/bench-astro'),
});
// What the exam papers cost, as the integration measured it ("Printed 2 exam papers to PDF … in 2.1 s …").
const pdfLine = buildLog.split('\n').find((line) => line.includes('PDF'));

const builds = starlightSite ? compareBuilds(starlightSite) : null;

const server = await startServer({ root: outDir, base: '/' });
const starlightServer = starlightSite ? await startServer({ root: join(starlightSite, 'dist'), base: '/' }) : null;
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/**
 * Gzip bytes by kind that a fresh browser downloads for `url`: after the load alone (plain), or
 * in the worst case a reader can reach: every solution and lab unfolded, every island scrolled to
 * (client:visible) and hydrated, so all the JavaScript the page can load is counted.
 */
async function measure(url, { worstCase, interact }) {
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
  await page.goto(url, { waitUntil: 'networkidle' });
  if (worstCase) {
    await page.evaluate(() => {
      for (const details of document.querySelectorAll('details.solution, details.lab')) details.open = true;
    });
    for (const island of await page.locator('astro-island').all()) {
      await island.scrollIntoViewIfNeeded();
      await island.evaluate(
        (node) =>
          new Promise((resolveHydrated) => {
            const check = () => (node.hasAttribute('ssr') ? setTimeout(check, 20) : resolveHydrated(undefined));
            check();
          }),
      );
    }
  }
  await page.waitForTimeout(300);
  totals.inlineJs = gzipSync((await page.locator('script:not([src])').allTextContents()).join('\n')).length;
  totals.inlineCss = gzipSync((await page.locator('style').allTextContents()).join('\n')).length;
  if (interact) await interact(page);
  await Promise.all(pending);
  await context.close();
  return totals;
}

progress('Measuring first visits to our pages');
const rows = [];
for (const { name, path } of pages) {
  const worst = await measure(`${server.url}${path}`, { worstCase: true });
  rows.push({ page: name, ...worst, plain: await measure(`${server.url}${path}`, { worstCase: false }) });
}
const withSearch = await measure(`${server.url}cs230-fall-2021-midterm/backpropagation/`, {
  worstCase: true,
  interact: async (page) => {
    await page.getByRole('searchbox', { name: 'Search the guide' }).fill('softplus');
    await page.locator('[data-search-box] .search-results li').first().waitFor();
    await page.waitForLoadState('networkidle');
  },
});
rows.push({ page: 'problem: backpropagation, after a search', ...withSearch });

const starlightRows = [];
if (starlightServer) {
  progress('Measuring first visits to the Starlight pages');
  for (const { name, path } of problemPages) {
    const url = `${starlightServer.url}${path}`;
    starlightRows.push({
      page: name,
      plain: await measure(url, { worstCase: false }),
      worstCase: await measure(url, { worstCase: true }),
    });
  }
}
await browser.close();

/** Where a Lighthouse report names a URL of our server, the path alone. */
const shortUrl = (url) =>
  typeof url === 'string' && url.startsWith(server.url) ? `/${url.slice(server.url.length)}` : url;

/** The metrics and the diagnostics that explain them, from one Lighthouse JSON report. */
function lighthouseSummary(report) {
  const audit = (id) => report.audits[id];
  const items = (id) => audit(id)?.details?.items ?? [];
  const lcp = items('lcp-breakdown-insight');
  const lcpNode = lcp.find((item) => item.type === 'node');
  const lcpPhases = lcp.find((item) => item.type === 'table')?.items ?? [];
  return {
    score: Math.round(report.categories.performance.score * 100),
    fcpMs: Math.round(audit('first-contentful-paint').numericValue),
    lcpMs: Math.round(audit('largest-contentful-paint').numericValue),
    tbtMs: Math.round(audit('total-blocking-time').numericValue),
    cls: Number(audit('cumulative-layout-shift').numericValue.toFixed(3)),
    speedIndexMs: Math.round(audit('speed-index').numericValue),
    lcpElement: lcpNode ? { selector: lcpNode.selector, text: lcpNode.nodeLabel } : null,
    lcpPhasesMs: Object.fromEntries(lcpPhases.map((phase) => [phase.subpart, Math.round(phase.duration)])),
    renderBlocking: items('render-blocking-insight').map((item) => ({
      url: shortUrl(item.url),
      bytes: item.totalBytes,
      ms: Math.round(item.wastedMs),
    })),
    longTasks: items('long-tasks').map((item) => ({ url: shortUrl(item.url), ms: Math.round(item.duration) })),
    layoutShifts: items('layout-shifts').map((item) => ({
      element: item.node?.selector,
      score: Number(item.score.toFixed(3)),
      causes: (item.subItems?.items ?? []).map((sub) => `${sub.cause}: ${shortUrl(sub.extra?.value)}`),
    })),
    mainThreadMs: Object.fromEntries(
      items('mainthread-work-breakdown').map((item) => [item.group, Math.round(item.duration)]),
    ),
    transferBytes: Object.fromEntries(items('resource-summary').map((item) => [item.resourceType, item.transferSize])),
  };
}

let lighthouseResults = null;
if (lighthouse) {
  // Lighthouse's own CLI, default mobile config (emulated phone, simulated throttling), one fresh
  // Chromium per page; only the performance category, which is all this reports. Run through npx at
  // a pinned version rather than as a devDependency: package.json is edited by several people at
  // once, and nothing else needs Lighthouse's hundred packages.
  const reportDir = temporaryFolder('bench-lighthouse-');
  const lighthousePages = [];
  let version = '';
  for (const { name, path } of problemPages) {
    const reportPath = join(reportDir, 'report.json');
    progress(`Lighthouse: ${name}`);
    // Asynchronous: the server that answers Lighthouse's Chromium runs in this very process.
    await promisify(execFile)(
      'npx',
      [
        '--yes',
        `lighthouse@${lighthouseVersion}`,
        `${server.url}${path}`,
        '--output=json',
        `--output-path=${reportPath}`,
        '--only-categories=performance',
        '--chrome-flags=--headless=new --no-sandbox',
        '--quiet',
      ],
      { env: { ...process.env, PATH: childPath, CHROME_PATH: chromiumPath }, maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    version = report.lighthouseVersion;
    lighthousePages.push({ page: name, ...lighthouseSummary(report) });
  }
  lighthouseResults = { version, pages: lighthousePages };
}

await server.close();
await starlightServer?.close();

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
  'First visit, gzip bytes per page (CSS and JS = files + inline; worst case: every solution and lab opened, every island hydrated;' +
    ' totals = HTML + CSS + JS + fonts, inline code counted once, in the HTML):',
);
console.table(
  rows.map((row) => ({
    page: row.page,
    HTML: kb(row.html),
    CSS: kb(row.css + row.inlineCss),
    JS: kb(row.js + row.inlineJs),
    'of which inline JS': kb(row.inlineJs),
    fonts: kb(row.fonts),
    'total, worst case': kb(firstVisitBytes(row)),
    'total, plain visit': row.plain ? kb(firstVisitBytes(row.plain)) : '',
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

let comparison = null;
if (builds) {
  const percent = (ours, theirs) => Math.round((100 * firstVisitBytes(ours)) / firstVisitBytes(theirs));
  const comparedPages = starlightRows.map((theirs) => {
    const ours = problemRows.find((row) => row.page === theirs.page);
    const { plain, page, ...worstCase } = ours;
    return {
      page,
      ours: { plain, worstCase },
      starlight: { plain: theirs.plain, worstCase: theirs.worstCase },
      plainPercent: percent(plain, theirs.plain),
      worstCasePercent: percent(worstCase, theirs.worstCase),
    };
  });
  const medianSeconds = {
    ours: median(builds.ours),
    oursWithoutPdf: median(builds.oursWithoutPdf),
    starlight: median(builds.starlight),
    oursWarm: median(builds.oursWarm),
    starlightWarm: median(builds.starlightWarm),
  };
  comparison = {
    starlightVersion,
    astroVersion: installedVersion('astro'),
    rounds,
    builds,
    medianSeconds,
    buildRatio: medianSeconds.ours / medianSeconds.starlight,
    buildRatioWithoutPdf: medianSeconds.oursWithoutPdf / medianSeconds.starlight,
    warmBuildRatio: medianSeconds.oursWarm / medianSeconds.starlightWarm,
    // Each round's two cold builds without papers ran one after the other, so their ratio is
    // spared the drifts of this machine's speed that the medians of whole columns are not.
    roundRatiosWithoutPdf: builds.oursWithoutPdf.map((seconds, round) => seconds / builds.starlight[round]),
    pages: comparedPages,
  };
  const roundRatios = [...comparison.roundRatiosWithoutPdf].sort((a, b) => a - b);
  console.log(
    `\nAgainst a default Starlight ${starlightVersion} site of the same ${problemPages.length} problems (Astro ${comparison.astroVersion}):`,
  );
  console.log(
    `Build, cold Astro cache, median of ${rounds} rounds (ours then Starlight, in turn): ours ${medianSeconds.ours.toFixed(1)} s,` +
      ` Starlight ${medianSeconds.starlight.toFixed(1)} s, ratio ${comparison.buildRatio.toFixed(2)};` +
      ` ours without the PDF papers (built with no Chromium) ${medianSeconds.oursWithoutPdf.toFixed(2)} s,` +
      ` Starlight ${medianSeconds.starlight.toFixed(2)} s, ratio ${comparison.buildRatioWithoutPdf.toFixed(2)}` +
      ` (each round's own ratio, lowest first: ${roundRatios.map((ratio) => ratio.toFixed(2)).join(', ')}; median ${median(roundRatios).toFixed(2)})`,
  );
  console.log(
    `Build again with nothing changed, Astro cache kept, median of ${rounds} rounds: ours ${medianSeconds.oursWarm.toFixed(1)} s,` +
      ` Starlight ${medianSeconds.starlightWarm.toFixed(1)} s, ratio ${comparison.warmBuildRatio.toFixed(2)}`,
  );
  console.log('First visit per problem page, gzip HTML + CSS + JS + fonts, ours against Starlight:');
  console.table(
    comparedPages.map((row) => ({
      page: row.page,
      'ours, plain': kb(firstVisitBytes(row.ours.plain)),
      'Starlight, plain': kb(firstVisitBytes(row.starlight.plain)),
      'plain %': `${row.plainPercent} %`,
      'ours, worst case': kb(firstVisitBytes(row.ours.worstCase)),
      'Starlight, worst case': kb(firstVisitBytes(row.starlight.worstCase)),
      'worst case %': `${row.worstCasePercent} %`,
    })),
  );
  verdicts.push([
    'plain first visit of every problem page <= 60 % of Starlight’s',
    comparedPages.every((row) => row.plainPercent <= budgets.firstVisitVsStarlight * 100),
  ]);
}

if (lighthouseResults) {
  console.log(
    `\nLighthouse ${lighthouseResults.version}, mobile, simulated throttling (served gzip by scripts/serve.mjs, as GitHub Pages does):`,
  );
  console.table(
    lighthouseResults.pages.map((row) => ({
      page: row.page,
      performance: row.score,
      FCP: `${row.fcpMs} ms`,
      LCP: `${row.lcpMs} ms`,
      TBT: `${row.tbtMs} ms`,
      CLS: row.cls,
    })),
  );
  for (const row of lighthouseResults.pages) {
    const blocking = row.renderBlocking.map((item) => `${item.url} ${kb(item.bytes)} ${item.ms} ms`).join(', ');
    const tasks = row.longTasks.map((task) => `${task.ms} ms (${task.url})`).join(', ');
    const shifts = row.layoutShifts.map((shift) => `${shift.score} ${shift.element} [${shift.causes.join(', ')}]`);
    console.log(
      `${row.page}: LCP element ${row.lcpElement?.selector ?? '?'} ${JSON.stringify(row.lcpPhasesMs)};` +
        ` render-blocking: ${blocking || 'none'}; long tasks: ${tasks || 'none'}; layout shifts: ${shifts.join('; ') || 'none'}`,
    );
  }
}

for (const [label, ok] of verdicts) console.log(`${ok ? 'within budget' : 'OVER BUDGET'}: ${String(label)}`);

mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/latest.json',
  `${JSON.stringify({ buildSeconds, pages: rows, varianceUpdateMs, budgets, comparison, lighthouse: lighthouseResults }, null, 2)}\n`,
);
