import { samePoints, sumPoints } from '../exams/points';
import { clip, isSeparatorRow, readCoverLine, readPointsTable, tableCells, type CoverTable } from './cover';
import {
  emptyExam,
  ImportError,
  type Block,
  type ImportedExam,
  type ImportedPart,
  type ImportedProblem,
} from './model';
import {
  escapeMdxInMarkdown,
  fromRoman,
  jsxString,
  labelFor,
  numericKey,
  schemeStartedBy,
  type LabelScheme,
} from './text';

/**
 * Reads a plain-text (Markdown-flavoured) exam such as a PDF's text export:
 *
 *     Question 1 (Multiple Choice Questions, 16 points)
 *     - (a) **(2 points)** Which statements … are false?
 *     - (i) first option
 *     - (ii) second option
 *     Correct answers: (i) and (iii)
 *     - (b) **(2 points)** …
 *     Solution: …
 *
 * Parts are lines labelled `(a)`, `a.`, `(iv)` or `iv.` that state their points; options are
 * `(i)`, `(a)`, `(A)` or `(1)` lines in sequence after a part's question; "Correct answer(s):"
 * gives the multiple-choice key, and a solution that is a bare number the numeric key. Text
 * before the first question is the cover (course, term, duration, points table, instructions).
 * Line by line, every pattern bounded by one line.
 */

const points = String.raw`\(\s*(\d+(?:\.\d+)?)\s*(?:points?|pts?\.?|marks?)\s*\)`;
const headingPattern = new RegExp(
  String.raw`^(?:#{1,6}\s*)?(?:\*\*)?(?:Question|Problem)\s+(\d+)\s*(?:\(\s*([^()]+?)\s*,\s*(\d+(?:\.\d+)?)\s*(?:points?|pts?|marks?)\s*\)|[:.\-–—]\s*(.+?)\s*${points})\s*(?:\*\*)?$`,
  'i',
);
const partPattern = new RegExp(
  String.raw`^(?:[-*+]\s+)?(?:\(([a-z]{1,5})\)|([a-z]{1,5})[.)])\s+(?:\*\*)?${points}(?:\*\*)?\s*(.*)$`,
);
const optionPattern = /^(?:[-*+]\s+)?\(([ivxlcdm]{1,6}|[a-zA-Z]|\d{1,2})\)\s+(\S.*)$/;
const correctPattern = /^(?:[-*+]\s+)?(?:\*\*)?Correct answers?:?(?:\*\*)?:?\s*(.*)$/i;
const solutionPattern = /^(?:[-*+]\s+)?(?:\*\*)?(?:Solution|Answer)s?:?(?:\*\*)?:?\s*(.*)$/i;
const figurePattern = /^(?:\*\*)?Fig(?:ure|\.)\s+(\d+)(?:\*\*)?[:.]\s*(.+)$/i;
const listPattern = /^(?:[-*+]|\d{1,3}[.)])\s+/;
const endPattern = /^(?:\*\*)?END OF (?:THE )?(?:PAPER|EXAM|TEST|EXAMINATION)\.?(?:\*\*)?$/i;

type ElementKind = 'para' | 'display' | 'table';
interface Element {
  kind: ElementKind;
  /** Lines of a paragraph or table; the formula of a display. */
  lines: string[];
  line: number;
}

function isPartLabel(label: string): boolean {
  return /^[a-z]$/.test(label) || fromRoman(label) !== undefined;
}

function partMatch(text: string) {
  const match = partPattern.exec(text);
  if (!match) return undefined;
  const label = match[1] ?? match[2] ?? '';
  if (!isPartLabel(label)) return undefined;
  return { label, points: Number(match[3]), rest: match[4] ?? '' };
}

