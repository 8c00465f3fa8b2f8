/**
 * What a reader typed or chose in a tool before its island loaded. Hydration starts the island's
 * state from its defaults, and Preact then writes them over the server-rendered controls (a
 * textarea loses its text as soon as its children are diffed). So the island's first render, which
 * runs before Preact touches the DOM, takes a snapshot of its controls (found by their
 * `data-control` names), and on mount, before the first paint, `adopt` stores what differs.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

export interface TypedControls {
  /** The value of the input, textarea or select marked data-control="name", if there is one. */
  value(name: string): string | undefined;
  /** The value of the checked radio button among those marked data-control="name", if any is checked. */
  checkedRadio(name: string): string | undefined;
  /** Whether the checkbox marked data-control="name" is ticked, if there is one. */
  checked(name: string): boolean | undefined;
}

type Snapshot = Map<string, string | boolean>;

/** The controls inside `root` as they are now. */
export function snapshotControls(root: ParentNode): Snapshot {
  const snapshot: Snapshot = new Map();
  for (const element of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
    '[data-control]',
  )) {
    const name = element.dataset['control'] ?? '';
    if (element instanceof HTMLInputElement && element.type === 'radio') {
      if (element.checked) snapshot.set(`radio:${name}`, element.value);
    } else if (element instanceof HTMLInputElement && element.type === 'checkbox') {
      snapshot.set(`checkbox:${name}`, element.checked);
    } else if (!snapshot.has(name)) {
      snapshot.set(name, element.value);
    }
  }
  return snapshot;
}

function fromSnapshot(snapshot: Snapshot): TypedControls {
  const text = (key: string) => {
    const value = snapshot.get(key);
    return typeof value === 'string' ? value : undefined;
  };
  return {
    value: (name) => text(name),
    checkedRadio: (name) => text(`radio:${name}`),
    checked: (name) => {
      const value = snapshot.get(`checkbox:${name}`);
      return typeof value === 'boolean' ? value : undefined;
    },
  };
}

/**
 * `headingId` is the id of the island's heading (inside its `.tool` root), which the server
 * rendered with the same id, so the first render can find the server's controls.
 */
export function useTypedBeforeLoad(headingId: string, adopt: (controls: TypedControls) => void): void {
  const snapshot = useRef<Snapshot | null>(null);
  if (snapshot.current === null && typeof document !== 'undefined') {
    const root = document.getElementById(headingId)?.closest('.tool');
    snapshot.current = root ? snapshotControls(root) : new Map();
  }
  // Once, on mount: later edits reach the state through the controls' own handlers.
  const adoptOnMount = useRef(adopt);
  useLayoutEffect(() => {
    if (snapshot.current !== null && snapshot.current.size > 0) adoptOnMount.current(fromSnapshot(snapshot.current));
  }, []);
}

/** `texts` with every field the reader changed before the island loaded; the same object if none changed. */
export function adoptTexts<F extends string>(
  texts: Readonly<Record<F, string>>,
  controls: TypedControls,
): Record<F, string> {
  let changed = false;
  const next: Record<F, string> = { ...texts };
  for (const field of Object.keys(texts) as F[]) {
    const typed = controls.value(field);
    if (typed !== undefined && typed !== texts[field]) {
      next[field] = typed;
      changed = true;
    }
  }
  return changed ? next : texts;
}
