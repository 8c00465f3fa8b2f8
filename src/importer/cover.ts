import type { ExamMeta, ImportedExam } from './model';

/**
 * The cover page: course, course title, institution, term, exam title and duration, read from
 * short title-block lines ("CS230: Deep Learning", "Fall Quarter 2021", "Stanford University",
 * "Midterm Examination", "Suggested duration: 180 minutes"), and the points table. Both readers
 * feed their cover lines through here. Every pattern runs on one short line.
 */

const seasonPattern = /^(Winter|Spring|Summer|Fall|Autumn)(?:\s+(?:Quarter|Semester|Term|Session))?,?\s+(\d{4})$/i;
const coursePattern = /^([A-Z]{2,8}\s?-?\d{1,4}[A-Z]{0,2})\s*(?::|—|–|-{1,3})\s*(\S.*)$/;
const courseCodePattern = /^[A-Z]{2,8}\s?-?\d{1,4}[A-Z]{0,2}$/;
const durationPattern =
  /^(?:suggested\s+|total\s+)?(?:duration|time(?:\s+(?:allowed|limit))?|length|working time)\s*:?\s*(\d+(?:\.\d+)?)\s*(minutes?|mins?|hours?|hrs?|h)\.?$/i;
const durationInSentence = /\b(\d+(?:\.\d+)?)\s*(minutes|mins|hours)\b/i;
const institutionPattern = /\b(?:University|College|Institute|Polytechnic|Universit[äéày]|Academy|École|School of)\b/i;
const examTitlePattern = /\b(?:Exam|Examination|Midterm|Mid-term|Final|Quiz|Test|Assessment)\b/i;
const totalPattern = /^Total\b[^0-9]*?(\d+(?:\.\d+)?)\s*(?:points?|pts?|marks?)\.?$/i;
const pagesPattern = /^(?:The|This) (?:exam|paper|test) (?:contains|has|consists of) \d+ pages/i;

function minutes(amount: string, unit: string): number {
  const value = Number(amount);
  return /^h/i.test(unit) ? Math.round(value * 60) : Math.round(value);
}

function set<K extends keyof ExamMeta>(exam: ImportedExam, key: K, value: ExamMeta[K], line: number): boolean {
  if (exam.meta[key] !== undefined) return false;
  exam.meta[key] = value;
  exam.metaLines[key] = line;
  return true;
}

/** Splits a title-block line on the separators people use between fields: " — ", " | ", "\\". */
function segments(text: string): string[] {
  return text
    .split(/\s+[—–|]\s+|\s+-{2,3}\s+|\\\\/)
    .map((segment) => segment.trim())
    .filter(Boolean);
}

