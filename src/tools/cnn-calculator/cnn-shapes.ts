/**
 * Output volumes and parameter counts of a CNN written in exam notation (see cnn-notation.ts),
 * each with the working that produced it, in the style of a written solution:
 *   (126 + 2*1 - 3)/1 + 1 = 126        16*(3*3*8 + 1) = 1168        (8192 + 1)*27 = 221211
 *
 * A line with an error is reported and skipped: the next line continues from the last valid
 * activation, so one typo never hides the rest of the network. The total then covers only the
 * valid lines, and `errorLines` says which were left out.
 */
import { tooLargeToCount } from '../../ui/number-field';
import { propChecker } from '../../ui/tool-props';
import { MAX_LAYER_LINES, parseLayers, parseVolume, type LayerSpec, type Volume } from './cnn-notation';

export type { Volume } from './cnn-notation';

/** What flows between layers: an H x W x C volume, or a vector after FLATTEN or FC. */
export type Activation = ({ kind: 'volume' } & Volume) | { kind: 'vector'; n: number };

export interface ComputedRow {
  status: 'ok';
  line: number;
  source: string;
  output: Activation;
  /** How the output size follows from the input, e.g. `(126 + 2*1 - 3)/1 + 1 = 126`. */
  outputFormula: string;
  params: number;
  /** e.g. `16*(3*3*8 + 1) = 1168`, or a short reason why there are none. */
  paramsFormula: string;
  /** Things worth knowing that are not errors, e.g. how an uneven stride was rounded. */
  notes: string[];
}

export interface ErrorRow {
  status: 'error';
  line: number;
  source: string;
  message: string;
}

/** A valid line that cannot be computed because the Input field has an error. */
export interface WaitingRow {
  status: 'waiting';
  line: number;
  source: string;
}

export type CnnRow = ComputedRow | ErrorRow | WaitingRow;

export interface CnnResult {
  input: { ok: true; volume: Volume; formula: string } | { ok: false; message: string };
  rows: CnnRow[];
  /** Sum over computed rows; an error when the sum itself is beyond exact counting. */
  total: { ok: true; value: number } | { ok: false; message: string };
  /** Lines reported as errors (and left out of the total). */
  errorLines: number[];
  /** Set when the Layers field has more than MAX_LAYER_LINES layers: the later ones are not computed. */
  tooMany?: string;
}

export function formatActivation(activation: Activation, separator = '*'): string {
  return activation.kind === 'volume'
    ? [activation.h, activation.w, activation.c].join(separator)
    : String(activation.n);
}

function activationSize(activation: Activation): number {
  return activation.kind === 'volume' ? activation.h * activation.w * activation.c : activation.n;
}

type Dimension = 'height' | 'width' | 'height and width';

/** What is left uncovered at the end of each dimension, singular and plural. */
const UNCOVERED: Record<Dimension, readonly [string, string]> = {
  height: ['row', 'rows'],
  width: ['column', 'columns'],
  'height and width': ['row and column', 'rows and columns'],
};

/** One spatial dimension through a sliding window, as PyTorch computes it: floor((n + 2P - K)/S) + 1. */
function slide(
  size: number,
  kernel: number,
  padding: number,
  stride: number,
  dimension: Dimension,
  windowName: string,
): { ok: true; size: number; formula: string; note?: string } | { ok: false; message: string } {
  const padded = size + 2 * padding;
  if (kernel > padded) {
    const paddedText = padding === 0 ? `${size} (no padding)` : `${size} + 2*${padding} = ${padded}`;
    return {
      ok: false,
      message: `The ${windowName} ${kernel}*${kernel} is larger than the padded input ${dimension} ${paddedText}, so it does not fit even once.`,
    };
  }
  const span = padded - kernel;
  const out = Math.floor(span / stride) + 1;
  const base = `(${size} + 2*${padding} - ${kernel})/${stride}`;
  if (span % stride === 0) return { ok: true, size: out, formula: `${base} + 1 = ${out}` };
  const exact = span / stride;
  const leftOver = span % stride;
  return {
    ok: true,
    size: out,
    formula: `floor(${base}) + 1 = floor(${Number(exact.toFixed(3))}) + 1 = ${out}`,
    note: `Stride ${stride} does not divide ${span} evenly along the ${dimension}: ${base} = ${Number(exact.toFixed(3))} is rounded down, as PyTorch does, so the last ${leftOver} padded ${UNCOVERED[dimension][leftOver === 1 ? 0 : 1]} ${leftOver === 1 ? 'is' : 'are'} never covered.`,
  };
}

