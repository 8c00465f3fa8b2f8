// Checks every page of a build with the W3C Nu HTML Checker (vnu, from the vnu-jar package; needs
// Java). Usage: node scripts/validate-html.ts <build dir>. Exits non-zero on any error, printing
// file:line:column and the message; warnings are printed but do not fail.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One message of vnu's `--format json` output. */
export interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
}

/**
 * Astro inlines this style before a page's first hydrated island, inside <body>, and has no
 * option to emit it in <head> (astro 7.3, runtime/server/scripts.js `getPrescripts`). Upstream:
 * https://github.com/withastro/astro/issues/10308 (open) and #13832; the fix, PR #15456, was
 * closed unmerged. Every browser applies it, so exactly this element is exempt from this message.
 */
const astroIslandStyle = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';
const styleNotFirstChild = 'A “style” element in “body” must be the first child of its parent.';

/** Whether the message is the one about Astro's island style, checked against the source at its position. */
export function isAstroIslandStyle(message: VnuMessage, source: string): boolean {
  if (message.message !== styleNotFirstChild) return false;
  const line = source.split('\n')[(message.firstLine ?? message.lastLine ?? 0) - 1] ?? '';
  return line.slice((message.firstColumn ?? 1) - 1).startsWith(astroIslandStyle);
}

/** Splits vnu's messages into errors (fail) and warnings (reported); plain info notes are dropped. */
export function classify(messages: readonly VnuMessage[], sourceOf: (url: string) => string) {
  const errors = messages.filter(
    (message) => message.type !== 'info' && !(message.url && isAstroIslandStyle(message, sourceOf(message.url))),
  );
  const warnings = messages.filter((message) => message.type === 'info' && message.subType === 'warning');
  return { errors, warnings };
}

/** "search/index.html:24:68: message", relative to the build dir. */
export function formatMessage(message: VnuMessage, dir: string): string {
  const file = message.url ? relative(dir, fileURLToPath(message.url)) : dir;
  const line = message.firstLine ?? message.lastLine;
  return `${file}${line === undefined ? '' : `:${line}:${message.firstColumn ?? message.lastColumn ?? 1}`}: ${message.message}`;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Runs vnu over every .html file under `dir` in one Java process. */
export function validateBuild(dir: string) {
  const files = htmlFiles(dir);
  if (files.length === 0) throw new Error(`no .html files under ${dir}: build the site first`);
  const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
  // Only the JVM's quick compiler: a run this short spent most of its time in the optimizing one
  // (3 instead of 7 CPU-seconds for the test build's pages, the same report). Its deeper stack frames
  // need more than the default stack for vnu's schema recursion.
  const jvmOptions = ['-XX:TieredStopAtLevel=1', '-Xss16m'];
  const run = spawnSync('java', [...jvmOptions, '-jar', jar, '--format', 'json', '--stdout', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) {
    throw new Error(
      `could not run java (${run.error.message}); the HTML checker needs a Java runtime, e.g. apt-get install default-jre-headless`,
    );
  }
  let messages: VnuMessage[];
  try {
    messages = (JSON.parse(run.stdout) as { messages: VnuMessage[] }).messages;
  } catch {
    throw new Error(`vnu did not report JSON (exit ${String(run.status)}): ${run.stderr || run.stdout}`);
  }
  return { files, ...classify(messages, (url) => readFileSync(fileURLToPath(url), 'utf8')) };
}

if (import.meta.main) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/validate-html.ts <build dir>');
    process.exit(2);
  }
  try {
    const { files, errors, warnings } = validateBuild(dir);
    for (const warning of warnings) console.warn(`warning: ${formatMessage(warning, dir)}`);
    for (const error of errors) console.error(`error: ${formatMessage(error, dir)}`);
    console.log(`HTML check of ${files.length} pages in ${dir}: ${errors.length} errors, ${warnings.length} warnings`);
    if (errors.length > 0) process.exitCode = 1;
  } catch (error) {
    console.error(`HTML check failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
