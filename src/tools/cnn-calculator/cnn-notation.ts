/**
 * Parser for a CNN written in exam notation, one layer per line:
 *   CONVk-N   k x k convolution with N filters (padding 1, stride 1 unless stated)
 *   POOL-n    n x n max-pool, stride n, padding 0
 *   ReLU, tanh, sigmoid, ...   element-wise activations
 *   FLATTEN
 *   FC-N      fully-connected layer with N neurons
 * with optional modifiers "with padding P" and/or "with stride S" on CONV and POOL lines.
 * Only syntax and number validity are checked here; shapes are the concern of cnn-shapes.ts.
 * Every number goes through the site's one number parser (ui/number-field.ts). Layers are read by a
 * forward-only scanner and runs of spaces are collapsed first (so the splitting regular expressions
 * never rescan a long run): time is linear in the length of a line, and lines are capped anyway.
 */
import { parseNumber, sizeRule, type Checked } from '../../ui/number-field';

export interface Volume {
  h: number;
  w: number;
  c: number;
}

export type LayerSpec =
  | { kind: 'conv'; kernel: number; filters: number; padding: number; stride: number }
  | { kind: 'pool'; size: number; padding: number; stride: number }
  | { kind: 'activation'; name: string }
  | { kind: 'flatten' }
  | { kind: 'fc'; units: number };

export interface ParsedLine {
  /** 1-based line number in the text as typed (blank lines count, so it matches the editor). */
  line: number;
  /** The line as typed, without surrounding spaces. */
  source: string;
  result: { ok: true; spec: LayerSpec } | { ok: false; message: string };
}

export const CONV_DEFAULT_PADDING = 1;
export const CONV_DEFAULT_STRIDE = 1;

/** Activations that are applied element by element: no parameters, shape unchanged. */
const ACTIVATIONS: ReadonlyMap<string, string> = new Map([
  ['relu', 'ReLU'],
  ['leakyrelu', 'Leaky ReLU'],
  ['lrelu', 'Leaky ReLU'],
  ['elu', 'ELU'],
  ['selu', 'SELU'],
  ['gelu', 'GELU'],
  ['silu', 'SiLU'],
  ['swish', 'Swish'],
  ['tanh', 'tanh'],
  ['sigmoid', 'sigmoid'],
  ['softplus', 'softplus'],
  ['softsign', 'softsign'],
  ['mish', 'Mish'],
]);

const KNOWN_LAYERS = 'CONVk-N, POOL-n, FC-N, FLATTEN or an activation such as ReLU, tanh, sigmoid';

/** Longest layer line read; longer lines are reported, never scanned. */
export const MAX_LINE_LENGTH = 200;
/**
 * Layer lines computed: drawing the table of a longer network could block the page for over 100 ms
 * on a slow phone (measured: 100 rows take about 200 ms on a busy laptop).
 */
export const MAX_LAYER_LINES = 40;

const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';

/**
 * A left-to-right reader over one collapsed line. Every method moves forward or not at all, so a
 * line is read in time linear in its length, whatever it contains (no backtracking).
 */
class Scanner {
  private i = 0;
  constructor(private readonly text: string) {}

  spaces(): void {
    while (this.text[this.i] === ' ') this.i += 1;
  }

  /** Consumes `word` (lower case) if the text continues with it in any case. */
  word(word: string): boolean {
    if (this.text.slice(this.i, this.i + word.length).toLowerCase() !== word) return false;
    this.i += word.length;
    return true;
  }

  /** Consumes a numeral, [+|-] digits [. digits] [e [+|-] digits] or .digits, and returns its text. */
  numeral(): string | undefined {
    const start = this.i;
    let i = start;
    if (this.text[i] === '+' || this.text[i] === '-') i += 1;
    let digits = 0;
    const digitsFrom = (from: number): number => {
      let end = from;
      while (isDigit(this.text[end])) end += 1;
      digits += end - from;
      return end;
    };
    i = digitsFrom(i);
    if (this.text[i] === '.') i = digitsFrom(i + 1);
    if (digits === 0) return undefined;
    if (this.text[i] === 'e' || this.text[i] === 'E') {
      let j = i + 1;
      if (this.text[j] === '+' || this.text[j] === '-') j += 1;
      if (isDigit(this.text[j])) {
        while (isDigit(this.text[j])) j += 1;
        i = j;
      }
    }
    this.i = i;
    return this.text.slice(start, i);
  }

