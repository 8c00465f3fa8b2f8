// Imports an exam into content/exams/<exam-id>/ (issue 15). Run by Node's type stripping:
//
//   npm run import -- <file> [--id <exam-id>] [--force] [--out <dir>] [--no-keys] [--set field=value]…
//
// <file> is a plain-text exam (.md, .txt) or a LaTeX `exam`-class document (.tex). Nothing is
// written when the import reports an error (exit code 1); usage errors exit with 2.
import { readFileSync } from 'node:fs';
import { registerHooks, stripTypeScriptTypes } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// The importer reuses src/ (the content schema, the Markdown pipeline), which is written for
// Vite: siblings imported without extensions, and TypeScript that Node's type stripping does
// not accept (parameter properties). These hooks resolve `./x` to `./x.ts` and transform
// src/'s TypeScript instead of only stripping it.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
  if (String(warning).includes('stripTypeScriptTypes')) return; // this script's own use, see above
  (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
};
registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (/^\.\.?\//.test(specifier) && !/\.[cm]?[jt]sx?$/.test(specifier))
        return nextResolve(`${specifier}.ts`, context);
      throw error;
    }
  },
  load(url, context, nextLoad) {
    if (url.startsWith('file:') && url.endsWith('.ts') && !url.includes('/node_modules/')) {
      const source = readFileSync(fileURLToPath(url), 'utf8');
      return { format: 'module', source: stripTypeScriptTypes(source, { mode: 'transform' }), shortCircuit: true };
    }
    return nextLoad(url, context);
  },
});

const usage = `Usage: npm run import -- <file> [--id <exam-id>] [--force] [--out <dir>] [--no-keys] [--set field=value]

  <file>            a plain-text exam (.md, .txt) or a LaTeX exam-class file (.tex)
  --id <exam-id>    the exam's folder and URL name (default: the file's name)
  --out <dir>       the folder of exams to write into (default: content/exams)
  --force           replace an existing exam folder of that name
  --no-keys         leave answer keys out of the frontmatter
  --set field=value a cover field the file does not state: course, courseTitle, institution,
                    term, title, durationMinutes, totalPoints (repeatable)`;

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      out: { type: 'string', default: 'content/exams' },
      force: { type: 'boolean', default: false },
      'no-keys': { type: 'boolean', default: false },
      set: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  fail(`${(error as Error).message}\n\n${usage}`, 2);
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (positionals.length !== 1)
  fail(`${positionals.length === 0 ? 'Give the exam file to import.' : 'Give one exam file.'}\n\n${usage}`, 2);

const set: Record<string, string> = {};
for (const entry of values.set) {
  const at = entry.indexOf('=');
  if (at <= 0) fail(`--set ${entry}: write field=value, e.g. --set durationMinutes=90`, 2);
  set[entry.slice(0, at)] = entry.slice(at + 1);
}

const { importExam } = await import('../src/importer/import-exam.ts');
const { ImportError } = await import('../src/importer/model.ts');
try {
  const result = importExam({
    file: positionals[0] ?? '',
    id: values.id,
    out: values.out,
    force: values.force,
    keys: !values['no-keys'],
    set,
  });
  process.stdout.write(`${result.report}\n`);
} catch (error) {
  if (error instanceof ImportError) fail(`Import failed: ${error.message}\nNothing was written.`, 1);
  throw error;
}
