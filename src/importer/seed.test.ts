import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readIndexMdx, readProblemMdx, type ModelPart, type ModelProblem } from './content-model';
import { importExam } from './import-exam';

/**
 * Importing the seed (the CS230 midterm as a PDF's text export) reproduces the published,
 * hand-made exam: compared as content models (problems, parts, options, solutions as text),
 * not bytes. Every difference is listed below with its reason; the guide's own additions
 * (notes, labs, islands) are not part of the model.
 */

const seed = 'src/importer/fixtures/cs230-fall-2021-midterm.md';
const handMadeDir = 'content/exams/cs230-fall-2021-midterm';
const workDir = mkdtempSync(join(tmpdir(), 'importer-seed-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const result = importExam({ file: seed, out: workDir, cwd: process.cwd() });

function problemsIn(dir: string): ModelProblem[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx') && name !== 'index.mdx')
    .sort()
    .map((name) => readProblemMdx(readFileSync(join(dir, name), 'utf8')));
}

const imported = problemsIn(result.directory);
const handMade = problemsIn(handMadeDir);

type Field = 'question' | 'solution' | `option ${string}`;

interface Editorial {
  where: string;
  field: Field;
  from: string;
  to: string;
  why: string;
}

/** Differences between the seed and the published content that are editorial, not import errors. */
const editorial: Editorial[] = [
  // Errata fixed in the hand-made content (and listed in its index.mdx `errata`).
  {
    where: '2(c)',
    field: 'question',
    from: "calculating it's gradient",
    to: 'calculating its gradient',
    why: 'erratum',
  },
  { where: '3(e)', field: 'question', from: '$Var(W^{[l]} = ', to: '$Var(W^{[l]}) = ', why: 'erratum' },
  {
    where: '6(iii)',
    field: 'question',
    from: '\\gamma\\hat{x}_i + \\beta',
    to: '\\gamma\\hat{x} + \\beta',
    why: 'erratum',
  },
  // Lone letters whose math markup the text export lost; the importer restores only unambiguous
  // cases (L_2, δ_1, "x ?"), not a letter inside a sentence.
  { where: '1(c)', field: 'option iii', from: 'rounds x up', to: 'rounds $x$ up', why: 'math lost in the text export' },
  { where: '1(d)', field: 'option i', from: 'bias b of', to: 'bias $b$ of', why: 'math lost in the text export' },
  { where: '1(d)', field: 'option ii', from: 'weight W of', to: 'weight $W$ of', why: 'math lost in the text export' },
  {
    where: '6(ii)',
    field: 'question',
    from: 'batch size B is',
    to: 'batch size $B$ is',
    why: 'math lost in the text export',
  },
  {
    where: '6(ii)',
    field: 'solution',
    from: 'If B is small',
    to: 'If $B$ is small',
    why: 'math lost in the text export',
  },
  {
    where: '6(iv)',
    field: 'question',
    from: 'batch size B is',
    to: 'batch size $B$ is',
    why: 'math lost in the text export',
  },
  // A tool: the hand-made solution renders 59 with the MLP counter (<MlpOfficialAnswer official={59}>).
  { where: '2(a)', field: 'solution', from: '59', to: '', why: 'island' },
];

function findPart(problems: ModelProblem[], where: string): ModelPart {
  const [, number, id] = /^(\d+)\((\w+)\)$/.exec(where) ?? [];
  const part = problems
    .find((problem) => problem.number === Number(number))
    ?.parts.find((candidate) => candidate.id === id);
  if (!part) throw new Error(`no part ${where}`);
  return part;
}

function applyEditorial(problems: ModelProblem[]): void {
  for (const change of editorial) {
    const part = findPart(problems, change.where);
    const patch = (text: string) => {
      // Each listed difference must still exist: a stale entry fails the test.
      expect(text, `${change.where} ${change.field} should contain "${change.from}"`).toContain(change.from);
      return text.replace(change.from, change.to);
    };
    if (change.field === 'question') part.question = patch(part.question);
    else if (change.field === 'solution') part.solution = patch(part.solution);
    else {
      const option = part.options.find((candidate) => candidate.id === change.field.slice('option '.length));
      if (!option) throw new Error(`no ${change.field} in ${change.where}`);
      option.text = patch(option.text);
    }
  }
}

/** Problem 5: the seed prints the answers into the table; the guide asks with an empty table and renders the answers from its calculator. */
const reworkedProblem = 5;

describe('importing the seed reproduces the published CS230 midterm', () => {
  it('writes index.mdx and one file per problem, named like the hand-made ones', () => {
    expect(result.files).toEqual(
      readdirSync(handMadeDir)
        .filter((name) => name.endsWith('.mdx'))
        .sort((a, b) => (a === 'index.mdx' ? -1 : b === 'index.mdx' ? 1 : a.localeCompare(b))),
    );
  });

  it('has the same exam metadata and instructions; the hand-made errata are exactly the errata listed above', () => {
    const mine = readIndexMdx(readFileSync(join(result.directory, 'index.mdx'), 'utf8'));
    const theirs = readIndexMdx(readFileSync(join(handMadeDir, 'index.mdx'), 'utf8'));
    const { errata, ...meta } = theirs.meta;
    expect(mine.meta).toEqual({ ...meta, errata: [] });
    expect(mine.instructions).toBe(theirs.instructions);
    const fixed = editorial.filter((change) => change.why === 'erratum').map((change) => change.where);
    expect((errata as { where: string }[]).map((erratum) => erratum.where)).toEqual(fixed);
  });

  it('has the same problems, titles and points', () => {
    expect(imported.map(({ number, title, points }) => ({ number, title, points }))).toEqual(
      handMade.map(({ number, title, points }) => ({ number, title, points })),
    );
  });

  it('has the same parts, points, question text, options and official solutions (editorial differences listed)', () => {
    applyEditorial(imported);
    for (const [index, problem] of imported.entries()) {
      const published = handMade[index];
      if (!published || problem.number === reworkedProblem) continue;
      expect(problem.intro, `${problem.number} intro`).toBe(published.intro);
      expect(problem.parts.map((part) => [part.id, part.points])).toEqual(
        published.parts.map((part) => [part.id, part.points]),
      );
      for (const [partIndex, part] of problem.parts.entries()) {
        const theirs = published.parts[partIndex];
        const where = `${problem.number}(${part.id})`;
        expect(part.question, `${where} question`).toBe(theirs?.question);
        expect(part.options, `${where} options`).toEqual(theirs?.options);
        expect(part.solution, `${where} solution`).toBe(theirs?.solution);
      }
    }
  });

  it('imports Problem 5 as one unscored part with the seed’s filled-in table (the guide reworked it)', () => {
    const mine = imported.find((problem) => problem.number === reworkedProblem);
    const theirs = handMade.find((problem) => problem.number === reworkedProblem);
    expect(mine?.parts.map((part) => [part.id, part.points])).toEqual([['question', undefined]]);
    expect(theirs?.parts.map((part) => part.points)).toEqual([undefined]);
    // The same question text, and the seed's answers, which the guide renders from its calculator.
    expect(mine?.parts[0]?.question).toContain(
      'Fill in the shape of the output volume and the number of parameters at each layer.',
    );
    expect(mine?.parts[0]?.question).toContain('$(8192 + 1)*27 = 221211$');
    expect(mine?.parts[0]?.question).toContain(
      '- CONV x - N denotes a convolution layer with N filters with height and width equal to $x$.',
    );
  });

  it('finds the seed’s answer keys', () => {
    const keys = Object.fromEntries(
      imported.flatMap((problem) =>
        problem.parts.filter((part) => part.answer).map((part) => [`${problem.number}(${part.id})`, part.answer]),
      ),
    );
    expect(keys).toEqual({
      '1(a)': { choices: ['i'] },
      '1(b)': { choices: ['i', 'ii', 'iii'] },
      '1(c)': { choices: ['i', 'ii'] },
      '1(d)': { choices: ['iii', 'iv'] },
      '1(e)': { choices: ['ii'] },
      '1(f)': { choices: ['i', 'ii', 'iii', 'iv'] },
      '1(g)': { choices: ['iii'] },
      '1(h)': { choices: ['i', 'iii'] },
      '2(a)': { number: 59 },
    });
  });

  it('reports what it found, what it guessed and how to build', () => {
    const report = result.report;
    expect(report).toContain('6 problems, 29 parts, 102 points (adds up to the stated total of 102)');
    expect(report).toContain('Answer keys: 9 (8 multiple choice, 1 numeric)');
    expect(report).toContain(
      'line 38: Question 1: title "Multiple Choice" from the cover table (the heading says "Multiple Choice Questions")',
    );
    expect(report).toContain('line 156: Figure 1 placed after its first mention');
    expect(report).toContain('read as the lead-in of 6(iii)');
    expect(report).toContain('line 52: math restored: L_2 → $L_2$');
    expect(report).toMatch(/Build: EXAMS_DIR=\S+ npx astro build/);
  });

  it('writes display math on its own lines, including the seed’s one-line $$\\begin{aligned}…$$', () => {
    const text = readFileSync(join(result.directory, '04-backpropagation.mdx'), 'utf8');
    expect(text).toContain('$$\n\\begin{aligned} \\mathbf{z}^{[1]}');
    expect(text).not.toMatch(/\$\$\\begin/);
  });
});
