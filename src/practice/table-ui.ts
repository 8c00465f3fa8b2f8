/**
 * The answer table of a table part (Problem 5) on a problem page and in the mock exam: one text
 * field per cell, built only with JavaScript. Problem pages load it on its own, and only when they
 * have a table part, so the practice code every other page loads stays as small as it was.
 */
import { element } from './dom';
import type { PublicPart } from './keys';
import type { SavedAnswer } from './progress';
import {
  CELL_FORMAT,
  TABLE_COLUMNS,
  cellId,
  columnNames,
  columnOf,
  describeShare,
  describeTableResult,
  gradeTable,
  rowName,
  type TableKey,
} from './table-grade';

const hintIdOf = (prefix: string, anchor: string) => `${prefix}-table-hint-${anchor}`;

/** The fields of `part`'s table in a scrollable, focusable box; `prefix` keeps ids unique per page. */
export function cellTable(part: PublicPart, prefix: string): HTMLElement {
  const rows = part.rows ?? [];
  const hintId = hintIdOf(prefix, part.anchor);
  const table = element(
    'table',
    { className: 'practice-table' },
    element('caption', {}, `Your answers to ${part.label}`),
  );
  table
    .createTHead()
    .insertRow()
    .append(
      element('th', { scope: 'col' }, 'Layer'),
      element('th', { scope: 'col' }, 'Activation volume'),
      element('th', { scope: 'col' }, 'Parameters'),
    );
  const body = table.createTBody();
  for (const [index, layer] of rows.entries()) {
    const row = body.insertRow();
    row.append(element('th', { scope: 'row' }, `${index + 1}. ${layer}`));
    for (const column of TABLE_COLUMNS) {
      const input = element('input', {
        type: 'text',
        name: cellId(index + 1, column),
        inputMode: column === 'params' ? 'decimal' : 'text',
        autocomplete: 'off',
        spellcheck: false,
        className: 'practice-cell',
      });
      input.setAttribute('aria-label', `${rowName(rows, index + 1)}: ${columnNames[column]}`);
      input.setAttribute('aria-describedby', hintId);
      row.append(element('td', {}, input));
    }
  }
  // Wider than a phone: the table scrolls inside its own box, which the keyboard can reach.
  const scroll = element('div', { className: 'practice-table-scroll', tabIndex: 0 }, table);
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', `Answer table for ${part.label}`);
  return element(
    'div',
    { className: 'practice-table-area' },
    scroll,
    element('p', { id: hintId, className: 'muted' }, `${CELL_FORMAT} ${describeShare(rows.length * 2, part.points)}`),
  );
}

const cellsOf = (box: HTMLElement) => [...box.querySelectorAll<HTMLInputElement>('.practice-cell')];

/** Builds the table into the part's box the first time; every later call finds it. */
export function buildTable(box: HTMLElement, part: PublicPart): HTMLInputElement[] {
  if (!box.querySelector('.practice-table-area')) {
    const error = element('p', {
      id: `practice-table-error-${part.anchor}`,
      className: 'practice-error',
      hidden: true,
    });
    box.querySelector('.practice-official')?.prepend(cellTable(part, 'practice'), error);
  }
  return cellsOf(box);
}

export function fillTable(box: HTMLElement, part: PublicPart, answer: SavedAnswer | undefined): void {
  for (const input of buildTable(box, part)) {
    input.value = answer?.kind === 'table' ? (answer.cells[input.name] ?? '') : '';
    input.removeAttribute('data-wrong');
  }
}

/**
 * Grades the table: null, with the reason beside the table, while a cell cannot be read or every
 * cell is empty (nothing is scored or saved then, as for a malformed number).
 */
export function checkTable(
  box: HTMLElement,
  part: PublicPart,
  key: TableKey,
): { answer: SavedAnswer; text: string } | null {
  const inputs = buildTable(box, part);
  const rows = part.rows ?? [];
  const typed = Object.fromEntries(
    inputs.filter((input) => input.value.trim() !== '').map((input) => [input.name, input.value]),
  );
  const result = gradeTable(key, typed, part.points);
  const error = box.querySelector<HTMLElement>('.practice-error');
  const hint = hintIdOf('practice', part.anchor);
  const problems =
    result.empty.length === result.cells
      ? [`Fill in the table first. ${CELL_FORMAT}`]
      : result.unreadable.map(
          ({ id, message }) => `${rowName(rows, Number.parseInt(id, 10))}, ${columnNames[columnOf(id)]}: ${message}.`,
        );
  for (const input of inputs) {
    const bad = result.unreadable.some((cell) => cell.id === input.name);
    input.setAttribute('aria-invalid', String(bad));
    input.setAttribute('aria-describedby', bad && error ? `${error.id} ${hint}` : hint);
    input.toggleAttribute('data-wrong', result.wrong.includes(input.name));
  }
  if (error) {
    error.hidden = problems.length === 0;
    error.textContent = problems.length > 0 ? `Not checked: ${problems.join(' ')}` : '';
  }
  if (problems.length > 0) return null;
  return {
    answer: { kind: 'table', cells: typed, earned: result.earned },
    text: describeTableResult(result, rows, part.points),
  };
}
