/**
 * Fills in saved progress on the exam page (per problem, the total, what is left, with links) and
 * the home page (per exam). Reads localStorage only; shows nothing when nothing is saved.
 */
import { formatPoints } from './points';
import { storageKey } from './page-data';
import { parseProgress, score, type Progress } from './progress';
import { SUMMARY_DATA_ID, type SummaryExam } from './summary-data';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', props: Record<string, unknown> = {}) {
  const node = Object.assign(document.createElement(tag), props);
  if (text) node.textContent = text;
  return node;
}

function load(exam: string): { progress: Progress; message?: string } | null {
  try {
    const text = localStorage.getItem(storageKey(exam));
    return text === null ? null : parseProgress(text, exam);
  } catch {
    return null;
  }
}

const line = (earned: number, points: number, answered: number, parts: number) =>
  `${formatPoints(earned)} of ${formatPoints(points)} points, ${answered} of ${parts} parts answered`;

function examDetail(root: HTMLElement, exam: SummaryExam, progress: Progress): void {
  const rows = exam.problems.map((problem) => ({ problem, total: score(progress, problem.parts) }));
  const earned = rows.reduce((sum, row) => sum + row.total.earned, 0);
  const answered = rows.reduce((sum, row) => sum + row.total.answered, 0);
  const parts = rows.reduce((sum, row) => sum + row.total.parts, 0);
  root.append(element('p', `Your progress: ${line(earned, exam.totalPoints, answered, parts)}.`));
  const table = element('table');
  table.append(element('caption', 'Your score per problem', { className: 'visually-hidden' }));
  const head = table.createTHead().insertRow();
  for (const title of ['Problem', 'Score', 'Left to do']) head.append(element('th', title, { scope: 'col' }));
  const body = table.createTBody();
  for (const { problem, total } of rows) {
    const row = body.insertRow();
    const name = element('th', '', { scope: 'row' });
    name.append(element('a', `${problem.number}. ${problem.title}`, { href: problem.url }));
    row.append(name, element('td', `${formatPoints(total.earned)} of ${formatPoints(total.points)}`));
    const left = problem.parts.filter((part) => !(part.anchor in progress.answers));
    const cell = row.insertCell();
    if (left.length === 0) cell.textContent = 'Done';
    for (const [index, part] of left.entries()) {
      if (index > 0) cell.append(', ');
      cell.append(element('a', part.label, { href: `${problem.url}#${part.anchor}` }));
    }
  }
  const scroll = element('div', '', { className: 'table-scroll' });
  scroll.append(table);
  root.append(scroll);
}

function start(): void {
  const dataNode = document.getElementById(SUMMARY_DATA_ID);
  const root = document.querySelector<HTMLElement>('[data-practice-summary]');
  if (!dataNode || !root) return;
  const { exams, detail } = JSON.parse(dataNode.textContent) as { exams: SummaryExam[]; detail: boolean };
  const mockLink = document.querySelector<HTMLElement>('[data-mock-link]');
  if (mockLink) mockLink.hidden = false;
  const list = element('ul');
  for (const exam of exams) {
    const loaded = load(exam.id);
    if (!loaded) continue;
    if (loaded.message) root.append(element('p', loaded.message));
    if (detail) {
      examDetail(root, exam, loaded.progress);
    } else {
      const total = exam.problems.flatMap((problem) => problem.parts);
      const s = score(loaded.progress, total);
      const item = element('li');
      item.append(
        element('a', exam.name, { href: exam.url }),
        `: ${line(s.earned, exam.totalPoints, s.answered, s.parts)}`,
      );
      list.append(item);
    }
  }
  if (list.childElementCount > 0) root.append(list);
  if (root.querySelector('p, li')) root.hidden = false;
}

start();
