import { useMemo, useRef } from 'preact/hooks';
import type { Validated } from './number-field';

/**
 * `compute(settings)` for valid settings; while a field is invalid, the result of the last valid
 * settings (of `fallback` if there were none), so the plots do not go blank as the student types.
 * The result is recomputed only when `parsed` changes, so `compute` and `fallback` must depend on
 * nothing else (callers pass fresh closures on every render, which must not trigger a recomputation).
 */
export function useLastValid<T, R>(parsed: Validated<T>, compute: (settings: T) => R, fallback: T): R {
  const latest = useRef({ compute, fallback });
  latest.current = { compute, fallback };
  const lastGood = useRef<R | null>(null);
  const result = useMemo(() => {
    const { compute: run, fallback: start } = latest.current;
    return parsed.ok ? run(parsed.value) : (lastGood.current ?? run(start));
  }, [parsed]);
  lastGood.current = result;
  return result;
}
