/**
 * Parameter count of a fully-connected (dense) network: each layer of `units` neurons fed by
 * `inputs` values has inputs*units weights and units biases.
 */
import { checkNumber, parseNumber, sizeRule, tooLargeToCount, type Validated } from '../../ui/number-field';
import { propChecker } from '../../ui/tool-props';

export interface DenseLayerCount {
  /** 1-based position of the layer (the input is not a layer). */
  layer: number;
  inputs: number;
  units: number;
  weights: number;
  biases: number;
  params: number;
  /** The working, e.g. `4*7 + 7 = 35`. */
  formula: string;
}

export interface DenseCount {
  layers: DenseLayerCount[];
  total: number;
  /** e.g. `35 + 24 = 59`. */
  totalFormula: string;
}

export type DenseField = 'input' | 'layers';

export type DenseResult<T = DenseCount> = Validated<T, DenseField>;

/** The input-size field. */
export const INPUT_RULE = sizeRule('Input size');
const widthRule = (index: number) => sizeRule(`Layer sizes, entry ${index + 1}`);
const NO_WIDTHS = 'Layer sizes: enter at least one width, e.g. 7, 3.';
/**
 * More layers than anyone draws by hand; drawing the table of a longer list could block the page
 * for over 100 ms on a slow phone (measured: 100 rows take 140–200 ms on a busy laptop, 40 rows 20 ms).
 */
export const MAX_LAYERS = 40;
const TOO_MANY_LAYERS = `Layer sizes: enter at most ${MAX_LAYERS} widths.`;

const invalid = (
  field: DenseField,
  message: string,
): { ok: false; errors: [{ field: DenseField; message: string }] } => ({
  ok: false,
  errors: [{ field, message }],
});

/** Parses the input-size field as typed (a number field still yields text). */
export function parseInputSize(text: string): DenseResult<number> {
  const parsed = parseNumber(text, INPUT_RULE);
  return parsed.ok ? parsed : invalid('input', parsed.message);
}

/** Parses "7, 3" (commas and/or spaces) into layer widths, naming the first bad entry. */
export function parseLayerSizes(text: string): DenseResult<number[]> {
  // One space per run of spaces, so the split below never scans a long run more than once.
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return invalid('layers', NO_WIDTHS);
  const entries = trimmed.split(/ ?, ?| /);
  if (entries.length > MAX_LAYERS) return invalid('layers', TOO_MANY_LAYERS);
  const widths: number[] = [];
  for (const [index, entry] of entries.entries()) {
    if (entry === '') return invalid('layers', `Layer sizes: entry ${index + 1} is empty (two commas in a row?).`);
    const parsed = parseNumber(entry, widthRule(index));
    if (!parsed.ok) return invalid('layers', parsed.message);
    widths.push(parsed.value);
  }
  return { ok: true, value: widths };
}

/** Counts weights and biases per layer; fails rather than return a count JavaScript cannot hold exactly. */
export function countDenseParams(inputSize: number, widths: readonly number[]): DenseResult {
  const input = checkNumber(inputSize, INPUT_RULE);
  if (!input.ok) return invalid('input', input.message);
  if (widths.length === 0) return invalid('layers', NO_WIDTHS);
  if (widths.length > MAX_LAYERS) return invalid('layers', TOO_MANY_LAYERS);
  const layers: DenseLayerCount[] = [];
  let inputs = inputSize;
  let total = 0;
  for (const [index, units] of widths.entries()) {
    const width = checkNumber(units, widthRule(index));
    if (!width.ok) return invalid('layers', width.message);
    const weights = inputs * units;
    const params = weights + units;
    total += params;
    if (!Number.isSafeInteger(params) || !Number.isSafeInteger(total)) {
      return invalid('layers', tooLargeToCount(`Layer sizes: the count at layer ${index + 1}`));
    }
    layers.push({
      layer: index + 1,
      inputs,
      units,
      weights,
      biases: units,
      params,
      formula: `${inputs}*${units} + ${units} = ${params}`,
    });
    inputs = units;
  }
  const [only] = layers;
  const totalFormula =
    layers.length === 1 && only !== undefined ? only.formula : `${layers.map((l) => l.params).join(' + ')} = ${total}`;
  return { ok: true, value: { layers, total, totalFormula } };
}

/** Parses both fields as typed and counts; the first field with a problem is reported. */
export function countDenseFromText(inputText: string, layersText: string): DenseResult {
  const input = parseInputSize(inputText);
  if (!input.ok) return input;
  const widths = parseLayerSizes(layersText);
  if (!widths.ok) return widths;
  return countDenseParams(input.value, widths.value);
}

/** What the content passes to the counter: the network it opens on. */
export interface MlpCounterProps {
  /** Number of input features, e.g. 4. */
  input: number;
  /** Comma-separated layer widths, output layer last, e.g. "7, 3". */
  layers: string;
  /** Id of the root element, for links. */
  id?: string;
}

const check = propChecker('MlpCounter');

/** Validates the props; a mistake in the content stops the build with a message naming the prop. */
export function mlpCounterSetup(props: { [K in keyof MlpCounterProps]?: unknown }): Required<MlpCounterProps> {
  const input = check.number('input', props.input, INPUT_RULE);
  const layers = check.string('layers', props.layers);
  const counted = countDenseFromText(String(input), layers);
  if (!counted.ok)
    check.fail(counted.errors[0].field, `describes a network that cannot be counted: ${counted.errors[0].message}`);
  const id = props.id === undefined ? 'mlp-counter' : check.string('id', props.id);
  return { input, layers, id };
}
