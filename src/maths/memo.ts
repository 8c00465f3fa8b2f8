/**
 * Remembers the last few results of a pure, costly function by a key of its input. A build renders
 * the same tool with the same settings on many pages (every copy of a preset, every exam reusing a
 * lab), and a reader toggling back to a setting gets the earlier result at once. Results are shared,
 * so callers must not mutate them.
 */
export function memoizeRecent<Input, Result>(
  run: (input: Input) => Result,
  keyOf: (input: Input) => string,
  size = 8,
): (input: Input) => Result {
  const recent = new Map<string, Result>();
  return (input) => {
    const key = keyOf(input);
    const known = recent.get(key);
    if (known !== undefined) {
      // Most recently used last, so the oldest is the first to go.
      recent.delete(key);
      recent.set(key, known);
      return known;
    }
    const result = run(input);
    recent.set(key, result);
    if (recent.size > size) recent.delete(recent.keys().next().value as string);
    return result;
  };
}
