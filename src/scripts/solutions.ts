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

function openTargetOfHash(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  const details = target?.closest('details');
  if (target && details && !details.open) {
    details.open = true;
    target.scrollIntoView();
  }
}

export function enhanceSolutions(root: Document): void {
  const solutions = [...root.querySelectorAll<HTMLDetailsElement>('details.solution')];
  const controls = root.querySelector<HTMLElement>('[data-solution-controls]');
  if (solutions.length === 0) return;

  const revealed = readRevealed();
  for (const details of solutions) {
    if (revealed.has(details.dataset['solution'] ?? '')) details.open = true;
    details.addEventListener('toggle', () => writeRevealed(solutions));
  }

  if (controls) {
    controls.hidden = false;
    controls.addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-reveal]');
      if (!button) return;
      const open = button.dataset['reveal'] === 'all';
      for (const details of solutions) details.open = open;
    });
  }

  openTargetOfHash();
  window.addEventListener('hashchange', openTargetOfHash);
}
