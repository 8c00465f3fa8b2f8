/**
 * "New numbers" on a problem page, loaded by bootstrap.ts on the first press or when the address
 * asks for a variant (`?variant=2a-1234`). The marked question (`[data-variant-question]`) is set
 * aside and the drawn one shown in its place; the part's own controls give way to an answer field
 * for the new numbers. Practice only: nothing here reads or writes saved answers or the score.
 */
import { element } from './dom';
import type { PracticePageData } from './page-data';
import {
  checkVariantAnswer,
  formatVariantAnswer,
  parseVariantParam,
  SHAPE_FORMAT,
  variantGenerator,
  variantParam,
  type Variant,
} from './variants';

const PARAM = 'variant';

interface PartView {
  question: HTMLElement;
  box: HTMLElement;
  actions: HTMLElement;
}

function viewOf(anchor: string): PartView | null {
  const section = document.getElementById(anchor)?.closest<HTMLElement>('section.part');
  const question = section?.querySelector<HTMLElement>('[data-variant-question]');
  const box = section?.querySelector<HTMLElement>(`[data-practice-part="${anchor}"]`);
  const actions = box?.querySelector<HTMLElement>('.practice-variant-actions');
  return question && box && actions ? { question, box, actions } : null;
}

/** Writes this part's seed (or none) into the address, keeping other parts' variants. */
function remember(anchor: string, seed: number | null): void {
  const url = new URL(location.href);
  const others = url.searchParams.getAll(PARAM).filter((value) => parseVariantParam(value)?.anchor !== anchor);
  url.searchParams.delete(PARAM);
  for (const value of others) url.searchParams.append(PARAM, value);
  if (seed !== null) {
    url.searchParams.append(PARAM, variantParam(anchor, seed));
    // A shared link opens at the part, not at the top of the page.
    url.hash = anchor;
  }
  // Replaced, not pushed: the Back button leaves the page instead of stepping through old variants.
  history.replaceState(history.state, '', url);
}

/** Back to the exam's question and controls. */
function clear(view: PartView): void {
  const next = view.question.nextElementSibling;
  if (next?.classList.contains('practice-variant-question')) next.remove();
  view.box.querySelector('.practice-variant')?.remove();
  view.actions.querySelector('.practice-variant-back')?.remove();
  view.question.hidden = false;
  delete view.box.dataset['variantActive'];
}

function answerArea(anchor: string, variant: Variant): HTMLElement {
  const id = `variant-answer-${anchor}`;
  const errorId = `variant-error-${anchor}`;
  const shape = variant.answer.kind === 'shape';
  const input = element('input', {
    id,
    type: 'text',
    inputMode: shape ? 'text' : 'decimal',
    autocomplete: 'off',
    className: 'practice-variant-answer',
  });
  const hint = shape ? element('p', { id: `variant-hint-${anchor}`, className: 'muted' }, SHAPE_FORMAT) : null;
  const describedBy = (withError: boolean) =>
    [withError ? errorId : '', hint?.id ?? ''].filter((part) => part !== '').join(' ');
  if (hint) input.setAttribute('aria-describedby', hint.id);
  const error = element('p', { id: errorId, className: 'practice-error', hidden: true });
  const result = element('p', { className: 'practice-variant-result' });
  result.setAttribute('role', 'status');
  const check = () => {
    const checked = checkVariantAnswer(variant.answer, input.value);
    input.setAttribute('aria-invalid', String(!checked.ok));
    error.hidden = checked.ok;
    error.textContent = checked.ok ? '' : checked.message;
    const description = describedBy(!checked.ok);
    if (description === '') input.removeAttribute('aria-describedby');
    else input.setAttribute('aria-describedby', description);
    result.textContent = !checked.ok
      ? ''
      : checked.correct
        ? 'Correct. Practice only: not scored.'
        : 'Not correct. Try again, or show the answer for these numbers below.';
  };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') check();
  });
  const button = element('button', { type: 'button' }, 'Check answer');
  button.addEventListener('click', check);
  const working = element(
    'details',
    { className: 'practice-variant-working' },
    element('summary', {}, 'Show the answer for these numbers'),
    element('p', {}, `Answer: ${formatVariantAnswer(variant.answer)}`),
    element('ul', {}, ...variant.working.map((line) => element('li', {}, element('code', {}, line)))),
  );
  return element(
    'div',
    { className: 'practice-variant' },
    element('label', { htmlFor: id }, 'Your answer for these numbers'),
    ' ',
    input,
    button,
    ...(hint ? [hint] : []),
    error,
    result,
    working,
  );
}

/** Shows the variant of `anchor` drawn from `seed`; an error message when it cannot. */
function show(data: PracticePageData, anchor: string, seed: number, focus: boolean): string | null {
  const page = data.variants[anchor];
  const view = viewOf(anchor);
  if (!page || !view) return `${anchor} has no new numbers on this page`;
  const setup = variantGenerator(page);
  // The build checked every variant, so this is a defect, reported rather than hidden.
  if (!setup.ok) return `${anchor}: ${setup.message}`;
  const variant = setup.generate(seed);
  clear(view);
  const shown = element(
    'div',
    { className: 'practice-variant-question', tabIndex: -1 },
    element(
      'p',
      { className: 'practice-variant-label' },
      element('strong', {}, 'New numbers'),
      ` · seed ${seed} · practice only, not scored`,
    ),
    element('p', {}, variant.question),
  );
  if (variant.layers.length > 0) {
    shown.append(
      element('ol', { className: 'practice-variant-layers' }, ...variant.layers.map((line) => element('li', {}, line))),
    );
  }
  view.question.hidden = true;
  view.question.after(shown);
  view.box.dataset['variantActive'] = '';
  view.box.insertBefore(answerArea(anchor, variant), view.actions);
  const back = element('button', { type: 'button', className: 'practice-variant-back' }, 'Back to the exam’s numbers');
  back.addEventListener('click', () => {
    clear(view);
    remember(anchor, null);
    view.actions.querySelector('button')?.focus();
  });
  view.actions.append(back);
  remember(anchor, seed);
  // Focus on the new question, so a screen reader reads out what changed.
  if (focus) shown.focus();
  return null;
}

/** Seeds shown to students stay short enough to read out and type: 1 to 99,999. */
const SHOWN_SEEDS = 99_999;

export function newNumbers(data: PracticePageData, anchor: string): void {
  const current = new URLSearchParams(location.search)
    .getAll(PARAM)
    .map(parseVariantParam)
    .find((parsed) => parsed?.anchor === anchor)?.seed;
  // The one unseeded choice on purpose: which seed comes next. Everything drawn from it is seeded.
  let seed = 1 + ((crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) % SHOWN_SEEDS);
  if (seed === current) seed = (seed % SHOWN_SEEDS) + 1;
  show(data, anchor, seed, true);
}

/** Shows the variants the address asks for, and says which it cannot show. */
export function variantsFromAddress(data: PracticePageData, panel: HTMLElement): void {
  const problems: string[] = [];
  for (const value of new URLSearchParams(location.search).getAll(PARAM)) {
    const parsed = parseVariantParam(value);
    const problem = parsed
      ? show(data, parsed.anchor, parsed.seed, false)
      : `“${value}” is not a part and a seed such as 2a-1234`;
    if (problem !== null) problems.push(problem);
  }
  const message = panel.querySelector<HTMLElement>('[data-practice-message]');
  if (message && problems.length > 0) {
    message.textContent = `This address asks for new numbers the page cannot show (${problems.join('; ')}); those parts keep the exam’s numbers.`;
  }
}
