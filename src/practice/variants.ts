/**
 * "New numbers": a computable part drawn afresh from a seed. The content says what may change (the
 * part's `variant`: kind, question template and ranges, see src/exams/schema.ts); this module draws
 * the numbers, fills the template and computes the answer with the tool's own model (the MLP
 * counter, the CNN calculator), so the answer is never written twice. Every draw is well-posed by
 * construction: only combinations that give whole, positive sizes are ever drawn from.
 * Pure (no DOM): the page script (variant-ui.ts) and the build-time checks (keys.ts) both use it.
 */
import type { NetworkData, VariantData } from '../exams/schema';
import { fillTemplate, scanTemplate, type TemplatePiece } from '../exams/variant-template';
import { mulberry32, type Uniform } from '../maths/random';
import { parseAnswerNumber } from './answer-number';
import { countDenseParams } from '../tools/mlp-counter/dense-params';
import {
  CONV_DEFAULT_PADDING,
  CONV_DEFAULT_STRIDE,
  parseLayers,
  parseVolume,
} from '../tools/cnn-calculator/cnn-notation';
import type { LayerSpec, Volume } from '../tools/cnn-calculator/cnn-notation';
import {
  computeCnn,
  computeParsedCnn,
  formatActivation,
  type CnnResult,
  type ComputedRow,
} from '../tools/cnn-calculator/cnn-shapes';
import { formatExact } from '../ui/format';

/** What a problem page carries for a part with new numbers: nothing in it is an answer. */
export interface PageVariant {
  variant: VariantData;
  /** The part's network, for a `cnn-parameters` variant. */
  network?: NetworkData | undefined;
}

export type VariantAnswer = { kind: 'number'; value: number } | { kind: 'shape'; volume: Volume };

export interface Variant {
  seed: number;
  question: string;
  /** The layers of a `cnn-parameters` network, one per line in exam notation, shown under the question. */
  layers: string[];
  answer: VariantAnswer;
  /** How the answer follows, line by line: shown only when the student asks for it. */
  working: string[];
}

export type VariantSetup = { ok: true; generate: (seed: number) => Variant } | { ok: false; message: string };

type Range = readonly [number, number];

/** A whole number in [low, high], each equally likely. */
const draw = (uniform: Uniform, [low, high]: Range): number => low + Math.floor(uniform() * (high - low + 1));

const times = (...sizes: number[]): string => sizes.map((size) => formatExact(size)).join(' × ');

/** "7", "7 and 3", "7, 5 and 3". */
function listing(values: readonly number[]): string {
  const texts = values.map((value) => formatExact(value));
  const last = texts.pop() ?? '';
  return texts.length === 0 ? last : `${texts.join(', ')} and ${last}`;
}

/** The computed rows of a network, or why it is not a well-posed question (an error, or a note such as an uneven stride). */
function computedRows(input: string, layers: string): WellPosed {
  return wellPosed(computeCnn(input, layers));
}

type WellPosed = { ok: true; rows: ComputedRow[]; total: number } | { ok: false; message: string };

function wellPosed(result: CnnResult): WellPosed {
  if (!result.input.ok) return { ok: false, message: result.input.message };
  const rows: ComputedRow[] = [];
  for (const row of result.rows) {
    if (row.status !== 'ok') {
      return {
        ok: false,
        message: `line ${row.line} (“${row.source}”): ${row.status === 'error' ? row.message : 'not computed'}`,
      };
    }
    if (row.notes.length > 0)
      return { ok: false, message: `line ${row.line} (“${row.source}”): ${row.notes.join(' ')}` };
    rows.push(row);
  }
  if (!result.total.ok) return { ok: false, message: result.total.message };
  return { ok: true, rows, total: result.total.value };
}

function mlpParameters(
  variant: Extract<VariantData, { kind: 'mlp-parameters' }>,
  pieces: TemplatePiece[],
): VariantSetup {
  const { ranges } = variant;
  return {
    ok: true,
    generate(seed) {
      const uniform = mulberry32(seed);
      const input = draw(uniform, ranges.input);
      const widths = Array.from({ length: draw(uniform, ranges.depth) }, () => draw(uniform, ranges.width));
      const counted = countDenseParams(input, widths);
      // The schema's limits keep every count exact, so this cannot fail for content that built.
      if (!counted.ok) throw new Error(`mlp-parameters variant ${seed}: ${counted.errors[0].message}`);
      const values: Record<string, string> = {
        input: formatExact(input),
        depth: formatExact(widths.length),
        widths: listing(widths),
        output: formatExact(widths.at(-1) ?? 0),
        ...Object.fromEntries(widths.map((width, index) => [`width${index + 1}`, formatExact(width)])),
      };
      const { layers, total, totalFormula } = counted.value;
      return {
        seed,
        question: fillTemplate(pieces, values),
        layers: [],
        answer: { kind: 'number', value: total },
        working: [
          ...layers.map(
            (layer) => `Layer ${layer.layer} (${layer.inputs} inputs, ${layer.units} neurons): ${layer.formula}`,
          ),
          `Total: ${totalFormula}`,
        ],
      };
    },
  };
}

