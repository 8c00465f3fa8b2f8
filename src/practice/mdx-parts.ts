/**
 * What the answer keys need from a problem's MDX body, read from the source text line by line (no
 * regular expression over whole lines, so nothing backtracks): per `<Part id="…">`, the ids of its
 * `<Options>` list items (`- (iii) …` → `iii`), whether it has a `<Solution>`, and whether it marks
 * the question that "New numbers" replaces (`<div data-variant-question>`).
 */

export interface BodyPart {
  id: string;
  options: string[];
  hasSolution: boolean;
  hasVariantQuestion: boolean;
}

function partIdOf(line: string): string | null {
  const start = line.indexOf('<Part id="');
  if (start === -1) return null;
  const from = start + '<Part id="'.length;
  const end = line.indexOf('"', from);
  return end === -1 ? null : line.slice(from, end);
}

/** "- (iii) text" → "iii", "- (B) text" → "B" (LaTeX `choices` letters); anything else → null. */
function optionIdOf(line: string): string | null {
  const trimmed = line.trimStart();
  if (!trimmed.startsWith('- (')) return null;
  const end = trimmed.indexOf(')', 3);
  const id = end === -1 ? '' : trimmed.slice(3, end);
  return id.length > 0 &&
    Array.from(id, (c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')).every(Boolean)
    ? id
    : null;
}

export function readBodyParts(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let current: BodyPart | null = null;
  let inOptions = false;
  for (const line of body.split('\n')) {
    const id = partIdOf(line);
    if (id !== null) {
      current = { id, options: [], hasSolution: false, hasVariantQuestion: false };
      parts.push(current);
      continue;
    }
    if (!current) continue;
    if (line.includes('</Part>')) {
      current = null;
      inOptions = false;
    } else if (line.includes('<Options')) inOptions = true;
    else if (line.includes('</Options>')) inOptions = false;
    else if (line.includes('<Solution')) current.hasSolution = true;
    else if (line.includes('<div data-variant-question')) current.hasVariantQuestion = true;
    else if (inOptions) {
      const option = optionIdOf(line);
      if (option !== null) current.options.push(option);
    }
  }
  return parts;
}
