import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importExam } from './import-exam';

/**
 * Malformed input stops the import with one message naming the line, and nothing is written:
 * no exam folder, no staging folder, an existing exam left as it was.
 */

const workDir = mkdtempSync(join(tmpdir(), 'importer-errors-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const seedText = readFileSync('src/importer/fixtures/cs230-fall-2021-midterm.md', 'utf8');
const latexDir = 'src/importer/fixtures/latex';
const latexText = readFileSync(join(latexDir, 'test-final.tex'), 'utf8');

let counter = 0;
/** Writes `text` as a source file in a fresh case folder; returns it and an empty exams folder. */
function source(name: string, text: string | Buffer): { file: string; out: string } {
  const dir = join(workDir, `case-${++counter}`);
  mkdirSync(join(dir, 'exams'), { recursive: true });
  if (name.endsWith('.tex')) cpSync(join(latexDir, 'figures'), join(dir, 'figures'), { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, text);
  return { file, out: join(dir, 'exams') };
}

function lineOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  if (at === -1) throw new Error(`"${needle}" not in the fixture`);
  return text.slice(0, at).split('\n').length;
}

function replaceOnce(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, () => to);
}

/** Runs the import and returns its error message, checking that nothing was written. */
function failure(file: string, out: string, options: { force?: boolean } = {}): string {
  const before = existsSync(out) ? readdirSync(out) : [];
  let message = '';
  try {
    importExam({ file, out, ...options });
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message, 'the import should fail').not.toBe('');
  expect(existsSync(out) ? readdirSync(out) : [], 'nothing written').toEqual(before);
  return message;
}

describe('a malformed plain-text exam', () => {
  it('parts whose points do not add up to the question’s', () => {
    const text = replaceOnce(seedText, '- (a) **(2 points)** Given', '- (a) **(3 points)** Given');
    const { file, out } = source('cs230.md', text);
    expect(failure(file, out)).toBe(
      `${file}: line ${lineOf(text, 'Question 1 (')}: Question 1 is worth 16 points but its parts add up to 17 (a: 3 + b: 2 + c: 2 + d: 2 + e: 2 + f: 2 + g: 2 + h: 2)`,
    );
  });

  it('questions that do not add up to the stated total', () => {
    const text = replaceOnce(seedText, '| | Total | 102 | |', '| | Total | 100 | |');
    const { file, out } = source('cs230.md', text);
    expect(failure(file, out)).toBe(
      `${file}: line ${lineOf(text, '| | Total |')}: the exam states a total of 100 points but its questions add up to 102 (1: 16 + 2: 16 + 3: 20 + 4: 14 + 5: 21 + 6: 15)`,
    );
  });

  it('a question worth other points than the cover table says', () => {
    const text = replaceOnce(
      seedText,
      'Question 4 (Backpropagation, 14 points)',
      'Question 4 (Backpropagation, 15 points)',
    );
    const { file, out } = source('cs230.md', text);
    expect(failure(file, out)).toBe(
      `${file}: line ${lineOf(text, 'Question 4 (')}: Question 4 is worth 15 points here but 14 in the cover table (line ${lineOf(text, '| 4 | Backpropagation')})`,
    );
  });

  it('a duplicate part label', () => {
    const text = replaceOnce(seedText, '- (b) **(2 points)**', '- (a) **(2 points)**');
    const { file, out } = source('cs230.md', text);
    const first = lineOf(text, '- (a) **(2 points)**');
    expect(failure(file, out)).toBe(
      `${file}: line ${lineOf(text, '- (a) **(2 points)**', text.indexOf('- (a) **(2 points)**') + 1)}: part (a) of Question 1 appears twice (first on line ${first}); part labels must be unique`,
    );
  });

  it('a correct answer that names no option', () => {
    const text = replaceOnce(seedText, 'Correct answer: (i)', 'Correct answer: (v)');
    const { file, out } = source('cs230.md', text);
    expect(failure(file, out)).toBe(
      `${file}: line ${lineOf(text, 'Correct answer: (v)')}: "Correct answer: (v)" names (v); the options of 1(a) are (i), (ii), (iii), (iv)`,
    );
  });

  it('a display formula that never closes', () => {
    const text = replaceOnce(seedText, '$$h(x) = xy$$', '$$h(x) = xy');
    const { file, out } = source('cs230.md', text);
    const line = lineOf(text, '$$h(x) = xy');
    expect(failure(file, out)).toBe(
      `${file}: line ${line}: a \`$$\` display formula opens here and is not closed before the blank line ${line + 1}; add the closing \`$$\``,
    );
  });

  it('a cover without the duration names the field and the flag', () => {
    const text = replaceOnce(seedText, 'Suggested duration: 180 minutes', '');
    const { file, out } = source('cs230.md', text);
    expect(failure(file, out)).toBe(
      `${file}: the cover does not state durationMinutes; add it to the file or pass --set durationMinutes=180`,
    );
    // …which then imports.
    expect(importExam({ file, out, set: { durationMinutes: '180' } }).meta.durationMinutes).toBe(180);
  });
});

describe('a malformed LaTeX exam', () => {
  it('parts whose points do not add up to the question’s', () => {
    const text = replaceOnce(latexText, '\\titledquestion{Warm-Up}[6]', '\\titledquestion{Warm-Up}[7]');
    const { file, out } = source('exam.tex', text);
    expect(failure(file, out)).toBe(
      `${file}: line ${lineOf(text, '\\titledquestion{Warm-Up}')}: Question 1 is worth 7 points but its parts add up to 6 (a: 2 + b: 2 + c: 2)`,
    );
  });

  it('an unclosed brace, at the line it opens', () => {
    const text = replaceOnce(latexText, '\\textbf{Layer} &', '\\textbf{Layer &');
    const { file, out } = source('exam.tex', text);
    expect(failure(file, out)).toBe(
      `${file}: line ${lineOf(text, '\\textbf{Layer &')}: unbalanced braces: this "{" is never closed`,
    );
  });

  it('a closing brace too many', () => {
    const text = replaceOnce(latexText, 'What is $2 + 3$?', 'What is $2 + 3$?}');
    const { file, out } = source('exam.tex', text);
    expect(failure(file, out)).toBe(
      `${file}: line ${lineOf(text, 'What is $2 + 3$?}')}: unbalanced braces: this "}" closes no "{"`,
    );
  });

  it('an environment that is not closed', () => {
    const text = replaceOnce(
      latexText,
      '  \\CorrectChoice $\\norm{x}_\\infty$\n\\end{checkboxes}',
      '  \\CorrectChoice $\\norm{x}_\\infty$',
    );
    const { file, out } = source('exam.tex', text);
    expect(failure(file, out)).toBe(
      `${file}: line ${lineOf(text, '\\end{parts}')}: unbalanced environments: \\end{parts} closes \\begin{checkboxes} from line ${lineOf(text, '\\begin{checkboxes}')}`,
    );
  });

  it('a formula that never closes', () => {
    const text = replaceOnce(latexText, 'What is $2 + 3$?', 'What is $2 + 3?');
    const { file, out } = source('exam.tex', text);
    expect(failure(file, out)).toBe(
      `${file}: line ${lineOf(text, 'What is $2 + 3?')}: the formula opened here with \`$\` is never closed (a blank line or the end of the file comes first)`,
    );
  });
});

describe('a file that cannot be read', () => {
  it('does not exist', () => {
    const out = join(workDir, 'missing-out');
    mkdirSync(out);
    const file = join(workDir, 'no-such-exam.tex');
    expect(failure(file, out)).toBe(`${file}: cannot read the file: it does not exist`);
  });

  it('is a folder', () => {
    const { out } = source('unused.md', '');
    expect(failure(workDir, out)).toBe(`${workDir}: cannot read the file: it is a folder; give the exam file itself`);
  });

  it('is not text (a PDF or an image)', () => {
    const { file, out } = source('exam.md', readFileSync(join(latexDir, 'figures', 'network.png')));
    expect(failure(file, out)).toBe(
      `${file}: cannot read the file: it is not a text file (convert a PDF or Word file to text or LaTeX first)`,
    );
  });

  it('holds no questions', () => {
    const { file, out } = source('notes.md', 'Just some notes.\n');
    expect(failure(file, out)).toBe(
      `${file}: line 1: no questions found; a question starts with a line such as "Question 1 (Multiple Choice, 16 points)"`,
    );
  });
});

describe('existing content', () => {
  it('is never overwritten without --force, and replaced as a whole with it', () => {
    const { file, out } = source('cs230.md', seedText);
    const first = importExam({ file, out });
    const index = join(first.directory, 'index.mdx');
    writeFileSync(join(first.directory, 'notes.txt'), 'hand edits');
    const edited = readFileSync(index, 'utf8');

    expect(failure(file, out)).toBe(
      `${file}: ${first.directory} already exists; pass --force to replace it, or --id to import under another name`,
    );
    expect(readFileSync(index, 'utf8')).toBe(edited);
    expect(existsSync(join(first.directory, 'notes.txt'))).toBe(true);

    // A failing import with --force leaves the existing exam as it was.
    const broken = source('cs230.md', replaceOnce(seedText, '- (b) **(2 points)**', '- (a) **(2 points)**'));
    cpSync(first.directory, join(broken.out, 'cs230'), { recursive: true });
    failure(broken.file, broken.out, { force: true });
    expect(existsSync(join(broken.out, 'cs230', 'notes.txt'))).toBe(true);

    const replaced = importExam({ file, out, force: true });
    expect(readdirSync(replaced.directory).sort()).toEqual([...replaced.files].sort());
    expect(readdirSync(out)).toEqual(['cs230']);
  });
});