/** Whether a line starts a new element rather than continuing a paragraph. */
function startsElement(text: string): boolean {
  return (
    text.startsWith('$$') ||
    text.startsWith('|') ||
    listPattern.test(text) ||
    optionPattern.test(text) ||
    partMatch(text) !== undefined ||
    correctPattern.test(text) ||
    /^(?:\*\*)?(?:Solution|Answer)s?:/i.test(text) ||
    figurePattern.test(text)
  );
}

/** Splits lines [from, to) into paragraphs, display formulas and tables. */
function elements(lines: readonly string[], from: number, to: number): Element[] {
  const out: Element[] = [];
  let at = from;
  while (at < to) {
    const text = (lines[at] ?? '').trim();
    if (text === '') {
      at++;
      continue;
    }
    const line = at + 1;
    if (text.startsWith('$$')) {
      const single = text.length >= 4 && text.endsWith('$$');
      if (single) {
        out.push({ kind: 'display', lines: [text.slice(2, -2).trim()], line });
        at++;
        continue;
      }
      const body = [text.slice(2).trim()];
      let close = at + 1;
      // A formula has no blank line (TeX refuses one), so the first blank line ends the search.
      while (close < to && !(lines[close] ?? '').trim().endsWith('$$') && (lines[close] ?? '').trim() !== '') {
        body.push(lines[close] ?? '');
        close++;
      }
      if (close >= to || (lines[close] ?? '').trim() === '') {
        throw new ImportError(
          line,
          `line ${line}: a \`$$\` display formula opens here and is not closed before ${close >= to ? 'the next question' : `the blank line ${close + 1}`}; add the closing \`$$\``,
        );
      }
      const last = (lines[close] ?? '').trim();
      body.push(last.slice(0, -2));
      out.push({
        kind: 'display',
        lines: [
          body
            .map((part) => part.trimEnd())
            .filter((part) => part.trim() !== '')
            .join('\n'),
        ],
        line,
      });
      at = close + 1;
      continue;
    }
    if (text.startsWith('|')) {
      const rows: string[] = [];
      while (at < to && (lines[at] ?? '').trim().startsWith('|')) {
        rows.push((lines[at] ?? '').trim());
        at++;
      }
      out.push({ kind: 'table', lines: rows, line });
      continue;
    }
    const paragraph = [text];
    at++;
    while (at < to) {
      const next = (lines[at] ?? '').trim();
      if (next === '' || startsElement(next)) break;
      paragraph.push(next);
      at++;
    }
    out.push({ kind: 'para', lines: paragraph, line });
  }
  return out;
}

const greek: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  τ: 'tau',
  φ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
  Γ: 'Gamma',
  Δ: 'Delta',
  Θ: 'Theta',
  Λ: 'Lambda',
  Σ: 'Sigma',
  Φ: 'Phi',
  Ψ: 'Psi',
  Ω: 'Omega',
};
const bareCommand = /\\[A-Za-z]+(?:\{[^{}$]*\})*/g;
const subscript =
  /(^|[^\w$\\])([A-Za-z]|[\u03b1-\u03c9\u0391-\u03a9])_(\{[^{}$\s]+\}|[A-Za-z0-9]{1,3})(?![\w])( (?=[.?!,;](?:\s|$)))?/g;
const spacedLetter = /(\s)([B-HJ-Zb-z]) ([.?!,;])(?=\s|$)/g;

/**
 * Text exports of PDFs lose the math markup of simple formulas: `L_2`, `δ_1 .`, `\mathbf{x}`,
 * "as a function of x ?". Those unambiguous cases become math again (`$L_2$`, `$\delta_1$.`,
 * `$\mathbf{x}$`, `$x$?`), each noted in the report; a lone letter inside a sentence ("the bias
 * b of") cannot be told from a word and stays as it is.
 */