/** A kernel, padding and stride, with the input sizes that fit them: `count` sizes from `first`, `stride` apart. */
interface ConvChoice {
  kernel: number;
  padding: number;
  stride: number;
  first: number;
  count: number;
}

/**
 * Every kernel, padding and stride of the ranges that fits at least one input size of the range:
 * padding at most half the kernel (more only adds rows of zeros, which PyTorch refuses), the kernel
 * within the padded input, and (size + 2·padding − kernel) a multiple of the stride, so the output
 * is a whole number. The sizes that fit are an arithmetic sequence, counted rather than listed.
 */
function convChoices(ranges: Extract<VariantData, { kind: 'conv-output' }>['ranges']): ConvChoice[] {
  const [low, high] = ranges.size;
  const choices: ConvChoice[] = [];
  for (let kernel = ranges.kernel[0]; kernel <= ranges.kernel[1]; kernel += 1) {
    for (let padding = ranges.padding[0]; padding <= Math.min(ranges.padding[1], kernel / 2); padding += 1) {
      for (let stride = ranges.stride[0]; stride <= ranges.stride[1]; stride += 1) {
        const start = Math.max(low, kernel - 2 * padding, 1);
        const remainder = (((kernel - 2 * padding) % stride) + stride) % stride;
        const first = start + ((((remainder - start) % stride) + stride) % stride);
        if (first <= high)
          choices.push({ kernel, padding, stride, first, count: Math.floor((high - first) / stride) + 1 });
      }
    }
  }
  return choices;
}

function convOutput(variant: Extract<VariantData, { kind: 'conv-output' }>, pieces: TemplatePiece[]): VariantSetup {
  const { ranges } = variant;
  const choices = convChoices(ranges);
  if (choices.length === 0) {
    return {
      ok: false,
      message:
        'no kernel, padding and stride of the ranges fit an input size of the range with a whole-number output (padding at most half the kernel); allow larger sizes, more padding or smaller kernels',
    };
  }
  return {
    ok: true,
    generate(seed) {
      const uniform = mulberry32(seed);
      const choice = choices[draw(uniform, [0, choices.length - 1])] ?? choices[0];
      if (!choice) throw new Error('conv-output variant without choices');
      const { kernel, padding, stride } = choice;
      const size = choice.first + stride * draw(uniform, [0, choice.count - 1]);
      const channels = draw(uniform, ranges.channels);
      const filters = draw(uniform, ranges.filters);
      const computed = computedRows(
        `${size}*${size}*${channels}`,
        `CONV${kernel}-${filters} with padding ${padding} with stride ${stride}`,
      );
      const row = computed.ok ? computed.rows[0] : undefined;
      if (row?.output.kind !== 'volume') throw new Error(`conv-output variant ${seed} is not well-posed`);
      const values = { size, channels, filters, kernel, padding, stride };
      return {
        seed,
        question: fillTemplate(
          pieces,
          Object.fromEntries(Object.entries(values).map(([name, value]) => [name, formatExact(value)])),
        ),
        layers: [],
        answer: { kind: 'shape', volume: { h: row.output.h, w: row.output.w, c: row.output.c } },
        working: [`Height and width: ${row.outputFormula}`, `Output: ${formatActivation(row.output, ' × ')}`],
      };
    },
  };
}

/** One layer in exam notation, written back from its spec with new filter or neuron counts. */
function layerLine(spec: LayerSpec): string {
  switch (spec.kind) {
    case 'conv':
      return [
        `CONV${spec.kernel}-${spec.filters}`,
        spec.padding === CONV_DEFAULT_PADDING ? '' : ` with padding ${spec.padding}`,
        spec.stride === CONV_DEFAULT_STRIDE ? '' : ` with stride ${spec.stride}`,
      ].join('');
    case 'pool':
      return [
        `POOL-${spec.size}`,
        spec.padding === 0 ? '' : ` with padding ${spec.padding}`,
        spec.stride === spec.size ? '' : ` with stride ${spec.stride}`,
      ].join('');
    case 'activation':
      return spec.name;
    case 'flatten':
      return 'FLATTEN';
    case 'fc':
      return `FC-${spec.units}`;
  }
}

