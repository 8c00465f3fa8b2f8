/**
 * Parameter count of a fully-connected (dense) network: each layer of `units` neurons fed by
 * `inputs` values has inputs*units weights and units biases.
 */

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

export type DenseResult =
  | { ok: true; value: DenseCount }
  | { ok: false; error: { field: DenseField; message: string } };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: { field: DenseField; message: string } };

const TOO_LARGE = `is too large to count exactly in JavaScript (above ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')})`;

/** Why `value` is not a usable layer size, or undefined when it is. */
export function sizeProblem(value: number): string | undefined {
  if (!Number.isFinite(value)) return 'is not a number';
  if (!Number.isInteger(value)) return 'is not a whole number';
  if (value <= 0) return 'must be at least 1';
  if (!Number.isSafeInteger(value)) return TOO_LARGE;
  return undefined;
}

/** Parses the input-size field as typed (a number field still yields text). */
export function parseInputSize(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: { field: 'input', message: 'Input size: enter a whole number of at least 1.' } };
  const value = Number(trimmed);
  const problem = sizeProblem(value);
  if (problem !== undefined) return { ok: false, error: { field: 'input', message: `Input size: ${trimmed} ${problem}.` } };
  return { ok: true, value };
}

/** Parses "7, 3" (commas and/or spaces) into layer widths, naming the first bad entry. */
export function parseLayerSizes(text: string): Parsed<number[]> {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { ok: false, error: { field: 'layers', message: 'Layer sizes: enter at least one width, e.g. 7, 3.' } };
  }
  const entries = trimmed.split(/\s*,\s*|\s+/);
  const widths: number[] = [];
  for (const [index, entry] of entries.entries()) {
    const position = `entry ${index + 1}`;
    if (entry === '') {
      return { ok: false, error: { field: 'layers', message: `Layer sizes: ${position} is empty (two commas in a row?).` } };
    }
    const value = Number(entry);
    const problem = sizeProblem(value);
    if (problem !== undefined) {
      return { ok: false, error: { field: 'layers', message: `Layer sizes: ${position}, "${entry}", ${problem}.` } };
    }
    widths.push(value);
  }
  return { ok: true, value: widths };
}

/** Counts weights and biases per layer; fails rather than return a count JavaScript cannot hold exactly. */
export function countDenseParams(inputSize: number, widths: readonly number[]): DenseResult {
  const inputProblem = sizeProblem(inputSize);
  if (inputProblem !== undefined) {
    return { ok: false, error: { field: 'input', message: `Input size: ${inputSize} ${inputProblem}.` } };
  }
  if (widths.length === 0) {
    return { ok: false, error: { field: 'layers', message: 'Layer sizes: enter at least one width, e.g. 7, 3.' } };
  }
  const layers: DenseLayerCount[] = [];
  let inputs = inputSize;
  let total = 0;
  for (const [index, units] of widths.entries()) {
    const problem = sizeProblem(units);
    if (problem !== undefined) {
      return { ok: false, error: { field: 'layers', message: `Layer sizes: entry ${index + 1}, ${units}, ${problem}.` } };
    }
    const weights = inputs * units;
    const params = weights + units;
    total += params;
    if (!Number.isSafeInteger(params) || !Number.isSafeInteger(total)) {
      return { ok: false, error: { field: 'layers', message: `Layer sizes: the count at layer ${index + 1} ${TOO_LARGE}.` } };
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
