/**
 * The mock exam page: setup, answering with flags, a timer computed from the stored start time,
 * review, submission and the result with its history. State lives in localStorage (mock.ts).
 */
import { element, optionCheckboxes } from './dom';
import type { SelfGrade } from './grade';
import { formatPoints } from './points';
import type { PartKey } from './keys';
import {
  crossedMark,
  emptyMockStore,
  formatClock,
  gradeAttempt,
  isAnswered,
  mockKey,
  parseMockStore,
  remainingMs,
  type MockAttempt,
  type MockResult,
  type MockStore,
} from './mock';
import { MOCK_DATA_ID, type MockPageData } from './mock-data';
import { cellTable } from './table-ui';

const data = JSON.parse(document.getElementById(MOCK_DATA_ID)?.textContent ?? 'null') as MockPageData;
const $ = (name: string) => document.querySelector<HTMLElement>(`[data-mock-${name}]`);
const input = (name: string) => document.querySelector<HTMLInputElement>(`[data-mock-${name}]`);
const screens = { setup: $('setup'), exam: $('exam'), review: $('review-screen'), results: $('results') };
const parts = data.problems.flatMap((problem) => problem.parts.map((part) => ({ ...part, problem })));

let store: MockStore = emptyMockStore(data.exam);
let canSave = true;
try {
  const loaded = parseMockStore(localStorage.getItem(mockKey(data.exam)), data.exam);
  store = loaded.store;
  if (loaded.message) $('history')?.append(element('p', {}, loaded.message));
} catch {
  canSave = false;
}
const save = () => {
  if (!canSave) return;
  try {
    localStorage.setItem(mockKey(data.exam), JSON.stringify(store));
  } catch {
    canSave = false;
  }
};

function show(name: keyof typeof screens): void {
  for (const [key, screen] of Object.entries(screens)) if (screen) screen.hidden = key !== name;
}

const dateText = (time: number) =>
  new Date(time).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

function renderHistory(): void {
  const box = $('history');
  if (!box || store.history.length === 0) return;
  box.replaceChildren(element('h3', {}, 'Earlier attempts'));
  const list = element('ul');
  for (const result of store.history) {
    list.append(
      element(
        'li',
        {},
        `${dateText(result.date)}: ${formatPoints(result.earned)} of ${formatPoints(result.points)} points`,
      ),
    );
  }
  box.append(list);
}

/** Answer controls and a flag for every part; their values come from and go to the attempt. */
function buildControls(attempt: MockAttempt): void {
  for (const part of parts) {
    const section = document.getElementById(part.anchor)?.closest<HTMLElement>('section.part');
    if (!section || section.querySelector('.mock-flag')) continue;
    const saved = attempt.answers[part.anchor];
    const record = () => {
      const current = store.current;
      if (!current) return;
      const checked = [...section.querySelectorAll<HTMLInputElement>('.practice-choices input:checked')].map(
        (input) => input.value,
      );
      const text = section.querySelector<HTMLInputElement | HTMLTextAreaElement>('.mock-answer')?.value;
      const cells = [...section.querySelectorAll<HTMLInputElement>('.practice-cell')];
      current.answers[part.anchor] =
        part.kind === 'table'
          ? { cells: Object.fromEntries(cells.map((cell) => [cell.name, cell.value])) }
          : text === undefined
            ? { selected: checked }
            : { text };
      const flag = section.querySelector<HTMLInputElement>('.mock-flag input');
      current.flagged = current.flagged.filter((id) => id !== part.anchor).concat(flag?.checked ? [part.anchor] : []);
      save();
    };
    if (part.kind === 'choices') {
      const set = optionCheckboxes(section, `Your answer to ${part.label}`);
      for (const input of set?.querySelectorAll('input') ?? [])
        input.checked = !!saved && 'selected' in saved && saved.selected.includes(input.value);
    } else if (part.kind === 'table') {
      const table = cellTable(part, 'mock');
      for (const cell of table.querySelectorAll('input'))
        cell.value = saved && 'cells' in saved ? (saved.cells[cell.name] ?? '') : '';
      section.append(table);
    } else {
      const id = `mock-answer-${part.anchor}`;
      const field =
        part.kind === 'number'
          ? element('input', { id, type: 'text', inputMode: 'decimal', autocomplete: 'off', className: 'mock-answer' })
          : element('textarea', { id, rows: 3, className: 'mock-answer mock-self-answer' });
      field.value = saved && 'text' in saved ? saved.text : '';
      const hint = part.kind === 'self' ? ' (you mark it against the solution after submitting)' : '';
      section.append(
        element('p', {}, element('label', { htmlFor: id }, `Your answer to ${part.label}${hint}`), ' ', field),
      );
    }
    const flag = element('input', { type: 'checkbox', checked: attempt.flagged.includes(part.anchor) });
    section.append(element('label', { className: 'mock-flag' }, flag, ` Flag ${part.label} for review`));
    section.addEventListener('input', record);
    section.addEventListener('change', record);
  }
}

let timer: number | undefined;
let lastRemaining: number | null = null;

function tick(): void {
  const attempt = store.current;
  const display = $('timer');
  if (!attempt || !display) return;
  const left = remainingMs(attempt, Date.now());
  if (left === null) {
    display.textContent = 'No time limit';
    return;
  }
  display.textContent = `Time left: ${formatClock(left)}`;
  const mark = lastRemaining === null ? null : crossedMark(lastRemaining, left);
  const announce = $('announce');
  if (mark !== null && announce) {
    announce.textContent =
      mark === 1 ? '1 minute left: the exam is submitted when time runs out.' : `${mark} minutes left.`;
  }
  lastRemaining = left;
  if (left === 0) void submit(true);
}

