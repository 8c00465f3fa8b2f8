/**
 * The small part of practice that every problem page loads: it builds the answer controls (so they
 * exist only with JavaScript) and loads the rest (grading, saving, scores) on the first interaction,
 * or at once when this exam already has saved progress.
 */
import { element, optionCheckboxes } from './dom';
import { DATA_ID, storageKey, type PracticePageData } from './page-data';
import type * as VariantUi from './variant-ui';

function buildPart(section: HTMLElement, part: PracticePageData['parts'][number]): HTMLElement | null {
  const { anchor, label, kind } = part;
  const box = element('div', { className: 'practice-part' });
  box.dataset['practicePart'] = anchor;
  // The controls for the exam's own numbers, set aside while "New numbers" is on.
  const official = element('div', { className: 'practice-official' });
  const solution = section.querySelector<HTMLDetailsElement>(':scope > details.solution');
  if (kind === 'self') {
    if (!solution) return null;
    const set = element(
      'fieldset',
      { className: 'practice-self', hidden: !solution.open },
      element('legend', {}, `How did you do on ${label}?`),
    );
    for (const [value, text] of [
      ['got', 'Got it'],
      ['partly', 'Partly'],
      ['missed', 'Missed it'],
    ] as const) {
      set.append(element('label', {}, element('input', { type: 'radio', name: `self-${anchor}`, value }), ` ${text}`));
    }
    // Here, not in the engine: a solution opened before the engine loads must show the choice too.
    solution.addEventListener('toggle', () => {
      if (solution.open) set.hidden = false;
    });
    // Shown by CSS only while the choice is hidden, so the box never looks empty.
    official.append(
      set,
      element('p', { className: 'practice-self-hint' }, 'Reveal the solution, then mark how you did.'),
    );
  } else {
    if (kind === 'choices' && !optionCheckboxes(section, `Your answer to ${label}`)) return null;
    // Its own module, so pages without a table never load it; it builds into the box once placed.
    if (kind === 'table') void import('./table-ui').then((table) => table.buildTable(box, part));
    if (kind === 'number') {
      const errorId = `practice-error-${anchor}`;
      official.append(
        element('label', { htmlFor: `practice-answer-${anchor}` }, 'Your answer'),
        ' ',
        element('input', {
          id: `practice-answer-${anchor}`,
          type: 'text',
          inputMode: 'decimal',
          autocomplete: 'off',
          className: 'practice-number',
        }),
        element('p', { id: errorId, className: 'practice-error', hidden: true }),
      );
    }
    official.append(element('button', { type: 'button', className: 'practice-check' }, 'Check answer'));
  }
  const link = element('a', { href: `#${anchor}-solution`, className: 'practice-show' }, 'Show solution');
  official.append(element('p', {}, element('span', { className: 'practice-result' }), ' ', link));
  official.querySelector('.practice-result')?.setAttribute('role', 'status');
  box.append(official);
  if (solution) solution.before(box);
  else section.append(box);
  return box;
}

/** The variant code loads only when a student first asks for new numbers (or opens a link to some). */
let variants: Promise<typeof VariantUi> | undefined;
const loadVariants = () => (variants ??= import('./variant-ui'));

function start(): void {
  const dataNode = document.getElementById(DATA_ID);
  const panel = document.querySelector<HTMLElement>('[data-practice]');
  if (!dataNode || !panel) return;
  const data = JSON.parse(dataNode.textContent) as PracticePageData;
  for (const part of data.parts) {
    const section = document.getElementById(part.anchor)?.closest<HTMLElement>('section.part');
    const box = section && buildPart(section, part);
    if (!box || !data.variants[part.anchor]) continue;
    const button = element('button', { type: 'button', className: 'practice-new-numbers' }, 'New numbers');
    button.addEventListener('click', () => void loadVariants().then((ui) => ui.newNumbers(data, part.anchor)));
    box.append(element('p', { className: 'practice-variant-actions' }, button));
  }
  if (new URLSearchParams(location.search).has('variant')) {
    void loadVariants().then((ui) => ui.variantsFromAddress(data, panel));
  }

  let loading: Promise<void> | undefined;
  let ready = false;
  const load = (restore: boolean) =>
    (loading ??= import('./engine').then(({ startEngine }) => {
      startEngine(data, panel, restore);
      ready = true;
    }));
  // A click, choice or Enter that comes while the engine is still loading (a slow phone) is held
  // and replayed once it is in, instead of being lost. So every control, Export, Import and Reset
  // included, is shown from the start: controls that appeared when the engine arrived pushed the
  // answers down under a reader's pointer, and the click landed beside the box being ticked.
  const areas = () => [panel, ...document.querySelectorAll<HTMLElement>('.practice-part')];
  const replayLater = (event: Event) => {
    const target = event.target;
    if (ready || !(target instanceof HTMLElement) || !areas().some((area) => area.contains(target))) return;
    // New numbers have their own script and never touch saved answers: nothing to wait for.
    if (target.closest('.practice-variant, .practice-variant-actions')) return;
    const button = event.type === 'click' ? target.closest('button') : null;
    const replayed: Event | undefined =
      event.type === 'change'
        ? new Event('change', { bubbles: true })
        : event instanceof KeyboardEvent && event.key === 'Enter'
          ? new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })
          : undefined;
    const replay = button
      ? () => {
          button.click();
        }
      : replayed
        ? () => {
            target.dispatchEvent(replayed);
          }
        : undefined;
    if (!replay) return;
    if (event.type !== 'change') event.preventDefault();
    event.stopImmediatePropagation();
    void load(false).then(replay);
  };
  for (const type of ['click', 'change', 'keydown']) document.addEventListener(type, replayLater, true);
  const onFirstUse = () => void load(false);
  for (const area of [panel, ...document.querySelectorAll<HTMLElement>('.practice-choices, .practice-part')]) {
    area.addEventListener('focusin', onFirstUse, { once: true });
    area.addEventListener('pointerdown', onFirstUse, { once: true });
  }
  let saved = false;
  try {
    saved = localStorage.getItem(storageKey(data.exam)) !== null;
  } catch {
    // Storage blocked: nothing to restore; the engine says so once the student practises.
  }
  if (saved) void load(true);
}

start();