function readSegment(exam: ImportedExam, segment: string, line: number): boolean {
  // A title-block line is short and not a sentence: at most 8 words, no closing "." or ":".
  const short =
    segment.length <= 80 && segment.split(/\s+/).length <= 8 && !/[.:]$/.test(segment.replace(/\.\.\.$/, ''));
  let match = durationPattern.exec(segment);
  if (match) return set(exam, 'durationMinutes', minutes(match[1] ?? '0', match[2] ?? 'min'), line);
  match = seasonPattern.exec(segment);
  if (match) {
    const season = (match[1] ?? '').toLowerCase() === 'autumn' ? 'Fall' : capitalise(match[1] ?? '');
    return set(exam, 'term', `${season} ${match[2] ?? ''}`, line);
  }
  match = totalPattern.exec(segment);
  if (match && exam.statedTotal === undefined) {
    exam.statedTotal = { points: Number(match[1]), line };
    return true;
  }
  if (!short) return false;
  match = coursePattern.exec(segment);
  if (match && exam.meta.course === undefined) {
    set(exam, 'course', (match[1] ?? '').replace(/\s+/g, ' '), line);
    set(exam, 'courseTitle', (match[2] ?? '').trim(), line);
    return true;
  }
  if (courseCodePattern.test(segment)) return set(exam, 'course', segment, line);
  if (institutionPattern.test(segment)) return set(exam, 'institution', segment, line);
  if (examTitlePattern.test(segment)) return set(exam, 'title', segment, line);
  return false;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

export type CoverVerdict = 'cover' | 'skip' | 'text';

/**
 * Reads one cover line. 'cover': it was title-block data (now in `exam.meta`); 'skip': a line
 * the guide has no use for (form fields, page counts), noted in the findings; 'text': an
 * instruction, to keep. A duration stated in a sentence ("You have 90 minutes") is taken too.
 */
export function readCoverLine(exam: ImportedExam, text: string, line: number): CoverVerdict {
  const trimmed = text
    .trim()
    .replace(/^#+\s+/, '')
    .replace(/\*\*/g, '');
  if (trimmed === '') return 'skip';
  if (/_{3,}|\\hrulefill/.test(trimmed)) {
    exam.findings.push({ line, message: `form field left out: "${clip(trimmed)}"` });
    return 'skip';
  }
  if (pagesPattern.test(trimmed)) {
    exam.findings.push({ line, message: `cover line left out: "${clip(trimmed)}"` });
    return 'skip';
  }
  // Instructions are often a list; a list item is never title-block data.
  if (!/^(?:[-*+]|\d{1,3}[.)])\s/.test(trimmed)) {
    const read = segments(trimmed).map((segment) => readSegment(exam, segment, line));
    if (read.every(Boolean)) return 'cover';
    if (read.some(Boolean)) {
      exam.findings.push({ line, message: `cover line only partly read (course, term, title…): "${clip(trimmed)}"` });
      return 'cover';
    }
  }
  const duration = durationInSentence.exec(trimmed);
  if (duration && exam.meta.durationMinutes === undefined && /\b(?:have|allowed|duration|time)\b/i.test(trimmed)) {
    const value = minutes(duration[1] ?? '0', duration[2] ?? 'min');
    set(exam, 'durationMinutes', value, line);
    exam.findings.push({ line, message: `duration of ${value} minutes read from an instruction` });
  }
  return 'text';
}

export function clip(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export interface CoverTableRow {
  number: number;
  title: string;
  points: number;
  line: number;
}

export interface CoverTable {
  rows: CoverTableRow[];
  total?: { points: number; line: number } | undefined;
}

/**
 * The cover's points table (`| 1 | Multiple Choice | 16 | |` … `| | Total | 102 | |`), given its
 * rows already split into cells. The points column is the one headed "Points" (or "Full Points").
 */
export function readPointsTable(rows: { cells: string[]; line: number }[]): CoverTable | undefined {
  const header = rows[0];
  if (!header) return undefined;
  const pointsColumn = header.cells.findIndex((cell) => /points|marks|max/i.test(cell) && !/your|score/i.test(cell));
  if (pointsColumn === -1) return undefined;
  const titleColumn = header.cells.findIndex((cell) => /problem|question|title|topic/i.test(cell));
  const table: CoverTable = { rows: [] };
  for (const row of rows.slice(1)) {
    const cells = row.cells;
    const points = Number((cells[pointsColumn] ?? '').trim());
    if ((cells[pointsColumn] ?? '').trim() === '' || !Number.isFinite(points)) continue;
    if (cells.some((cell) => /^\s*\**total\**\s*$/i.test(cell))) {
      table.total = { points, line: row.line };
      continue;
    }
    const numberCell = cells.find((cell) => /^\s*\d+\s*$/.test(cell));
    if (numberCell === undefined) continue;
    const titleCell =
      titleColumn !== -1 && titleColumn !== pointsColumn && !/^\s*\d+\s*$/.test(cells[titleColumn] ?? '')
        ? cells[titleColumn]
        : cells.find((cell, index) => index !== pointsColumn && /[A-Za-z]/.test(cell));
    table.rows.push({ number: Number(numberCell), title: (titleCell ?? '').trim(), points, line: row.line });
  }
  return table.rows.length > 0 || table.total ? table : undefined;
}

/** "| a | b |" → ["a", "b"]; `\|` stays inside its cell. */
export function tableCells(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let at = 0; at < body.length; at++) {
    const char = body[at] ?? '';
    if (char === '\\' && body[at + 1] === '|') {
      current += '\\|';
      at++;
    } else if (char === '|') {
      cells.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  cells.push(current.trim());
  return cells;
}

export function isSeparatorRow(cells: string[]): boolean {
  return cells.length > 0 && cells.every((cell) => /^:?-{1,}:?$/.test(cell.trim()));
}
