/**
 * What the answer keys need from a problem's MDX body, read from the source text line by line (no
 * regular expression over whole lines, so nothing backtracks): per `<Part id="…">`, the ids and
 * first-line texts of its `<Options>` list items (`- (iii) ($15 \times 15 \times 15$)` → `iii` and
 * `($15 \times 15 \times 15$)`, read by computed keys), whether it has a `<Solution>`, and whether it marks
 * the question that "New numbers" replaces (`<div data-variant-question>`).
 */

export interface BodyOption {
  id: string;
  /** The rest of the item's first line, as written in the MDX. */
  text: string;
}

export interface BodyPart {
  id: string;
  options: BodyOption[];
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

/** "- (iii) text" → iii and "text", "- (B) text" → B (LaTeX `choices` letters); anything else → null. */
function optionOf(line: string): BodyOption | null {
  const trimmed = line.trimStart();
  if (!trimmed.startsWith('- (')) return null;
  const end = trimmed.indexOf(')', 3);
  const id = end === -1 ? '' : trimmed.slice(3, end);
  return id.length > 0 &&
    Array.from(id, (c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')).every(Boolean)
    ? { id, text: trimmed.slice(end + 1).trim() }
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
      const option = optionOf(line);
      if (option !== null) current.options.push(option);
    }
  }
  return parts;
}
