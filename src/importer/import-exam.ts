import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { samePoints, sumPoints } from '../exams/points';
import { readLatex } from './latex-reader';
import { ImportError, type ExamMeta, type ImportedExam } from './model';
import { formatReport } from './report';
import { readPlainText } from './text-reader';
import { slugify } from './text';
import { validateFiles } from './validate';
import { examFiles, type GeneratedFile } from './write-mdx';

/**
 * `npm run import`: reads an exam (plain text or LaTeX `exam` class), builds every file in
 * memory, validates them as the build would, and only then writes the exam folder, in one
 * rename, so an error never leaves a half-imported exam.
 */

export interface ImportOptions {
  file: string;
  /** The exam folder name; defaults to the file's name. */
  id?: string | undefined;
  /** The folder of exam folders (content/exams). */
  out: string;
  force?: boolean;
  /** false: leave answer keys out of the frontmatter (`--no-keys`). */
  keys?: boolean;
  /** Cover fields the source does not state, e.g. { durationMinutes: '90' }. */
  set?: Record<string, string>;
  /** For the report's build command: the project folder. */
  cwd?: string;
}

export interface ImportResult {
  id: string;
  directory: string;
  files: string[];
  exam: ImportedExam;
  meta: ExamMeta;
  report: string;
}

const metaFields = ['course', 'courseTitle', 'institution', 'term', 'title', 'durationMinutes', 'totalPoints'] as const;

/** Where the error is: "exam.tex: line 12: …" (messages already start with their line). */
function failure(file: string, message: string): ImportError {
  return new ImportError(undefined, `${file}: ${message}`);
}

function readSource(file: string): string {
  let buffer: Buffer;
  try {
    if (statSync(file).isDirectory())
      throw failure(file, 'cannot read the file: it is a folder; give the exam file itself');
    buffer = readFileSync(file);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw failure(file, `cannot read the file: ${why}`);
  }
  if (buffer.includes(0))
    throw failure(
      file,
      'cannot read the file: it is not a text file (convert a PDF or Word file to text or LaTeX first)',
    );
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buffer).replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) throw failure(file, 'cannot read the file: it is not UTF-8 text');
  if (text.trim() === '') throw failure(file, 'cannot read the file: it is empty');
  return text;
}

export function readerFor(file: string, text: string): 'latex' | 'text' {
  const extension = extname(file).toLowerCase();
  if (extension === '.tex' || extension === '.ltx' || extension === '.latex') return 'latex';
  if (extension === '.md' || extension === '.markdown' || extension === '.txt') return 'text';
  return text.includes('\\documentclass') ? 'latex' : 'text';
}

function applyOverrides(exam: ImportedExam, set: Record<string, string>, file: string): void {
  for (const [key, value] of Object.entries(set)) {
    if (!(metaFields as readonly string[]).includes(key)) {
      throw failure(file, `--set ${key}=…: unknown field; use one of ${metaFields.join(', ')}`);
    }
    const field = key as (typeof metaFields)[number];
    if (field === 'durationMinutes' || field === 'totalPoints') {
      const number = Number(value);
      if (!Number.isFinite(number) || number <= 0)
        throw failure(file, `--set ${key}=${value}: must be a positive number`);
      if (field === 'totalPoints') exam.statedTotal = { points: number, line: 0 };
      else exam.meta.durationMinutes = number;
    } else {
      exam.meta[field] = value;
    }
    exam.metaLines[field] = 0;
  }
}

