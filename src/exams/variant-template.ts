/**
 * The question templates of "New numbers" variants, written by authors in a part's frontmatter:
 * plain text with `{name}` placeholders ("A {depth}-layer network … {input}-dimensional input"),
 * `{{` and `}}` for literal braces. Read once at build time by the schema (so an unknown or
 * malformed placeholder stops the build naming the part) and in the browser to fill in a variant.
 * One forward scan, no regular expression, so time is linear in the template's length.
 */

export type TemplatePiece = { text: string } | { name: string };

export type ScannedTemplate = { ok: true; pieces: TemplatePiece[] } | { ok: false; message: string };

const isNameChar = (char: string): boolean =>
  (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || (char >= '0' && char <= '9');

export function scanTemplate(template: string): ScannedTemplate {
  const pieces: TemplatePiece[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const char = template[i] ?? '';
    const next = template[i + 1];
    if ((char === '{' || char === '}') && next === char) {
      text += char;
      i += 2;
      continue;
    }
    if (char === '}') {
      return { ok: false, message: `a \`}\` at character ${i + 1} closes no placeholder; write \`}}\` for a brace` };
    }
    if (char !== '{') {
      text += char;
      i += 1;
      continue;
    }
    let end = i + 1;
    while (end < template.length && isNameChar(template[end] ?? '')) end += 1;
    const name = template.slice(i + 1, end);
    if (template[end] !== '}' || name === '') {
      return {
        ok: false,
        message: `the placeholder at character ${i + 1} is not \`{name}\` (letters and digits, then \`}\`); write \`{{\` for a brace`,
      };
    }
    if (text !== '') pieces.push({ text });
    text = '';
    pieces.push({ name });
    i = end + 1;
  }
  if (text !== '') pieces.push({ text });
  return { ok: true, pieces };
}

/** The placeholders a template uses that are not in `known`, each once, in order of use. */
export function unknownPlaceholders(pieces: readonly TemplatePiece[], known: readonly string[]): string[] {
  const names = pieces.flatMap((piece) => ('name' in piece && !known.includes(piece.name) ? [piece.name] : []));
  return [...new Set(names)];
}

/** Fills every placeholder; a name without a value is a defect of the caller, so it throws. */
export function fillTemplate(pieces: readonly TemplatePiece[], values: Readonly<Record<string, string>>): string {
  return pieces
    .map((piece) => {
      if ('text' in piece) return piece.text;
      const value = values[piece.name];
      if (value === undefined) throw new Error(`the template placeholder {${piece.name}} has no value`);
      return value;
    })
    .join('');
}

/** The kinds of variant, each named after the model its answer comes from. */
export const variantKinds = ['mlp-parameters', 'conv-output', 'cnn-parameters'] as const;
export type VariantKind = (typeof variantKinds)[number];

/**
 * The placeholders each kind fills. `mlp-parameters` also has `{width1}` … `{widthN}` for the N
 * layers every variant has (N = the smallest `depth` of its range), see `knownPlaceholders`.
 */
const fixedPlaceholders: Record<VariantKind, readonly string[]> = {
  'mlp-parameters': ['input', 'depth', 'widths', 'output'],
  'conv-output': ['size', 'channels', 'filters', 'kernel', 'padding', 'stride'],
  'cnn-parameters': ['input', 'size', 'channels', 'count'],
};

export function knownPlaceholders(kind: VariantKind, minDepth = 0): string[] {
  const widths = kind === 'mlp-parameters' ? Array.from({ length: minDepth }, (_, index) => `width${index + 1}`) : [];
  return [...fixedPlaceholders[kind], ...widths];
}