function cnnParameters(
  variant: Extract<VariantData, { kind: 'cnn-parameters' }>,
  network: NetworkData | undefined,
  pieces: TemplatePiece[],
): VariantSetup {
  if (!network) return { ok: false, message: 'a cnn-parameters variant needs the part’s `network`' };
  const { ranges } = variant;
  const layers = parseLayers(network.layers);
  const specs: LayerSpec[] = [];
  for (const line of layers.lines) {
    if (!line.result.ok)
      return { ok: false, message: `the network’s line ${line.line} (“${line.source}”): ${line.result.message}` };
    specs.push(line.result.spec);
  }
  // Only the spatial sizes decide whether a size fits, so one channel and the exam's own counts
  // will do; the layers are parsed once for the whole range (a hundred sizes and more).
  const sizes: number[] = [];
  for (let size = ranges.size[0]; size <= ranges.size[1]; size += 1) {
    const input = { ok: true, volume: { h: size, w: size, c: 1 } } as const;
    if (wellPosed(computeParsedCnn(input, layers)).ok) sizes.push(size);
  }
  if (sizes.length === 0) {
    return {
      ok: false,
      message: `no input size from ${ranges.size[0]} to ${ranges.size[1]} goes through every layer of the network with whole-number sizes; widen \`ranges.size\``,
    };
  }
  return {
    ok: true,
    generate(seed) {
      const uniform = mulberry32(seed);
      const size = sizes[draw(uniform, [0, sizes.length - 1])] ?? sizes[0] ?? 1;
      const channels = draw(uniform, ranges.channels);
      const layers = specs.map((spec) =>
        layerLine(
          spec.kind === 'conv'
            ? { ...spec, filters: draw(uniform, ranges.filters) }
            : spec.kind === 'fc'
              ? { ...spec, units: draw(uniform, ranges.units) }
              : spec,
        ),
      );
      const computed = computedRows(`${size}*${size}*${channels}`, layers.join('\n'));
      if (!computed.ok) throw new Error(`cnn-parameters variant ${seed} is not well-posed: ${computed.message}`);
      const values = {
        input: times(size, size, channels),
        size: formatExact(size),
        channels: formatExact(channels),
        count: formatExact(layers.length),
      };
      return {
        seed,
        question: fillTemplate(pieces, values),
        layers,
        answer: { kind: 'number', value: computed.total },
        working: [
          ...computed.rows.map(
            (row) =>
              `${row.source}: output ${formatActivation(row.output, ' × ')} (${row.outputFormula}); parameters: ${row.paramsFormula}`,
          ),
          `Total: ${computed.rows.map((row) => row.params).join(' + ')} = ${computed.total}`,
        ],
      };
    },
  };
}

/** Checks a part's variant once and returns its generator, or what stops it from drawing questions. */
export function variantGenerator({ variant, network }: PageVariant): VariantSetup {
  const scanned = scanTemplate(variant.template);
  if (!scanned.ok) return { ok: false, message: `the template: ${scanned.message}` };
  switch (variant.kind) {
    case 'mlp-parameters':
      return mlpParameters(variant, scanned.pieces);
    case 'conv-output':
      return convOutput(variant, scanned.pieces);
    case 'cnn-parameters':
      return cnnParameters(variant, network, scanned.pieces);
  }
}

/** Seeds are unsigned 32-bit integers, what mulberry32 takes. */
export const MAX_SEED = 4_294_967_295;

/** How a variant is written in the address: part anchor, dash, seed ("2a-1234"). */
export function variantParam(anchor: string, seed: number): string {
  return `${anchor}-${seed}`;
}

/** "2a-1234" → { anchor: "2a", seed: 1234 }; null for anything else. */
export function parseVariantParam(text: string): { anchor: string; seed: number } | null {
  // Anchored, with one dash between two runs: a failed match backtracks at most once over the text.
  const match = /^([a-z0-9]+)-(\d{1,10})$/.exec(text);
  const seed = Number(match?.[2]);
  return match?.[1] !== undefined && seed <= MAX_SEED ? { anchor: match[1], seed } : null;
}

export const SHAPE_FORMAT = 'Write the shape as height × width × channels, e.g. 8 x 8 x 16.';

/** The answer as the working states it: "59", "15 × 15 × 15". */
export function formatVariantAnswer(answer: VariantAnswer): string {
  return answer.kind === 'number'
    ? formatExact(answer.value)
    : times(answer.volume.h, answer.volume.w, answer.volume.c);
}

export type VariantCheck = { ok: true; correct: boolean } | { ok: false; message: string };

/** Grades what the student typed: exact, since every answer is a whole count or shape. */
export function checkVariantAnswer(answer: VariantAnswer, text: string): VariantCheck {
  if (answer.kind === 'number') {
    const parsed = parseAnswerNumber(text);
    return parsed.ok ? { ok: true, correct: parsed.value === answer.value } : parsed;
  }
  if (text.trim() === '') return { ok: false, message: `Type your answer first. ${SHAPE_FORMAT}` };
  // The calculator's own reader: "15x15x15", "15 × 15 × 15", "(15, 15, 15)"; its messages name the bad dimension.
  const parsed = parseVolume(text);
  if (!parsed.ok) return parsed;
  const { h, w, c } = parsed.volume;
  const { volume } = answer;
  return { ok: true, correct: h === volume.h && w === volume.w && c === volume.c };
}