  atEnd(): boolean {
    return this.i === this.text.length;
  }
}

/** Reads `<prefix> - <number>` to the end of the line ("POOL-2", "fc - 27"), or undefined. */
function dashNumber(head: string, prefixes: readonly string[]): string | undefined {
  const scan = new Scanner(head);
  for (const prefix of prefixes) {
    if (!scan.word(prefix)) return undefined;
    scan.spaces();
  }
  if (!scan.word('-')) return undefined;
  scan.spaces();
  const number = scan.numeral();
  return number !== undefined && scan.atEnd() ? number : undefined;
}

/** Reads "CONVk-N" with optional spaces: [k, N], or undefined. */
function convNumbers(head: string): [string, string] | undefined {
  const scan = new Scanner(head);
  if (!scan.word('conv')) return undefined;
  scan.spaces();
  const kernel = scan.numeral();
  scan.spaces();
  if (kernel === undefined || !scan.word('-')) return undefined;
  scan.spaces();
  const filters = scan.numeral();
  return filters !== undefined && scan.atEnd() ? [kernel, filters] : undefined;
}

/** Reads "padding P", "stride S", "padding = P" or "stride of S": the name and the number, or undefined. */
function modifierParts(modifier: string): ['padding' | 'stride', string] | undefined {
  const scan = new Scanner(modifier);
  const name = scan.word('padding') ? 'padding' : scan.word('stride') ? 'stride' : undefined;
  if (name === undefined) return undefined;
  scan.spaces();
  if (!scan.word('=')) scan.word('of');
  scan.spaces();
  const number = scan.numeral();
  return number !== undefined && scan.atEnd() ? [name, number] : undefined;
}

/** A size in a layer line or the volume: a whole number from `minimum` (0 for padding) up to the size limit. */
function checkSize(text: string, label: string, minimum: 0 | 1): Checked {
  return parseNumber(text, sizeRule(label, minimum));
}

/** Trimmed, with every run of white space as one space. */
const collapse = (text: string): string => text.trim().replace(/\s+/g, ' ');

/** Splits "CONV1-32 with padding 0 and stride 2" into the layer and its modifiers. */
function splitModifiers(line: string): { head: string; modifiers: string[] } {
  const [head = '', ...rest] = line.split(/\s*,?\s*\bwith\b\s*/i);
  const modifiers = rest.flatMap((part) => part.split(/\s*(?:,|\band\b)\s*/i)).filter((part) => part !== '');
  return { head: head.trim(), modifiers };
}

type Modifiers = { ok: true; padding?: number; stride?: number } | { ok: false; message: string };

function parseModifiers(modifiers: readonly string[], layerName: string): Modifiers {
  const found: { padding?: number; stride?: number } = {};
  for (const modifier of modifiers) {
    const match = modifierParts(modifier);
    if (match === undefined) {
      return {
        ok: false,
        message: `"with ${modifier}" is not understood: write "with padding P" or "with stride S".`,
      };
    }
    const [name, number] = match;
    const checked = checkSize(number, `${layerName} ${name}`, name === 'padding' ? 0 : 1);
    if (!checked.ok) return checked;
    if (found[name] !== undefined) return { ok: false, message: `The ${name} is given twice.` };
    found[name] = checked.value;
  }
  return { ok: true, ...found };
}

