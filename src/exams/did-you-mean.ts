/**
 * Suggests the known name a misspelt or abbreviated one meant ("errrata" → "errata", "pts" →
 * "points"), or nothing when no name is close. Edit distance on short field names: at most a few
 * hundred steps per call.
 */
export function closestName(unknown: string, known: readonly string[]): string | undefined {
  const abbreviated = known.find((name) => isAbbreviation(unknown.toLowerCase(), name.toLowerCase()));
  if (abbreviated) return abbreviated;
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(unknown.toLowerCase(), name.toLowerCase());
    if (!best || distance < best.distance) best = { name, distance };
  }
  const tolerated = Math.max(1, Math.floor(unknown.length / 3));
  return best && best.distance <= tolerated ? best.name : undefined;
}

/** "pts" abbreviates "points": same first letter, every letter in order. */
function isAbbreviation(short: string, name: string): boolean {
  if (short.length < 2 || short.length >= name.length || short[0] !== name[0]) return false;
  let at = 0;
  for (const letter of name) if (letter === short[at]) at++;
  return at === short.length;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** "unknown field `errrata` (did you mean `errata`?)", one clause per unknown key. */
export function describeUnknownKeys(keys: readonly string[], known: readonly string[], where: string): string {
  const clauses = keys.map((key) => {
    const suggestion = closestName(key, known);
    return suggestion ? `\`${key}\` (did you mean \`${suggestion}\`?)` : `\`${key}\``;
  });
  return `unknown ${where} field${keys.length > 1 ? 's' : ''} ${clauses.join(', ')}; known fields: ${known.join(', ')}`;
}
