/**
 * State of an island whose result is an exam answer: the result stays hidden until the student asks
 * for it (`reveal`, e.g. a button) or edits a field (`edit`); `hydrated` says whether the button works
 * yet (it does nothing in the server-rendered page).
 */
import type { TargetedEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function useRevealOnRequest(): {
  shown: boolean;
  hydrated: boolean;
  reveal: () => void;
  /** An input handler that stores the field's text with `setter` and reveals the result. */
  edit: (setter: (value: string) => void) => (event: TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
} {
  const [shown, setShown] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return {
    shown,
    hydrated,
    reveal: () => setShown(true),
    edit: (setter) => (event) => {
      setter(event.currentTarget.value);
      setShown(true);
    },
  };
}
