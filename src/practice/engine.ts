/**
 * Grading, saving and the score of a problem page, loaded by bootstrap.ts on first use. Keys are
 * fetched when the student first checks an answer (or when saved answers are restored).
 */
import { parseAnswerNumber } from './answer-number';
import { describeTolerance, gradeChoices, gradeNumber, gradeSelf, type SelfGrade } from './grade';
import { formatPoints } from './points';
import type { PartKey, PublicPart } from './keys';
import { storageKey, type PracticePageData } from './page-data';
import { emptyProgress, parseProgress, score, type Progress, type SavedAnswer } from './progress';
import type * as TableUi from './table-ui';

const selfText: Record<SelfGrade, string> = { got: 'Got it', partly: 'Partly', missed: 'Missed it' };

export function startEngine(data: PracticePageData, panel: HTMLElement, restore: boolean): void {
  const key = storageKey(data.exam);
  const message = panel.querySelector<HTMLElement>('[data-practice-message]');
  const scoreLine = panel.querySelector<HTMLElement>('[data-practice-score]');
  const say = (text: string) => {
    if (message) message.textContent = text;
  };

  let canSave = true;
  let progress: Progress;
  try {
    const loaded = parseProgress(localStorage.getItem(key), data.exam);
    progress = loaded.progress;
    if (loaded.message) say(loaded.message);
  } catch {
    canSave = false;
    progress = emptyProgress(data.exam);
    say('This browser does not let the guide save: your answers count for this visit only.');
  }

  const save = () => {
    if (!canSave) return;
    try {
      localStorage.setItem(key, JSON.stringify(progress));
    } catch {
      canSave = false;
      say('Your progress could not be saved (storage full or blocked): it counts for this visit only.');
    }
  };

  let keys: Promise<Record<string, PartKey>> | undefined;
  const loadKeys = () =>
    (keys ??= fetch(data.keysUrl).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json() as Promise<Record<string, PartKey>>;
    }));

  const showScore = () => {
    const total = score(progress, data.parts);
    if (scoreLine) {
      scoreLine.textContent = `${formatPoints(total.earned)} of ${formatPoints(total.points)} points, ${total.answered} of ${total.parts} parts answered.`;
    }
  };

  // Table parts (Problem 5) are built and graded by their own module, loaded only where one is.
  let tableUi: Promise<typeof TableUi> | undefined;
  const loadTable = () => (tableUi ??= import('./table-ui'));

  const boxOf = (part: PublicPart) => document.querySelector<HTMLElement>(`[data-practice-part="${part.anchor}"]`);
  const choicesOf = (box: HTMLElement) => [
    ...(box.closest('section.part')?.querySelectorAll<HTMLInputElement>('.practice-choices input') ?? []),
  ];

  /** Grades what the controls of `part` hold; null when there is nothing gradable yet. */
  function grade(part: PublicPart, box: HTMLElement, partKey: PartKey): { answer: SavedAnswer; text: string } | null {
    const points = `of ${formatPoints(part.points)} points`;
    if (partKey.kind === 'choices') {
      const selected = choicesOf(box)
        .filter((input) => input.checked)
        .map((input) => input.value);
      const result = gradeChoices(partKey, selected, part.points);
      const verdict = result.correct ? 'Correct' : `Not quite: ${result.problems.join('; ')}`;
      return {
        answer: { kind: 'choices', selected, earned: result.earned },
        text: `${verdict}. ${formatPoints(result.earned)} ${points}.`,
      };
    }
    if (partKey.kind === 'number') {
      const input = box.querySelector<HTMLInputElement>('.practice-number');
      const error = box.querySelector<HTMLElement>('.practice-error');
      if (!input || !error) return null;
      const parsed = parseAnswerNumber(input.value);
      input.setAttribute('aria-invalid', String(!parsed.ok));
      error.hidden = parsed.ok;
      if (!parsed.ok) {
        error.textContent = parsed.message;
        input.setAttribute('aria-describedby', error.id);
        return null;
      }
      input.removeAttribute('aria-describedby');
      const result = gradeNumber(partKey, parsed.value, part.points);
      return {
        answer: { kind: 'number', text: input.value, earned: result.earned },
        text: `${result.correct ? 'Correct' : 'Not correct'}. ${formatPoints(result.earned)} ${points}. Accepted: ${describeTolerance(partKey)}.`,
      };
    }
    const chosen = box.querySelector<HTMLInputElement>('.practice-self input:checked');
    if (!chosen) return null;
    const selfGrade = chosen.value as SelfGrade;
    const earned = gradeSelf(selfGrade, part.points);
    return {
      answer: { kind: 'self', grade: selfGrade, earned },
      text: `Marked “${selfText[selfGrade]}”: ${formatPoints(earned)} ${points}.`,
    };
  }

  async function check(part: PublicPart, box: HTMLElement, store: boolean): Promise<void> {
    const result = box.querySelector<HTMLElement>('.practice-result');
    let partKey: PartKey | undefined = { kind: 'self' };
    if (part.kind !== 'self') {
      try {
        partKey = (await loadKeys())[part.anchor];
      } catch {
        if (result) result.textContent = 'The answer key could not be loaded; check your connection and try again.';
        return;
      }
    }
    const graded =
      partKey?.kind === 'table'
        ? (await loadTable()).checkTable(box, part, partKey)
        : partKey && grade(part, box, partKey);
    if (!graded) {
      if (result && part.kind === 'number') result.textContent = '';
      return;
    }
    if (result) result.textContent = graded.text;
    if (store) {
      progress.answers[part.anchor] = graded.answer;
      save();
      showScore();
    }
  }

  function fill(part: PublicPart, box: HTMLElement, answer: SavedAnswer | undefined): void {
    const result = box.querySelector<HTMLElement>('.practice-result');
    if (result) result.textContent = '';
    if (part.kind === 'choices') {
      for (const input of choicesOf(box))
        input.checked = answer?.kind === 'choices' && answer.selected.includes(input.value);
    } else if (part.kind === 'number') {
      const input = box.querySelector<HTMLInputElement>('.practice-number');
      if (input) input.value = answer?.kind === 'number' ? answer.text : '';
    } else if (part.kind === 'table') {
      // Queued on the module before the check below, which waits for the same promise, so the
      // cells are filled before they are graded.
      void loadTable().then((table) => {
        table.fillTable(box, part, answer);
      });
    } else {
      for (const input of box.querySelectorAll<HTMLInputElement>('.practice-self input')) {
        input.checked = answer?.kind === 'self' && answer.grade === input.value;
      }
      const set = box.querySelector<HTMLElement>('.practice-self');
      const solution = box.closest('section.part')?.querySelector<HTMLDetailsElement>(':scope > details.solution');
      if (set) set.hidden = !answer && !solution?.open;
    }
    if (answer) void check(part, box, false);
  }

  const restoreAll = () => {
    for (const part of data.parts) {
      const box = boxOf(part);
      if (box) fill(part, box, progress.answers[part.anchor]);
    }
    showScore();
  };

  for (const part of data.parts) {
    const box = boxOf(part);
    if (!box) continue;
    box.querySelector('.practice-check')?.addEventListener('click', () => void check(part, box, true));
    // Enter in the answer field, or in any cell of a table, checks (not in a "New numbers" field).
    box.querySelector('.practice-official')?.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Enter' && (event.target as Element).matches('input[type=text]'))
        void check(part, box, true);
    });
    box.querySelector('.practice-self')?.addEventListener('change', () => void check(part, box, true));
    const solution = box.closest('section.part')?.querySelector<HTMLDetailsElement>(':scope > details.solution');
    // The link opens the solution even when the address already points at it (no hashchange then).
    box.querySelector('.practice-show')?.addEventListener('click', () => {
      if (solution) solution.open = true;
    });
  }

  panel.querySelector('[data-practice-export]')?.addEventListener('click', () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(progress, null, 2)], { type: 'application/json' }));
    link.download = `practice-${data.exam}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  });
  const file = panel.querySelector<HTMLInputElement>('[data-practice-import]');
  const importFile = async (chosen: File) => {
    const loaded = parseProgress(await chosen.text(), data.exam);
    if (file) file.value = '';
    if (loaded.message && Object.keys(loaded.progress.answers).length === 0) {
      say(`Nothing imported: ${loaded.message}`);
      return;
    }
    progress = loaded.progress;
    save();
    restoreAll();
    say(`Imported ${Object.keys(progress.answers).length} answer(s).${loaded.message ? ` ${loaded.message}` : ''}`);
  };
  file?.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (chosen) void importFile(chosen);
  });
  panel.querySelector('[data-practice-reset]')?.addEventListener('click', () => {
    if (!confirm('Reset all saved answers and scores for this exam? This cannot be undone.')) return;
    progress = emptyProgress(data.exam);
    try {
      localStorage.removeItem(key);
    } catch {
      // Nothing was saved if storage is blocked.
    }
    restoreAll();
    say('Progress reset.');
  });

  if (restore) restoreAll();
  else showScore();
}