function startExam(attempt: MockAttempt): void {
  buildControls(attempt);
  show('exam');
  lastRemaining = remainingMs(attempt, Date.now());
  tick();
  timer = window.setInterval(tick, 1000);
}

function review(): void {
  const attempt = store.current;
  const list = $('review-list');
  if (!attempt || !list) return;
  const link = (part: (typeof parts)[number]) => {
    const anchor = element('a', { href: `#${part.anchor}` }, part.label);
    anchor.addEventListener('click', () => show('exam'));
    return element('li', {}, anchor);
  };
  const unanswered = parts.filter((part) => !isAnswered(attempt.answers[part.anchor]));
  const flagged = parts.filter((part) => attempt.flagged.includes(part.anchor));
  list.replaceChildren(
    element('h3', {}, `Unanswered (${unanswered.length})`),
    unanswered.length ? element('ul', {}, ...unanswered.map(link)) : element('p', {}, 'None.'),
    element('h3', {}, `Flagged for review (${flagged.length})`),
    flagged.length ? element('ul', {}, ...flagged.map(link)) : element('p', {}, 'None.'),
  );
  show('review');
  screens.review?.focus();
}

async function loadKeys(): Promise<Record<string, PartKey> | null> {
  try {
    const response = await fetch(data.keysUrl);
    return response.ok ? ((await response.json()) as Record<string, PartKey>) : null;
  } catch {
    return null;
  }
}

function renderResult(
  attempt: MockAttempt,
  keys: Record<string, PartKey>,
  result: MockResult,
  marks: Record<string, SelfGrade>,
): void {
  const body = $('result-body');
  if (!body) return;
  const table = element('table', {}, element('caption', { className: 'visually-hidden' }, 'Score per problem'));
  table
    .createTHead()
    .insertRow()
    .append(element('th', { scope: 'col' }, 'Problem'), element('th', { scope: 'col' }, 'Score'));
  const rows = table.createTBody();
  for (const row of result.problems) {
    const problem = data.problems.find((candidate) => candidate.number === row.number);
    rows
      .insertRow()
      .append(
        element('th', { scope: 'row' }, `${row.number}. ${problem?.title ?? ''}`),
        element('td', {}, `${formatPoints(row.earned)} of ${formatPoints(row.points)}`),
      );
  }
  const partList = element('ul');
  for (const part of parts) {
    const item = element(
      'li',
      {},
      element('a', { href: `${part.problem.url}#${part.anchor}-solution` }, `Solution to ${part.label}`),
    );
    if (!isAnswered(attempt.answers[part.anchor])) item.append(' (unanswered)');
    if (part.kind === 'self') {
      const set = element(
        'fieldset',
        { className: 'practice-self' },
        element('legend', {}, `Mark ${part.label} yourself`),
      );
      for (const [value, text] of [
        ['got', 'Got it'],
        ['partly', 'Partly'],
        ['missed', 'Missed it'],
      ] as const) {
        const radio = element('input', {
          type: 'radio',
          name: `mock-self-${part.anchor}`,
          value,
          checked: marks[part.anchor] === value,
        });
        radio.addEventListener('change', () => {
          const updated = gradeAttempt(data.problems, attempt, keys, { ...marks, [part.anchor]: value }, result.date);
          store.history = store.history.map((entry) => (entry.date === result.date ? updated : entry));
          save();
          renderResult(attempt, keys, updated, { ...marks, [part.anchor]: value });
        });
        set.append(element('label', {}, radio, ` ${text}`));
      }
      item.append(set);
    }
    partList.append(item);
  }
  body.replaceChildren(
    element(
      'p',
      { className: 'mock-total' },
      `Total: ${formatPoints(result.earned)} of ${formatPoints(result.points)} points`,
    ),
    table,
    element('h3', {}, 'Every part, with its solution'),
    partList,
  );
}

async function submit(timedOut: boolean): Promise<void> {
  const attempt = store.current;
  if (!attempt) return;
  window.clearInterval(timer);
  const keys = await loadKeys();
  if (!keys) {
    const list = $('review-list');
    list?.prepend(
      element('p', { role: 'alert' }, 'The answer keys could not be loaded; check your connection and submit again.'),
    );
    show('review');
    return;
  }
  const result = gradeAttempt(data.problems, attempt, keys, {}, Date.now());
  store.history.push(result);
  store.current = null;
  save();
  const notice = $('timeout');
  if (notice) notice.textContent = timedOut ? 'Time is up: your answers were submitted.' : '';
  renderResult(attempt, keys, result, {});
  show('results');
  screens.results?.focus();
}

function setup(): void {
  $('nojs')?.remove();
  const minutes = input('minutes');
  const timed = input('timed');
  timed?.addEventListener('change', () => {
    if (minutes) minutes.disabled = !timed.checked;
  });
  $('start')?.addEventListener('click', () => {
    const value = Number(minutes?.value);
    const error = $('minutes-error');
    const valid = Number.isInteger(value) && value >= 1 && value <= 1440;
    minutes?.setAttribute('aria-invalid', String(!valid && !!timed?.checked));
    if (timed?.checked && !valid) {
      if (error) error.textContent = 'Minutes: enter a whole number from 1 to 1,440.';
      return;
    }
    if (error) error.textContent = '';
    store.current = { startedAt: Date.now(), durationMinutes: timed?.checked ? value : null, answers: {}, flagged: [] };
    save();
    startExam(store.current);
  });
  for (const button of document.querySelectorAll('[data-mock-review]')) button.addEventListener('click', review);
  $('back')?.addEventListener('click', () => show('exam'));
  $('submit')?.addEventListener('click', () => void submit(false));
  $('again')?.addEventListener('click', () => {
    renderHistory();
    show('setup');
  });
  renderHistory();
  if (store.current) startExam(store.current);
  else show('setup');
}

setup();