function restoreMath(text: string, line: number, exam: ImportedExam): string {
  const restored: string[] = [];
  const outsideMath = (segment: string) =>
    segment
      .replace(bareCommand, (match) => {
        restored.push(`${match} → $${match}$`);
        return `$${match}$`;
      })
      .replace(subscript, (_match, before: string, base: string, sub: string) => {
        const tex = `${greek[base] ? `\\${greek[base]}` : base}_${sub}`;
        restored.push(`${base}_${sub} → $${tex}$`);
        return `${before}$${tex}$`;
      })
      .replace(spacedLetter, (_match, space: string, letter: string, punctuation: string) => {
        restored.push(`"${letter} ${punctuation}" → "$${letter}$${punctuation}"`);
        return `${space}$${letter}$${punctuation}`;
      });
  let out = '';
  let at = 0;
  while (at < text.length) {
    const next = text.slice(at).search(/[$`]/);
    if (next === -1) {
      out += outsideMath(text.slice(at));
      break;
    }
    out += outsideMath(text.slice(at, at + next));
    const open = at + next;
    const delimiter = text[open] ?? '$';
    const close = text.indexOf(delimiter, open + 1);
    const end = close === -1 ? text.length : close + 1;
    out += text.slice(open, end);
    at = end;
  }
  if (restored.length > 0) exam.findings.push({ line, message: `math restored: ${restored.join(', ')}` });
  return out;
}

/** A block list that merges consecutive list items into one Markdown list. */
class Sink {
  readonly blocks: (Block | { item: string })[] = [];
  push(block: Block): void {
    this.blocks.push(block);
  }
  item(text: string): void {
    this.blocks.push({ item: text });
  }
  get length(): number {
    return this.blocks.length;
  }
  pop(): Block | { item: string } | undefined {
    return this.blocks.pop();
  }
  finish(): Block[] {
    const out: Block[] = [];
    let list: string[] = [];
    const flush = () => {
      if (list.length > 0) out.push(list.join('\n'));
      list = [];
    };
    for (const block of this.blocks) {
      if (typeof block === 'object' && 'item' in block) {
        list.push(block.item);
        continue;
      }
      flush();
      out.push(block);
    }
    flush();
    return out;
  }
}

function displayBlock(tex: string): string {
  return `$$\n${tex}\n$$`;
}

function tableBlock(rows: readonly string[]): string {
  return rows.map((row) => escapeMdxInMarkdown(row)).join('\n');
}

/** "(i), (ii), and (iii)" → ["i", "ii", "iii"]. */
function labelsIn(text: string): string[] {
  const labels: string[] = [];
  for (const match of text.matchAll(/\(([ivxlcdm]{1,6}|[a-zA-Z]|\d{1,2})\)/g)) {
    const label = match[1] ?? '';
    if (!labels.includes(label)) labels.push(label);
  }
  return labels;
}

interface PartDraft {
  part: ImportedPart;
  body: Sink;
  solution: Sink;
  optionScheme?: LabelScheme;
  /** Index in `body` where the options go. */
  optionsAt?: number;
}

interface FigureDraft {
  number: number;
  caption: string;
  content: string;
  line: number;
  placeholder: string;
}

/** What follows "Solution:" is the solution until the next part, with one exception (see below). */
function readQuestion(
  exam: ImportedExam,
  lines: readonly string[],
  from: number,
  to: number,
  problem: ImportedProblem,
  figures: FigureDraft[],
): void {
  const intro = new Sink();
  const drafts: PartDraft[] = [];
  let current: PartDraft | undefined;
  let state: 'intro' | 'question' | 'options' | 'solution' | 'leadin' = 'intro';
  let leadIn = new Sink();
  const list = elements(lines, from, to);
  const whole = (): PartDraft => {
    current ??= {
      part: { id: 'question', label: `Question ${problem.number}`, line: problem.line, body: [], solution: [] },
      body: new Sink(),
      solution: new Sink(),
    };
    if (!drafts.includes(current)) drafts.push(current);
    return current;
  };
  const hasParts = list.some((element) => element.kind === 'para' && partMatch(element.lines[0] ?? ''));
  if (!hasParts) {
    whole();
    state = 'question';
  }
  const sink = (): Sink => {
    if (state === 'intro') return intro;
    if (state === 'leadin') return leadIn;
    const draft = current ?? whole();
    return state === 'solution' ? draft.solution : draft.body;
  };

  for (const [index, element] of list.entries()) {
    if (element.kind === 'display') {
      sink().push(displayBlock(element.lines[0] ?? ''));
      continue;
    }
    if (element.kind === 'table') {
      sink().push(tableBlock(element.lines));
      continue;
    }
    const first = element.lines[0] ?? '';
    const rest = element.lines.slice(1);
    const joined = (head: string) =>
      escapeMdxInMarkdown(restoreMath([head, ...rest].filter((text) => text !== '').join('\n'), element.line, exam));

    const part = hasParts ? partMatch(first) : undefined;
    if (part) {
      const duplicate = drafts.find((draft) => draft.part.id === part.label);
      if (duplicate) {
        throw new ImportError(
          element.line,
          `line ${element.line}: part (${part.label}) of Question ${problem.number} appears twice (first on line ${duplicate.part.line}); part labels must be unique`,
        );
      }
      current = {
        part: {
          id: part.label,
          label: `(${part.label})`,
          points: part.points,
          line: element.line,
          body: [],
          solution: [],
        },
        body: leadIn,
        solution: new Sink(),
      };
      leadIn = new Sink();
      drafts.push(current);
      state = 'question';
      if (part.rest !== '' || rest.length > 0) current.body.push(joined(part.rest));
      continue;
    }

    if (current && (state === 'question' || state === 'options')) {
      const option = optionPattern.exec(first);
      if (option) {
        const label = option[1] ?? '';
        const items = current.part.options?.items ?? [];
        const scheme = items.length === 0 ? schemeStartedBy(label) : current.optionScheme;
        if (scheme && label === labelFor(scheme, items.length + 1)) {
          if (items.length === 0) {
            current.optionScheme = scheme;
            current.part.options = { kind: 'choices', items, line: element.line };
            current.optionsAt = current.body.length;
            current.body.push({ options: true });
          }
          items.push({ id: label, text: joined(option[2] ?? ''), correct: false, line: element.line });
          state = 'options';
          continue;
        }
      }
    }

    const correct = current ? correctPattern.exec(first) : undefined;
    if (current && correct) {
      const labels = labelsIn(correct[1] ?? '');
      const ids = current.part.options?.items.map((item) => item.id) ?? [];
      const unknown = labels.filter((label) => !ids.includes(label));
      if (labels.length === 0 || unknown.length > 0) {
        throw new ImportError(
          element.line,
          ids.length === 0
            ? `line ${element.line}: "${clip(first)}" but ${problem.number}${current.part.label} lists no options`
            : `line ${element.line}: "${clip(first)}" names ${unknown.map((label) => `(${label})`).join(', ') || 'no option'}; the options of ${problem.number}${current.part.label} are ${ids.map((id) => `(${id})`).join(', ')}`,
        );
      }
      for (const item of current.part.options?.items ?? []) item.correct = labels.includes(item.id);
      current.part.answer = { choices: ids.filter((id) => labels.includes(id)) };
      state = 'solution';
      current.solution.push(joined(first));
      continue;
    }

    const solution = current ? solutionPattern.exec(first) : undefined;
    if (current && solution && /^(?:[-*+]\s+)?(?:\*\*)?(?:Solution|Answer)s?:/i.test(first)) {
      state = 'solution';
      const text = solution[1] ?? '';
      if (text !== '' || rest.length > 0) current.solution.push(joined(text));
      continue;
    }

    const figure = figurePattern.exec(first);
    if (figure) {
      const target = sink();
      const previous = target.pop();
      if (typeof previous === 'string' && (previous.startsWith('$$') || /^!\[/.test(previous))) {
        const number = Number(figure[1]);
        const placeholder = `\u0000figure-${number}`;
        figures.push({
          number,
          caption: [first, ...rest].join(' ').replace(/\*\*/g, ''),
          content: previous,
          line: element.line,
          placeholder,
        });
        target.push(placeholder);
        continue;
      }
      if (previous !== undefined) target.blocks.push(previous);
    }

    if (endPattern.test(first)) {
      exam.findings.push({ line: element.line, message: `end marker left out: "${first}"` });
      continue;
    }

    // A paragraph after a solution that ends with ":" and is followed only by formulas or tables
    // up to the next part introduces that part (6(iii)'s "Here is the formula for layer
    // normalization:"), not the solution: text exports lose the solution box that told them apart.
    if (state === 'solution' && current && current.solution.length > 0 && /:$/.test(element.lines.at(-1) ?? '')) {
      const following = list.slice(index + 1);
      const nextPart = following.findIndex((next) => next.kind === 'para' && partMatch(next.lines[0] ?? ''));
      if (nextPart !== -1 && following.slice(0, nextPart).every((next) => next.kind !== 'para')) {
        const nextLabel = partMatch(following[nextPart]?.lines[0] ?? '')?.label ?? '?';
        exam.findings.push({
          line: element.line,
          message: `"${clip(first, 50)}" (after the solution of ${problem.number}${current.part.label}) read as the lead-in of ${problem.number}(${nextLabel}): it ends with ":" and only formulas follow; check`,
        });
        state = 'leadin';
      }
    }

    const target = sink();
    if (listPattern.test(first)) target.item(joined(first));
    else target.push(joined(first));
  }

  if (leadIn.length > 0 && current) for (const block of leadIn.finish()) current.solution.push(block);
  problem.intro = intro.finish().filter((block): block is string => typeof block === 'string');
  problem.parts = drafts.map((draft) => {
    draft.part.body = draft.body.finish();
    draft.part.solution = draft.solution.finish().filter((block): block is string => typeof block === 'string');
    const key = numericKey(draft.part.solution);
    if (!draft.part.answer && key) draft.part.answer = key;
    return draft.part;
  });
}

function placeFigures(exam: ImportedExam, figures: FigureDraft[]): void {
  const mdx = (figure: FigureDraft) =>
    `<Figure id="figure-${figure.number}" caption=${jsxString(figure.caption)}>\n\n${figure.content}\n\n</Figure>`;
  const lists: { blocks: Block[]; solution: boolean }[] = exam.problems.flatMap((problem) => [
    { blocks: problem.intro, solution: false },
    ...problem.parts.flatMap((part) => [
      { blocks: part.body, solution: false },
      { blocks: part.solution, solution: true },
    ]),
  ]);
  for (const figure of figures) {
    const mention = new RegExp(`\\bFig(?:ure|\\.)\\s+${figure.number}\\b`);
    const holder = lists.find((list) => list.blocks.includes(figure.placeholder));
    const mentioned = lists.find(
      (list) =>
        !list.solution &&
        list.blocks.some((block) => typeof block === 'string' && block !== figure.placeholder && mention.test(block)),
    );
    if (holder) holder.blocks.splice(holder.blocks.indexOf(figure.placeholder), 1);
    if (mentioned) {
      const at = mentioned.blocks.findIndex((block) => typeof block === 'string' && mention.test(block));
      mentioned.blocks.splice(at + 1, 0, mdx(figure));
      exam.findings.push({
        line: figure.line,
        message: `Figure ${figure.number} placed after its first mention, not where the text export left it; check`,
      });
    } else if (holder) {
      holder.blocks.push(mdx(figure));
    }
  }
}

function readCover(exam: ImportedExam, lines: readonly string[], to: number): CoverTable | undefined {
  let table: CoverTable | undefined;
  const instructions = new Sink();
  for (const element of elements(lines, 0, to)) {
    if (element.kind === 'table') {
      const rows = element.lines
        .map((row, offset) => ({ cells: tableCells(row), line: element.line + offset }))
        .filter((row) => !isSeparatorRow(row.cells));
      const read = readPointsTable(rows);
      if (read && !table) {
        table = read;
        continue;
      }
      instructions.push(tableBlock(element.lines));
      continue;
    }
    if (element.kind === 'display') {
      instructions.push(displayBlock(element.lines[0] ?? ''));
      continue;
    }
    // Title-block lines often follow one another without blank lines: each is read on its own.
    const kept = element.lines.filter((text, offset) => readCoverLine(exam, text, element.line + offset) === 'text');
    if (kept.length === 0) continue;
    const text = kept.join('\n');
    const markdown = escapeMdxInMarkdown(restoreMath(text, element.line, exam));
    if (listPattern.test(element.lines[0] ?? '')) instructions.item(markdown);
    else instructions.push(markdown);
  }
  exam.instructions = instructions.finish().filter((block): block is string => typeof block === 'string');
  if (table?.total && !exam.statedTotal) exam.statedTotal = table.total;
  return table;
}

export function readPlainText(source: string): ImportedExam {
  const exam = emptyExam();
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const headings: { index: number; number: number; title: string; points: number }[] = [];
  for (const [index, raw] of lines.entries()) {
    const match = headingPattern.exec(raw.trim());
    if (!match) continue;
    headings.push({
      index,
      number: Number(match[1]),
      title: (match[2] ?? match[4] ?? '').trim(),
      points: Number(match[3] ?? match[5]),
    });
  }
  if (headings.length === 0) {
    throw new ImportError(
      1,
      'line 1: no questions found; a question starts with a line such as "Question 1 (Multiple Choice, 16 points)"',
    );
  }
  const table = readCover(exam, lines, headings[0]?.index ?? 0);
  const figures: FigureDraft[] = [];
  for (const [position, heading] of headings.entries()) {
    const line = heading.index + 1;
    const earlier = exam.problems.find((problem) => problem.number === heading.number);
    if (earlier) {
      throw new ImportError(
        line,
        `line ${line}: Question ${heading.number} appears twice (first on line ${earlier.line}); question numbers must be unique`,
      );
    }
    const row = table?.rows.find((candidate) => candidate.number === heading.number);
    if (row && row.points !== heading.points) {
      throw new ImportError(
        line,
        `line ${line}: Question ${heading.number} is worth ${heading.points} points here but ${row.points} in the cover table (line ${row.line})`,
      );
    }
    let title = heading.title;
    if (row && row.title !== '' && row.title !== heading.title) {
      exam.findings.push({
        line,
        message: `Question ${heading.number}: title "${row.title}" from the cover table (the heading says "${heading.title}")`,
      });
      title = row.title;
    }
    const problem: ImportedProblem = {
      number: heading.number,
      title,
      points: heading.points,
      line,
      intro: [],
      parts: [],
      imports: [],
    };
    exam.problems.push(problem);
    const end = headings[position + 1]?.index ?? lines.length;
    readQuestion(exam, lines, heading.index + 1, end, problem, figures);
    const scored = problem.parts.filter((part) => part.points !== undefined);
    const sum = sumPoints(scored.map((part) => part.points ?? 0));
    if (scored.length > 0 && !samePoints(sum, heading.points)) {
      throw new ImportError(
        line,
        `line ${line}: Question ${heading.number} is worth ${heading.points} points but its parts add up to ${sum} (${scored.map((part) => `${part.id}: ${part.points ?? 0}`).join(' + ')})`,
      );
    }
  }
  placeFigures(exam, figures);
  for (const row of table?.rows ?? []) {
    if (!exam.problems.some((problem) => problem.number === row.number)) {
      throw new ImportError(
        row.line,
        `line ${row.line}: the cover table lists problem ${row.number}, but no "Question ${row.number}" heading follows`,
      );
    }
  }
  return exam;
}
