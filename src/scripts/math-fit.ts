/**
 * Display formulas wider than their column are first shrunk, down to a size that stays readable;
 * past that they scroll inside their own focusable box, whose overflowing edges show a shadow
 * (pure CSS, so the cue works without JavaScript too). Without JavaScript they only scroll.
 */

/** Smallest scale still comfortable to read: KaTeX's display size (1.21em) times this ≈ 0.9em. */
export const minMathScale = 0.75;

/**
 * The font scale at which content `needed` px wide (at scale `current`) fits in `available` px,
 * never below `minMathScale` (the box scrolls for the rest) and never above 1. Content that
 * already fits keeps `current`.
 */
export function fitScale(available: number, needed: number, current = 1): number {
  if (!(available > 0) || !(needed > available)) return current;
  // Rounded down, so rounding never leaves a pixel of overflow.
  return Math.max(minMathScale, Math.floor(current * (available / needed) * 1000) / 1000);
}

/**
 * A formula in a closed fold (a solution, a lab) has no layout: measuring it makes the browser lay
 * that fold out just to answer, one fold at a time. Such formulas are fitted when their fold opens.
 */
function isShown(box: HTMLElement): boolean {
  return box.closest('details:not([open])') === null;
}

/** Glyphs do not shrink exactly in proportion (see fitAll): at most this many reads per fitting. */
const maxFitPasses = 4;

function fitAll(boxes: HTMLElement[]): void {
  // Reset the shrunk ones, then read every width, then write every scale: one layout pass, not
  // one per formula.
  const shown = boxes.filter(isShown);
  for (const box of shown)
    if (box.style.getPropertyValue('--math-scale') !== '') box.style.removeProperty('--math-scale');
  let shrinking = shown
    .map((box) => ({ box, scale: fitScale(box.clientWidth, box.scrollWidth) }))
    .filter(({ scale }) => scale < 1);
  // Hinting rounds glyph advances differently at each size, so a shrunk formula can still
  // overflow by a few pixels (seen: 8 px at 1280 px in Chromium's headless shell). Those alone are
  // read again and shrunk from their current scale, until they fit or reach the smallest scale.
  for (let pass = 1; shrinking.length > 0; pass += 1) {
    for (const { box, scale } of shrinking) box.style.setProperty('--math-scale', String(scale));
    if (pass === maxFitPasses) break;
    shrinking = shrinking
      .map(({ box, scale }) => ({ box, scale, next: fitScale(box.clientWidth, box.scrollWidth, scale) }))
      .filter(({ scale, next }) => next < scale)
      .map(({ box, next }) => ({ box, scale: next }));
  }
}

export function fitDisplayMath(root: Document): void {
  const boxes = [...root.querySelectorAll<HTMLElement>('.katex-display')];
  if (boxes.length === 0) return;
  let width = -1;
  let frame = 0;
  const refit = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      // Only a change of width changes what fits (opening a solution does not).
      const current = root.documentElement.clientWidth;
      if (current === width) return;
      width = current;
      fitAll(boxes);
    });
  };
  // Formulas inside closed <details> have no width until opened: fit those on opening.
  root.addEventListener(
    'toggle',
    (event) => {
      const details = event.target as HTMLElement;
      const inside = boxes.filter((box) => details.contains(box));
      if (inside.length > 0) fitAll(inside);
    },
    true,
  );
  // KaTeX's fonts change every formula's width: measure again once they are in, whatever the width.
  void root.fonts.ready.then(() => {
    width = -1;
    refit();
  });
  window.addEventListener('resize', refit);
  refit();
}
