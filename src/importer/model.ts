/**
 * What an exam reader (plain text or LaTeX) produces, before anything is written: problems,
 * parts, options, solutions and answer keys, each with the source line it came from, plus
 * everything the reader could not map. The writer turns this into the site's MDX.
 */

/** The answer key practice mode reads from a part's frontmatter (`answer:`). */
export type AnswerKey = { choices: string[] } | { number: number; tolerance?: { abs?: number; rel?: number } };

export interface ImportedOption {
  /** The option's label as the exam prints it: "i", "iii", "A". */
  id: string;
  /** Inline Markdown. */
  text: string;
  correct: boolean;
  line: number;
}

/** A Markdown block, or the place where the part's options go. */
export type Block = string | { options: true };

export interface ImportedPart {
  /** "a", "iv", or "ai" for sub-part (i) of part (a); "question" when the problem has no parts. */
  id: string;
  /** How the exam labels it, for messages: "(a)", "(a)(i)". */
  label: string;
  points?: number | undefined;
  /** A title the source gives (or a label prefix for flattened sub-parts); otherwise generated. */
  title?: string | undefined;
  line: number;
  body: Block[];
  options?: { kind: 'choices' | 'checkboxes'; items: ImportedOption[]; line: number } | undefined;
  solution: string[];
  answer?: AnswerKey | undefined;
}

export interface FigureImport {
  /** The ESM binding the MDX uses: `import figure1 from './figure-1.png'`. */
  name: string;
  /** File name inside the exam folder. */
  file: string;
}

export interface ImportedProblem {
  number: number;
  title: string;
  /** Points the source states for the whole problem. */
  points?: number | undefined;
  line: number;
  intro: string[];
  parts: ImportedPart[];
  imports: FigureImport[];
}

export interface ExamMeta {
  course: string;
  courseTitle: string;
  institution: string;
  term: string;
  title: string;
  durationMinutes: number;
  totalPoints: number;
}

export interface Finding {
  line: number;
  message: string;
}

export interface ImportedExam {
  meta: Partial<ExamMeta>;
  /** Where each cover field was found, for the report. */
  metaLines: Partial<Record<keyof ExamMeta, number>>;
  /** The exam's total as the source states it (cover table, "Total: 100 points"). */
  statedTotal?: { points: number; line: number } | undefined;
  instructions: string[];
  problems: ImportedProblem[];
  /** Files to copy next to the content: absolute source path → file name in the exam folder. */
  assets: { from: string; to: string; line: number }[];
  /** Constructs that were not mapped, or were mapped by a guess the author should check. */
  findings: Finding[];
}

/** A fatal problem with the source: nothing is written. */
export class ImportError extends Error {
  readonly line: number | undefined;
  constructor(line: number | undefined, message: string) {
    super(message);
    this.name = 'ImportError';
    this.line = line;
  }
}

export function emptyExam(): ImportedExam {
  return { meta: {}, metaLines: {}, instructions: [], problems: [], assets: [], findings: [] };
}
