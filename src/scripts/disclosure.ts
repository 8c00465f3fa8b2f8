/**
 * Dropdown-like <details> (marked data-dismissable) close on Escape, returning focus to their
 * summary, and on a click outside them, as a menu would. They open and close without this too.
 */
export function enhanceDisclosures(root: Document): void {
  const all = () => [...root.querySelectorAll<HTMLDetailsElement>('details[data-dismissable]')];
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    for (const details of all()) {
      if (!details.open) continue;
      details.open = false;
      if (details.contains(root.activeElement)) details.querySelector('summary')?.focus();
    }
  });
  root.addEventListener('click', (event) => {
    for (const details of all()) {
      if (details.open && !details.contains(event.target as Node)) details.open = false;
    }
  });
}
