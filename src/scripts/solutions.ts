/**
 * Progressive enhancement for solution toggles: show/hide all, remember what was revealed during
 * this visit (sessionStorage, per page), and open a solution when the URL points into it.
 */

function storageKey(): string {
  return `revealed:${location.pathname}`;
}

function readRevealed(): Set<string> {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(storageKey()) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : []);
  } catch {
    return new Set();
  }
}

function writeRevealed(solutions: HTMLDetailsElement[]): void {
  const open = solutions.filter((details) => details.open).map((details) => details.dataset['solution'] ?? '');
  try {
    sessionStorage.setItem(storageKey(), JSON.stringify(open));
  } catch {
    // Storage can be unavailable (private mode); remembering is a nicety, not a requirement.
  }
}

/**
 * A link into a solution opens it and shows the part's question above it: the part heading goes
 * to the top, unless that would leave the solution's start below the screen (a long question),
 * in which case the solution is centred with as much of the question above it as fits.
 * Browsers open the <details> of a fragment target themselves, so this does not wait for that.
 */
function openTargetOfHash(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  const details = target?.closest<HTMLDetailsElement>('details.solution');
  if (!target || !details) return;
  details.open = true;
  const heading = details.closest('.part')?.querySelector('h2');
  const summary = details.querySelector('summary') ?? target;
  if (!heading) {
    target.scrollIntoView();
    return;
  }
  const gap = summary.getBoundingClientRect().top - heading.getBoundingClientRect().top;
  if (gap < window.innerHeight * 0.6) heading.scrollIntoView({ block: 'start' });
  else summary.scrollIntoView({ block: 'center' });
}

export function enhanceSolutions(root: Document): void {
  const solutions = [...root.querySelectorAll<HTMLDetailsElement>('details.solution')];
  const controls = root.querySelector<HTMLElement>('[data-solution-controls]');
  if (solutions.length === 0) {
    // Nothing for the buttons to open on this page.
    if (controls) controls.hidden = true;
    return;
  }

  const revealed = readRevealed();
  for (const details of solutions) {
    if (revealed.has(details.dataset['solution'] ?? '')) details.open = true;
    details.addEventListener('toggle', () => writeRevealed(solutions));
  }

  if (controls) {
    controls.addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-reveal]');
      if (!button) return;
      const open = button.dataset['reveal'] === 'all';
      for (const details of solutions) details.open = open;
    });
  }

  openTargetOfHash();
  // The browser scrolls to the fragment itself as the page finishes loading; place it again after.
  if (document.readyState !== 'complete') window.addEventListener('load', openTargetOfHash, { once: true });
  window.addEventListener('hashchange', openTargetOfHash);
}