function parseHead(head: string): { ok: true; spec: LayerSpec } | { ok: false; message: string } | undefined {
  const conv = convNumbers(head);
  if (conv !== undefined) {
    const kernel = checkSize(conv[0], 'Kernel size k in CONVk-N', 1);
    if (!kernel.ok) return kernel;
    const filters = checkSize(conv[1], 'Number of filters N in CONVk-N', 1);
    if (!filters.ok) return filters;
    return {
      ok: true,
      spec: {
        kind: 'conv',
        kernel: kernel.value,
        filters: filters.value,
        padding: CONV_DEFAULT_PADDING,
        stride: CONV_DEFAULT_STRIDE,
      },
    };
  }
  const pool = dashNumber(head, ['pool']) ?? dashNumber(head, ['max', 'pool']);
  if (pool !== undefined) {
    const size = checkSize(pool, 'Pooling size n in POOL-n', 1);
    if (!size.ok) return size;
    return { ok: true, spec: { kind: 'pool', size: size.value, padding: 0, stride: size.value } };
  }
  const fc = dashNumber(head, ['fc']);
  if (fc !== undefined) {
    const units = checkSize(fc, 'Number of neurons N in FC-N', 1);
    if (!units.ok) return units;
    return { ok: true, spec: { kind: 'fc', units: units.value } };
  }
  const word = head.toLowerCase().replace(/[\s_-]+/g, '');
  if (word === 'flatten') return { ok: true, spec: { kind: 'flatten' } };
  const activation = ACTIVATIONS.get(word);
  if (activation !== undefined) return { ok: true, spec: { kind: 'activation', name: activation } };
  return undefined;
}

/** Parses one non-blank line of the Layers field. */
export function parseLayerLine(text: string): { ok: true; spec: LayerSpec } | { ok: false; message: string } {
  const line = collapse(text);
  if (line.length > MAX_LINE_LENGTH) {
    return { ok: false, message: `This line is longer than ${MAX_LINE_LENGTH} characters; write one layer per line.` };
  }
  const { head, modifiers } = splitModifiers(line);
  const parsed = parseHead(head);
  if (parsed === undefined) {
    if (/^input\b/i.test(head)) {
      return { ok: false, message: 'The input volume goes in the Input field, not in the list of layers.' };
    }
    return { ok: false, message: `Unknown layer "${head}". Use ${KNOWN_LAYERS}.` };
  }
  if (!parsed.ok || modifiers.length === 0) return parsed;
  const spec = parsed.spec;
  if (spec.kind !== 'conv' && spec.kind !== 'pool') {
    return { ok: false, message: `${head} has no padding or stride; only CONV and POOL layers take "with …".` };
  }
  const layerName = spec.kind === 'conv' ? 'CONV' : 'POOL';
  const extra = parseModifiers(modifiers, layerName);
  if (!extra.ok) return extra;
  return {
    ok: true,
    spec: { ...spec, padding: extra.padding ?? spec.padding, stride: extra.stride ?? spec.stride },
  };
}

/**
 * Parses the Layers field: every non-blank line, each with its own result so one typo never hides
 * the rest, up to MAX_LAYER_LINES; `more` says whether lines after those were left unread.
 */
export function parseLayers(text: string): { lines: ParsedLine[]; more: boolean } {
  const lines: ParsedLine[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const source = raw.trim();
    if (source === '') continue;
    if (lines.length === MAX_LAYER_LINES) return { lines, more: true };
    // Shown with its runs of spaces collapsed, and cut short when too long to read (its message says why).
    const collapsed = collapse(source);
    const shown = collapsed.length > MAX_LINE_LENGTH ? `${collapsed.slice(0, 40)}…` : collapsed;
    lines.push({ line: index + 1, source: shown, result: parseLayerLine(source) });
  }
  return { lines, more: false };
}

/**
 * Parses a volume "H*W*C" (also "HxWxC", "H×W×C", "H \times W \times C", or "(H, W, C)"), spaces allowed.
 */
export function parseVolume(text: string): { ok: true; volume: Volume } | { ok: false; message: string } {
  const trimmed = collapse(collapse(text).replace(/^\((.*)\)$/, '$1'));
  if (trimmed === '') return { ok: false, message: 'Enter the input volume as H*W*C, for example 128*128*6.' };
  const parts = trimmed.split(/\s*(?:\*|×|x|X|,|\\times)\s*/);
  if (parts.length !== 3 || parts.some((part) => part === '')) {
    return { ok: false, message: `"${trimmed}" is not a volume: write height*width*channels, for example 128*128*6.` };
  }
  const [h, w, c] = parts;
  const height = checkSize(h ?? '', 'Height H', 1);
  if (!height.ok) return height;
  const width = checkSize(w ?? '', 'Width W', 1);
  if (!width.ok) return width;
  const channels = checkSize(c ?? '', 'Number of channels C', 1);
  if (!channels.ok) return channels;
  return { ok: true, volume: { h: height.value, w: width.value, c: channels.value } };
}
