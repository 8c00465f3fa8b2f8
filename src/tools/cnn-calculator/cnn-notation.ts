/**
 * Parser for a CNN written in exam notation, one layer per line:
 *   CONVk-N   k x k convolution with N filters (padding 1, stride 1 unless stated)
 *   POOL-n    n x n max-pool, stride n, padding 0
 *   ReLU, tanh, sigmoid, ...   element-wise activations
 *   FLATTEN
 *   FC-N      fully-connected layer with N neurons
 * with optional modifiers "with padding P" and/or "with stride S" on CONV and POOL lines.
 * Only syntax and number validity are checked here; shapes are the concern of cnn-shapes.ts.
 * Every number goes through the site's one number parser (ui/number-field.ts), and runs of spaces
 * are collapsed first, so the splitting regular expressions below never rescan a long run.
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

const NUMBER = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?`;
const CONV = new RegExp(String.raw`^conv\s*(${NUMBER})\s*-\s*(${NUMBER})$`, 'i');
const POOL = new RegExp(String.raw`^(?:max\s*)?pool\s*-\s*(${NUMBER})$`, 'i');
const FC = new RegExp(String.raw`^fc\s*-\s*(${NUMBER})$`, 'i');
const MODIFIER = new RegExp(String.raw`^(padding|stride)\s*(?:=|of)?\s*(${NUMBER})$`, 'i');

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
    const match = MODIFIER.exec(modifier);
    if (match === null) {
      return {
        ok: false,
        message: `"with ${modifier}" is not understood: write "with padding P" or "with stride S".`,
      };
    }
    const name = (match[1] ?? '').toLowerCase() as 'padding' | 'stride';
    const checked = checkSize(match[2] ?? '', `${layerName} ${name}`, name === 'padding' ? 0 : 1);
    if (!checked.ok) return checked;
    if (found[name] !== undefined) return { ok: false, message: `The ${name} is given twice.` };
    found[name] = checked.value;
  }
  return { ok: true, ...found };
}

function parseHead(head: string): { ok: true; spec: LayerSpec } | { ok: false; message: string } | undefined {
  const conv = CONV.exec(head);
  if (conv !== null) {
    const kernel = checkSize(conv[1] ?? '', 'Kernel size k in CONVk-N', 1);
    if (!kernel.ok) return kernel;
    const filters = checkSize(conv[2] ?? '', 'Number of filters N in CONVk-N', 1);
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
  const pool = POOL.exec(head);
  if (pool !== null) {
    const size = checkSize(pool[1] ?? '', 'Pooling size n in POOL-n', 1);
    if (!size.ok) return size;
    return { ok: true, spec: { kind: 'pool', size: size.value, padding: 0, stride: size.value } };
  }
  const fc = FC.exec(head);
  if (fc !== null) {
    const units = checkSize(fc[1] ?? '', 'Number of neurons N in FC-N', 1);
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
  const { head, modifiers } = splitModifiers(collapse(text));
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

/** Parses the Layers field: every non-blank line, each with its own result so one typo never hides the rest. */
export function parseLayers(text: string): ParsedLine[] {
  const parsed: ParsedLine[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const source = raw.trim();
    if (source === '') continue;
    parsed.push({ line: index + 1, source, result: parseLayerLine(source) });
  }
  return parsed;
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
