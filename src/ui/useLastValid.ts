import { useMemo, useRef } from 'preact/hooks';
import type { Validated } from './limited-fields';

/**
 * `compute(settings)` for valid settings; while a field is invalid, the result of the last valid
 * settings (of `fallback` if there were none), so the plots do not go blank as the student types.
 */
export function useLastValid<T, R>(parsed: Validated<T>, compute: (settings: T) => R, fallback: T): R {
  const lastGood = useRef<R | null>(null);
  const result = useMemo(() => (parsed.ok ? compute(parsed.value) : (lastGood.current ?? compute(fallback))), [parsed]);
  lastGood.current = result;
  return result;
}
