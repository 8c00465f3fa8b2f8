import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readIndexMdx, readProblemMdx } from './content-model';
import { importExam } from './import-exam';
import { readLatex } from './latex-reader';
import { expandMacros } from './latex-macros';
import { serialize, tokenize } from './latex-tokens';
import { buildTree } from './latex-tree';
import { ImportError, type Finding } from './model';

const fixture = 'src/importer/fixtures/latex/test-final.tex';
const workDir = mkdtempSync(join(tmpdir(), 'importer-latex-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const noFiles = { directory: '.', exists: () => false, join: (...parts: string[]) => parts.filter(Boolean).join('/') };

/** A minimal exam-class document around `body` (inside the questions environment). */
function exam(body: string, preamble = ''): string {
  return `\\documentclass{exam}\n${preamble}\n\\title{TEST1: Testing \\\\ Quiz}\\author{Example University}\\date{Fall 2020}\n\\begin{document}\nDuration: 30 minutes\n\\begin{questions}\n${body}\n\\end{questions}\n\\end{document}\n`;
}

describe('the LaTeX exam-class fixture', () => {
  const result = importExam({ file: fixture, out: workDir, cwd: process.cwd() });
  const read = (name: string) => readFileSync(join(result.directory, name), 'utf8');
  const problems = result.files.filter((name) => /^\d+-.*\.mdx$/.test(name)).map((name) => readProblemMdx(read(name)));

  it('takes the cover from \\title, \\author, \\date and the lines before the questions', () => {
    const index = readIndexMdx(read('index.mdx'));
    expect(index.meta).toEqual({
      course: 'TEST202',
      courseTitle: 'Importer Testing',
      institution: 'Example University',
      term: 'Winter 2025',
      title: 'Final Examination',
      durationMinutes: 90,
      totalPoints: 18,
      errata: [],
    });
    expect(index.instructions).toBe('- Answer **all** questions. - Calculators are *not* allowed.');
  });

  it('writes one page per question, titled by \\titledquestion', () => {
    expect(result.files).toEqual([
      'index.mdx',
      '01-warm-up.mdx',
      '02-networks.mdx',
      '03-question-3.mdx',
      'network.png',
    ]);
    expect(problems.map(({ number, title, points }) => ({ number, title, points }))).toEqual([
      { number: 1, title: 'Warm-Up', points: 6 },
      { number: 2, title: 'Networks', points: 8 },
      { number: 3, title: 'Question 3', points: 4 },
    ]);
  });

  it('maps checkboxes and choices to options, \\CorrectChoice to the answer key, a numeric solution to a numeric key', () => {
    const [a, b, c] = problems[0]?.parts ?? [];
    expect(a).toMatchObject({
      id: 'a',
      points: 2,
      answer: { choices: ['A', 'C'] },
      question: 'Which of these are norms on $\\mathbb{R}^n$?',
      options: [
        { id: 'A', text: '$\\left \\lVert x \\right \\rVert_1$' },
        { id: 'B', text: '$x_1 - x_2$' },
        { id: 'C', text: '$\\left \\lVert x \\right \\rVert_\\infty$' },
      ],
      solution:
        'Correct answers: (A) and (C) Both $\\left \\lVert \\cdot \\right \\rVert_1$ and $\\left \\lVert \\cdot \\right \\rVert_\\infty$ are norms; $x_1 - x_2$ can be negative.',
    });
    expect(b).toMatchObject({
      id: 'b',
      answer: { choices: ['B'] },
      options: [
        { id: 'A', text: '4' },
        { id: 'B', text: '5' },
        { id: 'C', text: '6' },
      ],
      solution: 'Correct answer: (B)',
    });
    expect(c).toMatchObject({ id: 'c', answer: { number: 15 }, solution: '15' });
  });

  it('flattens scored sub-parts into parts "ai", "aii" labelled in their titles, the part’s own text leading the first', () => {
    const parts = problems[1]?.parts ?? [];
    expect(parts.map(({ id, points, title }) => ({ id, points, title }))).toEqual([
      { id: 'ai', points: 3, title: '(a)(i) Write $\\operatorname{softmax}(z)_i$' },
      { id: 'aii', points: 1, title: '(a)(ii) Is softmax invariant to adding a constant to $z$?' },
      { id: 'b', points: 4, title: 'Fill in the table of layer shapes' },
    ]);
    expect(parts[0]?.question).toBe(
      'Consider the losses $\\mathcal{L}(x; \\theta)$ and $\\mathcal{L}(x; w)$. Write $\\operatorname{softmax}(z)_i$.',
    );
    expect(parts[0]?.solution).toBe('$$\\operatorname{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$$');
    expect(parts[1]?.answer).toEqual({ choices: ['A'] });
  });

  it('expands the preamble’s macros (argument counts, optional defaults, \\DeclareMathOperator) everywhere', () => {
    const all = result.files
      .filter((name) => name.endsWith('.mdx'))
      .map(read)
      .join('\n');
    expect(all).not.toMatch(/\\(?:R|norm|loss|softmax|course)\b/);
    expect(all).toContain('\\mathcal{L}(x; \\theta)');
  });

  it('turns a tabular into a Markdown table and keeps lists in solutions', () => {
    const b = problems[1]?.parts[2];
    expect(b?.question).toBe(
      'Fill in the table of layer shapes. | **Layer** | **Output** | **Parameters** | | --- | --- | --- | | Input | $4$ | 0 | | Linear | $3$ | ? |',
    );
    expect(b?.solution).toBe('The linear layer has $4 \\times 3 + 3 = 15$ parameters: - weights: $12$; - biases: $3$.');
  });

  it('makes \\includegraphics a <Figure> with an imported <img>, copies the image and resolves \\ref', () => {
    const text = read('02-networks.mdx');
    expect(text).toContain("import figure1 from './network.png';");
    expect(text).toContain('<Figure id="figure-1" caption="Figure 1: A two-layer network with input x ∈ ℝ^4.">');
    expect(text).toContain(
      '<img src={figure1.src} width={figure1.width} height={figure1.height} alt="A two-layer network with input x ∈ ℝ^4." />',
    );
    expect(problems[1]?.intro).toBe(
      'Figure 1 shows the network. [Figure 1: A two-layer network with input x ∈ ℝ^4.] [image]',
    );
    expect(readFileSync(join(result.directory, 'network.png'))).toEqual(
      readFileSync('src/importer/fixtures/latex/figures/network.png'),
    );
  });

  it('reports unknown commands and guesses with their lines', () => {
    expect(result.report).toContain('line 99: unknown command \\mysterycommand (its argument kept as text)');
    expect(result.report).toContain('line 99: Question 3 has no title; named "Question 3"');
    expect(result.report).toContain(
      'Answer keys: 4 (3 multiple choice, 1 numeric): 1(a) (A) (C); 1(b) (B); 1(c) = 15; 2(a)(ii) (A)',
    );
    expect(result.report).toContain('3 problems, 7 parts, 18 points (adds up to the stated total of 18)');
  });

  it('leaves the keys out with keys: false (--no-keys) and nothing else changes', () => {
    const out = mkdtempSync(join(workDir, 'no-keys-'));
    const bare = importExam({ file: fixture, out, keys: false });
    const text = readFileSync(join(bare.directory, '01-warm-up.mdx'), 'utf8');
    expect(text).not.toContain('answer: {');
    expect(text.replace(/^\s+- \{ id.*$/gm, '')).toBe(read('01-warm-up.mdx').replace(/^\s+- \{ id.*$/gm, ''));
    expect(bare.report).toContain('Answer keys: 4 (3 multiple choice, 1 numeric), not written (--no-keys)');
  });
});

describe('the LaTeX reader', () => {
  it('reports a missing image, and a PDF image, and writes a placeholder', () => {
    const read = readLatex(exam('\\question[2] See \\includegraphics{plot.pdf} and \\includegraphics{missing}.'), {
      ...noFiles,
      exists: (path) => path === './plot.pdf',
    });
    const body = (read.problems[0]?.parts[0]?.body ?? [])
      .map((block) => (typeof block === 'string' ? block : '<Options>'))
      .join('\n');
    expect(body).toContain('<Figure id="figure-1" caption="Figure 1">');
    expect(body).toContain('*(Image "plot.pdf" is a PDF file; it needs a PNG or SVG version.)*');
    expect(body).toContain('*(Image "missing" was not found when this exam was imported.)*');
    expect(read.findings.map((finding) => finding.message)).toEqual([
      'Question 1 has no title; named "Question 1" (\\titledquestion{Title} gives one)',
      'image "plot.pdf" is PDF, which web pages cannot show; convert it to PNG or SVG and import again',
      'image "missing" not found next to the .tex file (tried .png, .jpg, .jpeg, .svg, .gif, .webp, .avif); the figure shows a placeholder',
    ]);
  });

  it('labels choices as \\choicelabel says, and lists points-less sub-parts inside their part', () => {
    const read = readLatex(
      exam(
        '\\titledquestion{Q}\\begin{parts}\\part[3] Stem.\\begin{subparts}\\subpart First?\\begin{solution}Yes.\\end{solution}\\subpart Second?\\end{subparts}\n\\part[1] Pick.\\begin{choices}\\choice x\\CorrectChoice y\\end{choices}\\end{parts}',
        '\\renewcommand{\\choicelabel}{(\\roman{choice})}',
      ),
      noFiles,
    );
    const [a, b] = read.problems[0]?.parts ?? [];
    expect(a?.body).toEqual(['Stem.', '**(i)** First?', '**(ii)** Second?']);
    expect(a?.solution).toEqual(['**(i)** Yes.']);
    expect(b?.options?.items.map((item) => item.id)).toEqual(['i', 'ii']);
    expect(b?.answer).toEqual({ choices: ['ii'] });
  });

  it('keeps align environments and \\[…\\] as display math KaTeX reads', () => {
    const read = readLatex(
      exam('\\question[1] Show \\begin{align*} a &= b \\label{x}\\\\ c &= d \\end{align*} and \\[x^2\\]'),
      noFiles,
    );
    expect(read.problems[0]?.parts[0]?.body).toEqual([
      'Show',
      '$$\n\\begin{aligned}a &= b \\\\ c &= d\\end{aligned}\n$$',
      'and',
      '$$\nx^2\n$$',
    ]);
  });

  it('fails with the line when a question states no points anywhere', () => {
    expect(() => readLatex(exam('\\question What?'), noFiles)).toThrow(
      new ImportError(
        7,
        'line 7: Question 1 states no points; write \\question[10] or give its parts points (\\part[4])',
      ),
    );
  });
});

describe('macro expansion', () => {
  const expand = (source: string, findings: Finding[] = []) =>
    serialize(expandMacros(tokenize(source), findings).tokens);

  it('counts arguments, takes groups or single tokens, and reads the result again', () => {
    expect(
      expand('\\newcommand{\\pair}[2]{(#1, #2)}\\newcommand\\twice[1]{\\pair{#1}{#1}}$\\twice{x} \\pair ab$'),
    ).toBe('$(x, x) (a, b)$');
  });

  it('uses the default of an optional first argument unless one is given', () => {
    expect(expand('\\newcommand{\\loss}[2][\\theta]{L(#2; #1)}$\\loss{x} \\loss[w]{x}$')).toBe(
      '$L(x; \\theta) L(x; w)$',
    );
  });

  it('expands \\def, \\DeclareMathOperator and \\newenvironment', () => {
    expect(expand('\\def\\half{\\frac12}\\DeclareMathOperator*{\\argmax}{arg\\,max}$\\half \\argmax$')).toBe(
      '$\\frac 12\\operatorname*{arg\\,max}$',
    );
    expect(expand('\\newenvironment{box}[1]{[#1: }{]}\\begin{box}{T}x\\end{box}')).toBe('[T: x]');
  });

  it('stops a macro that uses itself, naming the line', () => {
    expect(() => expand('\\newcommand{\\again}{\\again}\n\n$\\again$')).toThrow(
      'line 3: \\again expands without end (a macro that uses itself?)',
    );
  });

  it('fails when a macro lacks arguments', () => {
    expect(() => expand('\\newcommand{\\pair}[2]{(#1,#2)}\n{\\pair{a}}')).toThrow(
      'line 2: \\pair takes 2 argument(s) but 1 follow',
    );
  });
});

describe('the tokenizer and tree are linear in the document size', () => {
  it('reads a large document quickly', { timeout: 60_000 }, () => {
    const paragraph = 'Some \\textbf{bold} text with $x^2 + \\frac{a}{b}$ and {\\em emphasis}, 100\\% sure.\n\n';
    const source = exam(`\\question[1] ${paragraph.repeat(5_000)}`); // about 400 KB, ten times a long exam
    const started = performance.now();
    const read = readLatex(source, noFiles);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(read.problems[0]?.parts[0]?.body).toHaveLength(5_000);
  });

  it(
    'handles pathological input without backtracking: 200 000 unclosed braces, deep nesting',
    { timeout: 60_000 },
    () => {
      const started = performance.now();
      expect(() => readLatex('{'.repeat(200_000), noFiles)).toThrow(
        'line 1: unbalanced braces: this "{" is never closed',
      );
      expect(buildTree(tokenize(`${'{'.repeat(100_000)}x${'}'.repeat(100_000)}`))).toHaveLength(1);
      expect(() => readLatex(exam(`\\question[1] ${'{'.repeat(100_000)}x${'}'.repeat(100_000)}`), noFiles)).toThrow(
        'the document nests groups or environments too deeply to read',
      );
      expect(performance.now() - started).toBeLessThan(20_000);
    },
  );

  it('keeps verbatim and \\verb content untouched, and comments out', () => {
    const tokens = tokenize('a % comment {\n\\verb|{x}| \\begin{verbatim}\n{ unbalanced $\n\\end{verbatim}');
    expect(tokens.map((token) => [token.kind, token.value])).toEqual([
      ['text', 'a'],
      ['space', ' '],
      ['verb', '{x}'],
      ['space', ' '],
      ['verbatim', 'verbatim\n{ unbalanced $\n'],
    ]);
  });

  it('does not leave the staging folder behind', () => {
    expect(readdirSync(workDir).filter((name) => name.startsWith('.importing'))).toEqual([]);
    expect(existsSync(join(workDir, 'test-final'))).toBe(true);
  });
});