/** Output size along H and W, with one formula when both are the same computation. */
function slideBoth(
  input: Volume,
  kernel: number,
  padding: number,
  stride: number,
  windowName: string,
): { ok: true; h: number; w: number; formula: string; notes: string[] } | { ok: false; message: string } {
  const square = input.w === input.h;
  const h = slide(input.h, kernel, padding, stride, square ? 'height and width' : 'height', windowName);
  if (!h.ok) return h;
  if (square) {
    return { ok: true, h: h.size, w: h.size, formula: h.formula, notes: h.note === undefined ? [] : [h.note] };
  }
  const w = slide(input.w, kernel, padding, stride, 'width', windowName);
  if (!w.ok) return w;
  const notes = [h.note, w.note].filter((note): note is string => note !== undefined);
  return { ok: true, h: h.size, w: w.size, formula: `H: ${h.formula}; W: ${w.formula}`, notes };
}

type Step = { ok: true; row: Omit<ComputedRow, 'status' | 'line' | 'source'> } | { ok: false; message: string };

function needsVolume(current: { n: number }, origin: string, layerName: string): Step {
  return {
    ok: false,
    message: `${layerName} needs an H*W*C volume, but after ${origin} the activations are a vector of ${current.n} values. Move this line before FLATTEN/FC, or remove it.`,
  };
}

function tooLarge(what: string, value: number): Step | undefined {
  return Number.isSafeInteger(value) ? undefined : { ok: false, message: tooLargeToCount(`The ${what}`) };
}

function applyLayer(spec: LayerSpec, current: Activation, origin: string): Step {
  switch (spec.kind) {
    case 'conv': {
      if (current.kind !== 'volume') return needsVolume(current, origin, 'A convolution');
      const { kernel, filters, padding, stride } = spec;
      const out = slideBoth(current, kernel, padding, stride, 'kernel');
      if (!out.ok) return out;
      const perFilter = kernel * kernel * current.c + 1;
      const params = filters * perFilter;
      const overflow = tooLarge('number of parameters', params) ?? tooLarge('output volume', out.h * out.w * filters);
      if (overflow !== undefined) return overflow;
      return {
        ok: true,
        row: {
          output: { kind: 'volume', h: out.h, w: out.w, c: filters },
          outputFormula: `${out.formula}; channels = ${filters} filters`,
          params,
          paramsFormula: `${filters}*(${kernel}*${kernel}*${current.c} + 1) = ${params}`,
          notes: out.notes,
        },
      };
    }
    case 'pool': {
      if (current.kind !== 'volume') return needsVolume(current, origin, 'Pooling');
      const out = slideBoth(current, spec.size, spec.padding, spec.stride, 'pooling window');
      if (!out.ok) return out;
      return {
        ok: true,
        row: {
          output: { kind: 'volume', h: out.h, w: out.w, c: current.c },
          outputFormula: `${out.formula}; channels unchanged = ${current.c}`,
          params: 0,
          paramsFormula: 'max-pooling has no parameters',
          notes: out.notes,
        },
      };
    }
    case 'activation':
      return {
        ok: true,
        row: {
          output: current,
          outputFormula: `${spec.name} is applied element-wise: shape unchanged`,
          params: 0,
          paramsFormula: `${spec.name} has no parameters`,
          notes: [],
        },
      };
    case 'flatten': {
      const n = activationSize(current);
      return {
        ok: true,
        row: {
          output: { kind: 'vector', n },
          outputFormula: current.kind === 'volume' ? `${formatActivation(current)} = ${n}` : `already a vector of ${n}`,
          params: 0,
          paramsFormula: 'FLATTEN has no parameters',
          notes: [],
        },
      };
    }
    case 'fc': {
      const inputs = activationSize(current);
      const params = (inputs + 1) * spec.units;
      const overflow = tooLarge('number of parameters', params);
      if (overflow !== undefined) return overflow;
      const notes =
        current.kind === 'volume'
          ? [`FC sees its ${formatActivation(current)} input as ${inputs} values, as if it were flattened first.`]
          : [];
      return {
        ok: true,
        row: {
          output: { kind: 'vector', n: spec.units },
          outputFormula: `${spec.units} neurons`,
          params,
          paramsFormula: `(${inputs} + 1)*${spec.units} = ${params}`,
          notes,
        },
      };
    }
  }
}