function completeMeta(exam: ImportedExam, file: string): ExamMeta {
  const total = sumPoints(exam.problems.map((problem) => problem.points ?? 0));
  if (exam.statedTotal && !samePoints(exam.statedTotal.points, total)) {
    const where =
      exam.statedTotal.line > 0 ? `line ${exam.statedTotal.line}: the exam states` : '--set totalPoints gives';
    const breakdown = exam.problems.map((problem) => `${problem.number}: ${problem.points ?? 0}`).join(' + ');
    throw failure(
      file,
      `${where} a total of ${exam.statedTotal.points} points but its questions add up to ${total} (${breakdown})`,
    );
  }
  if (!exam.statedTotal)
    exam.findings.push({ line: 0, message: `no total stated; totalPoints is the questions' sum, ${total}` });
  exam.meta.totalPoints = total;
  const missing = metaFields.filter((field) => exam.meta[field] === undefined);
  if (missing.length > 0) {
    const examples: Record<string, string> = {
      course: 'CS230',
      courseTitle: '"Deep Learning"',
      institution: '"Stanford University"',
      term: '"Fall 2021"',
      title: '"Midterm Examination"',
      durationMinutes: '180',
    };
    throw failure(
      file,
      `the cover does not state ${missing.join(', ')}; add it to the file or pass ${missing.map((field) => `--set ${field}=${examples[field] ?? '…'}`).join(' ')}`,
    );
  }
  return exam.meta as ExamMeta;
}

export function importExam(options: ImportOptions): ImportResult {
  const file = options.file;
  const text = readSource(file);
  const id = options.id ?? slugify(basename(file, extname(file)));
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    throw failure(
      file,
      `"${id}" cannot be an exam id (the folder and URL name); pass --id with lowercase letters, digits and dashes, e.g. --id cs230-fall-2021-midterm`,
    );
  }
  const outDir = resolve(options.out);
  const target = join(outDir, id);
  const fromCwd = relative(options.cwd ?? process.cwd(), target);
  const shownTarget = fromCwd === '' || fromCwd.startsWith('..') ? target : fromCwd;
  if (existsSync(target) && !options.force) {
    throw failure(
      file,
      `${shownTarget} already exists; pass --force to replace it, or --id to import under another name`,
    );
  }

  let exam: ImportedExam;
  const kind = readerFor(file, text);
  try {
    exam =
      kind === 'latex'
        ? readLatex(text, {
            directory: dirname(resolve(file)),
            exists: (path) => existsSync(path) && statSync(path).isFile(),
            join,
          })
        : readPlainText(text);
  } catch (error) {
    if (error instanceof ImportError) throw failure(file, error.message);
    throw error;
  }
  applyOverrides(exam, options.set ?? {}, file);
  for (const problem of exam.problems) {
    if (problem.parts.every((part) => part.solution.length === 0)) {
      exam.findings.push({
        line: problem.line,
        message: `Question ${problem.number} has no solution; check that its text does not print the answers`,
      });
    }
  }
  const meta = completeMeta(exam, file);
  const keys = options.keys ?? true;
  const files = examFiles(exam, meta, id, keys);
  try {
    validateFiles(files, id, shownTarget);
  } catch (error) {
    if (error instanceof ImportError) throw failure(file, error.message);
    throw error;
  }
  writeAtomically(outDir, target, files, exam, options.force ?? false);
  const names = [...files.map((generated) => generated.name), ...exam.assets.map((asset) => asset.to)];
  const report = formatReport({
    file,
    kind,
    id,
    target: shownTarget,
    exam,
    meta,
    files: names,
    keys,
    outDir,
    cwd: options.cwd ?? process.cwd(),
  });
  return { id, directory: target, files: names, exam, meta, report };
}

/** Everything goes to a hidden folder next to the target, which then takes the target's name. */
function writeAtomically(
  outDir: string,
  target: string,
  files: readonly GeneratedFile[],
  exam: ImportedExam,
  force: boolean,
): void {
  mkdirSync(outDir, { recursive: true });
  const staging = mkdtempSync(join(outDir, '.importing-'));
  try {
    for (const generated of files) writeFileSync(join(staging, generated.name), generated.text);
    for (const asset of exam.assets) copyFileSync(asset.from, join(staging, asset.to));
    if (existsSync(target)) {
      if (!force) throw new ImportError(undefined, `${target} appeared while importing; nothing was written`);
      const old = `${staging}-replaced`;
      renameSync(target, old);
      renameSync(staging, target);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(staging, target);
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