/** Computes every line of `layersText` starting from the volume in `inputText`. */
export function computeCnn(inputText: string, layersText: string): CnnResult {
  return computeParsedCnn(parseVolume(inputText), parseLayers(layersText));
}

/** computeCnn on text already parsed: the same layers from many inputs are parsed once. */
export function computeParsedCnn(
  parsedInput: ReturnType<typeof parseVolume>,
  { lines, more }: ReturnType<typeof parseLayers>,
): CnnResult {
  const rows: CnnRow[] = [];
  const errorLines: number[] = [];
  let total = 0;

  let current: Activation | undefined;
  let origin = 'the input';
  let input: CnnResult['input'];
  if (parsedInput.ok) {
    const { h, w, c } = parsedInput.volume;
    const size = h * w * c;
    if (Number.isSafeInteger(size)) {
      current = { kind: 'volume', ...parsedInput.volume };
      input = { ok: true, volume: parsedInput.volume, formula: `${h}*${w}*${c} = ${size} values` };
    } else {
      input = { ok: false, message: tooLargeToCount(`The input volume ${h}*${w}*${c}`) };
    }
  } else {
    input = parsedInput;
  }

  for (const { line, source, result } of lines) {
    if (!result.ok) {
      rows.push({ status: 'error', line, source, message: result.message });
      errorLines.push(line);
      continue;
    }
    if (current === undefined) {
      rows.push({ status: 'waiting', line, source });
      continue;
    }
    const step = applyLayer(result.spec, current, origin);
    if (!step.ok) {
      rows.push({ status: 'error', line, source, message: step.message });
      errorLines.push(line);
      continue;
    }
    rows.push({ status: 'ok', line, source, ...step.row });
    if (step.row.output.kind === 'vector' && current.kind === 'volume') {
      origin = `${source} on line ${line}`;
    }
    current = step.row.output;
    total += step.row.params;
  }

  return {
    input,
    rows,
    total: Number.isSafeInteger(total)
      ? { ok: true, value: total }
      : { ok: false, message: tooLargeToCount('The total') },
    errorLines,
    ...(more
      ? {
          tooMany: `Layers: at most ${MAX_LAYER_LINES} layers are computed; the lines after line ${lines.at(-1)?.line ?? 0} are left out.`,
        }
      : {}),
  };
}

/** What the content passes to the calculator: the network it opens on. */
export interface CnnCalculatorProps {
  /** Input volume, e.g. "128*128*6" (also "128x128x6"). */
  input: string;
  /** One layer per line, e.g. "CONV5-8\nReLU". */
  layers: string;
  /** Id of the root element, for links such as #cnn-calculator. */
  id?: string;
  title?: string;
}

const check = propChecker('CnnCalculator');

/** Validates the props: the network must compute without errors, since the student starts from it. */
export function cnnCalculatorSetup(props: { [K in keyof CnnCalculatorProps]?: unknown }): Required<CnnCalculatorProps> {
  const input = check.string('input', props.input);
  const layers = check.string('layers', props.layers);
  const result = computeCnn(input, layers);
  if (!result.input.ok) check.fail('input', `is not a volume the calculator reads: ${result.input.message}`);
  for (const row of result.rows) {
    if (row.status === 'error')
      check.fail('layers', `has an error on line ${row.line} ("${row.source}"): ${row.message}`);
  }
  if (result.tooMany !== undefined) check.fail('layers', `is too long: ${result.tooMany}`);
  return {
    input,
    layers,
    id: props.id === undefined ? 'cnn-calculator' : check.string('id', props.id),
    title: props.title === undefined ? 'CNN shape and parameter calculator' : check.string('title', props.title),
  };
}
