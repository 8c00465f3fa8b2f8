/**
 * Monte Carlo of signal variance through a deep fully connected network: Gaussian
 * weights with Var(W) = c / n, no biases, the same activation in every layer, Gaussian
 * unit-variance inputs. Forward: record Var(z) and Var(a) per layer. Backward: start from a
 * unit-variance gradient at the top and record Var(∂L/∂a) per layer.
 *
 * The run is split into steps of one layer each, so the page can compute heavy settings in
 * slices between frames and abandon a run when the settings change.
 */
import { activation as activate, activationDerivative, type ActivationName } from '../../maths/activations';
import { mulberry32, normalGenerator } from '../../maths/random';
import { memoizeRecent } from '../../maths/memo';
import { meanAndVariance } from '../../maths/statistics';
import { parseFields, type NumberRule, type Validated } from '../../ui/number-field';
import { propChecker } from '../../ui/tool-props';

export type Activation = ActivationName;

export const ACTIVATIONS: ReadonlyArray<{ id: Activation; label: string }> = [
  { id: 'tanh', label: 'tanh' },
  { id: 'sigmoid', label: 'sigmoid σ' },
  { id: 'relu', label: 'ReLU' },
  { id: 'linear', label: 'linear (identity)' },
];

export interface VarianceSettings {
  activation: Activation;
  /** Weight variance is c / n (n = width = fan-in). */
  c: number;
  width: number;
  depth: number;
  batch: number;
  seed: number;
}

export const DEFAULT_VARIANCE_SETTINGS: VarianceSettings = {
  activation: 'tanh',
  c: 1,
  width: 128,
  depth: 20,
  batch: 16,
  seed: 1,
};

export type VarianceField = 'c' | 'width' | 'depth' | 'batch' | 'seed';

/**
 * The number fields, in form order: label (as shown on the form and in messages), limits and kind.
 * The limits keep the heaviest run to seconds and its memory (one layer of derivatives per layer)
 * to tens of MB, and each slice (one layer, width² × batch) well under the 100 ms an interaction
 * may block the page (scripts/bench-interactions.mjs).
 */
export const VARIANCE_RULES: Record<VarianceField, NumberRule> = {
  c: { label: 'Custom c', min: 0.01, max: 64, integer: false },
  width: { label: 'Width n', min: 2, max: 256, integer: true },
  depth: { label: 'Depth L', min: 1, max: 100, integer: true },
  batch: { label: 'Batch size', min: 1, max: 64, integer: true },
  seed: { label: 'Seed', min: 0, max: 4294967295, integer: true },
};

export type RawVarianceSettings = { activation: Activation } & Record<VarianceField, string>;

/** Parses the form's text fields; every bad field is named, in form order. */
export function parseVarianceSettings(raw: RawVarianceSettings): Validated<VarianceSettings, VarianceField> {
  const parsed = parseFields(raw, VARIANCE_RULES);
  return parsed.ok ? { ok: true, value: { activation: raw.activation, ...parsed.value } } : parsed;
}

/** A one-click weight variance Var(W) = c/n, e.g. { label: "Xavier: 1/n", c: 1 }. */
export interface VariancePreset {
  label: string;
  c: number;
}

/** What happens to the variance going deeper, forward (activations) or backward (gradients). */
export type VarianceTrend = 'exploding' | 'vanishing' | 'neither';

export const VARIANCE_TRENDS: readonly VarianceTrend[] = ['exploding', 'vanishing', 'neither'];

/** An exam question's setting and its official answer, e.g. 3(e): sigmoid, Var(W) = 1/n, "neither". */
export interface OfficialVarianceAnswer {
  /** The part, as the text cites it, e.g. "3(e)". */
  part: string;
  activation: Activation;
  c: number;
  answer: VarianceTrend;
}

/** What the content passes to the explorer. */
export interface VarianceExplorerProps {
  /** The weight-variance choices offered beside "Custom"; the first is selected at the start. */
  presets?: readonly VariancePreset[];
  /** Where the course derives the linear prediction, e.g. a figure; the text cites it by this name. */
  derivation?: string;
  /** The activation shown first (tanh if not given). */
  activation?: Activation;
  /** An official answer the verdicts are compared with whenever the explorer shows its setting. */
  official?: OfficialVarianceAnswer;
}

export interface VarianceExplorerSetup {
  presets: VariancePreset[];
  derivation: string | undefined;
  /** The settings shown first: the defaults with the given activation and the first preset's c. */
  initial: VarianceSettings;
  official: OfficialVarianceAnswer | undefined;
}

const check = propChecker('VarianceExplorer');

/** Validates the props; a mistake in the content stops the build with a message naming the prop. */
export function varianceExplorerSetup(props: { [K in keyof VarianceExplorerProps]?: unknown }): VarianceExplorerSetup {
  const presets =
    props.presets === undefined
      ? []
      : check.list('presets', props.presets).map((raw, index): VariancePreset => {
          const name = `presets[${index}]`;
          const preset = check.record(name, raw, ['label', 'c']);
          return {
            label: check.string(`${name}.label`, preset['label']),
            c: check.number(`${name}.c`, preset['c'], VARIANCE_RULES.c),
          };
        });
  const derivation = props.derivation === undefined ? undefined : check.string('derivation', props.derivation);
  const activationIds = ACTIVATIONS.map((a) => a.id);
  const activation =
    props.activation === undefined
      ? DEFAULT_VARIANCE_SETTINGS.activation
      : check.choice('activation', props.activation, activationIds);
  let official: OfficialVarianceAnswer | undefined;
  if (props.official !== undefined) {
    const raw = check.record('official', props.official, ['part', 'activation', 'c', 'answer']);
    official = {
      part: check.string('official.part', raw['part']),
      activation: check.choice('official.activation', raw['activation'], activationIds),
      c: check.number('official.c', raw['c'], VARIANCE_RULES.c),
      answer: check.choice('official.answer', raw['answer'], VARIANCE_TRENDS),
    };
  }
  return {
    presets,
    derivation,
    initial: { ...DEFAULT_VARIANCE_SETTINGS, activation, c: presets[0]?.c ?? DEFAULT_VARIANCE_SETTINGS.c },
    official,
  };
}

/** |z| beyond which the activation is saturated (slope below ~0.07 for tanh, ~0.018 for sigmoid). */
const SATURATION: Record<Activation, number> = { tanh: 2, sigmoid: 4, relu: Infinity, linear: Infinity };

export interface LayerStats {
  /** Layer index l: 0 is the input. */
  layer: number;
  /** Var(z^[l]) over all batch × width entries (null for the input layer, which has no z). */
  varZ: number | null;
  varA: number;
  meanA: number;
  /** Share of pre-activations with |z| beyond the saturation threshold. */
  saturated: number | null;
  /** Var(∂L/∂a^[l]); filled in by the backward pass. */
  varGrad: number | null;
}

export interface VarianceResult {
  settings: VarianceSettings;
  layers: LayerStats[];
}

/**
 * Independent, reproducible streams per purpose and layer, so the backward pass can regenerate a
 * layer's weights when keeping all of them (L·n² numbers) would take too much memory.
 */
function streamSeed(seed: number, stream: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b)) >>> 0;
}

const INPUT_STREAM = 0;
const GRADIENT_STREAM = 1;
const weightStream = (layer: number) => layer + 1;

/** Weights of one layer, row-major [out][in], Var = c / n. */
function layerWeights(settings: VarianceSettings, layer: number, into: Float64Array): void {
  const normal = normalGenerator(mulberry32(streamSeed(settings.seed, weightStream(layer))));
  const scale = Math.sqrt(settings.c / settings.width);
  for (let i = 0; i < into.length; i += 1) into[i] = normal() * scale;
}

/** Above this many weights in total (16 MB), the backward pass regenerates weights instead of keeping them. */
const MAX_KEPT_WEIGHTS = 2 ** 21;

/** One run of the simulation, advanced one layer at a time with `step()`. */
export class VarianceRun {
  readonly settings: VarianceSettings;
  readonly totalSteps: number;
  private stepsDone = 0;
  private readonly layers: LayerStats[];
  private readonly weights: Float64Array;
  /** Each layer's weights, kept from the forward pass when small enough (saves regenerating them). */
  private readonly keptWeights: Float64Array[] | null;
  private activations: Float64Array;
  private gradient: Float64Array | null = null;
  /** g'(z) for every layer, kept for the backward pass (float32 halves the memory; ample precision). */
  private readonly slopes: Float32Array[] = [];

  /** `keptWeightsLimit` is only lowered by tests, to exercise regeneration on small runs. */
  constructor(settings: VarianceSettings, keptWeightsLimit = MAX_KEPT_WEIGHTS) {
    this.settings = settings;
    this.totalSteps = 2 * settings.depth;
    const { width, batch } = settings;
    this.weights = new Float64Array(width * width);
    this.keptWeights = settings.depth * width * width <= keptWeightsLimit ? [] : null;
    this.activations = new Float64Array(batch * width);
    const normal = normalGenerator(mulberry32(streamSeed(settings.seed, INPUT_STREAM)));
    for (let i = 0; i < this.activations.length; i += 1) this.activations[i] = normal();
    const input = meanAndVariance(this.activations);
    this.layers = [{ layer: 0, varZ: null, varA: input.variance, meanA: input.mean, saturated: null, varGrad: null }];
  }

  get done(): boolean {
    return this.stepsDone >= this.totalSteps;
  }

  /** Fraction of the work done, 0…1. */
  get progress(): number {
    return this.stepsDone / this.totalSteps;
  }

  /** Advances by one layer (forward first, then backward); returns false when already done. */
  step(): boolean {
    if (this.done) return false;
    const { depth } = this.settings;
    if (this.stepsDone < depth) this.forwardLayer(this.stepsDone + 1);
    else this.backwardLayer(2 * depth - this.stepsDone);
    this.stepsDone += 1;
    return true;
  }

  /** Results so far (complete once `done`). */
  result(): VarianceResult {
    return { settings: this.settings, layers: this.layers.map((l) => ({ ...l })) };
  }

  private forwardLayer(layer: number): void {
    const { width, batch, activation } = this.settings;
    const weights = this.keptWeights ? new Float64Array(width * width) : this.weights;
    layerWeights(this.settings, layer, weights);
    if (this.keptWeights) this.keptWeights[layer] = weights;
    const input = this.activations;
    const z = new Float64Array(batch * width);
    const out = new Float64Array(batch * width);
    const slopes = new Float32Array(batch * width);
    const threshold = SATURATION[activation];
    let saturatedCount = 0;
    for (let b = 0; b < batch; b += 1) {
      const row = b * width;
      for (let i = 0; i < width; i += 1) {
        const weightRow = i * width;
        let sum = 0;
        for (let j = 0; j < width; j += 1) sum += weights[weightRow + j]! * input[row + j]!;
        z[row + i] = sum;
        out[row + i] = activate(activation, sum);
        slopes[row + i] = activationDerivative(activation, sum);
        if (Math.abs(sum) > threshold) saturatedCount += 1;
      }
    }
    const zStats = meanAndVariance(z);
    const aStats = meanAndVariance(out);
    this.layers.push({
      layer,
      varZ: zStats.variance,
      varA: aStats.variance,
      meanA: aStats.mean,
      saturated: Number.isFinite(threshold) ? saturatedCount / z.length : null,
      varGrad: null,
    });
    this.slopes[layer] = slopes;
    this.activations = out;
  }

  /** Turns ∂L/∂a^[layer] into ∂L/∂a^[layer−1] = (∂L/∂a^[layer] ⊙ g'(z^[layer])) W^[layer]. */
  private backwardLayer(layer: number): void {
    const { width, batch } = this.settings;
    if (this.gradient === null) {
      const normal = normalGenerator(mulberry32(streamSeed(this.settings.seed, GRADIENT_STREAM)));
      this.gradient = new Float64Array(batch * width);
      for (let i = 0; i < this.gradient.length; i += 1) this.gradient[i] = normal();
      this.setGradientVariance(layer, this.gradient);
    }
    let weights = this.keptWeights?.[layer];
    if (!weights) {
      weights = this.weights;
      layerWeights(this.settings, layer, weights);
    }
    const slopes = this.slopes[layer];
    if (!slopes) throw new Error(`backward pass reached layer ${layer} before the forward pass`);
    const upstream = this.gradient;
    const downstream = new Float64Array(batch * width);
    for (let b = 0; b < batch; b += 1) {
      const row = b * width;
      for (let i = 0; i < width; i += 1) {
        const dz = upstream[row + i]! * slopes[row + i]!;
        if (dz === 0) continue;
        const weightRow = i * width;
        for (let j = 0; j < width; j += 1) downstream[row + j]! += dz * weights[weightRow + j]!;
      }
    }
    // The derivatives of this layer are no longer needed; free them for long runs.
    this.slopes[layer] = new Float32Array(0);
    this.gradient = downstream;
    this.setGradientVariance(layer - 1, downstream);
  }

  private setGradientVariance(layer: number, gradient: Float64Array): void {
    const stats = this.layers[layer];
    if (stats) stats.varGrad = meanAndVariance(gradient).variance;
  }
}

function simulateVariance(settings: VarianceSettings): VarianceResult {
  const run = new VarianceRun(settings);
  while (run.step());
  return run.result();
}

/**
 * Runs a whole simulation synchronously (tests, server rendering, and light settings). Seeded, so
 * equal settings give equal results: each is simulated once per build (every page showing the same
 * preset) and once per visit.
 */
export const runVarianceSimulation = memoizeRecent(simulateVariance, (settings) =>
  [settings.activation, settings.c, settings.width, settings.depth, settings.batch, settings.seed].join(' '),
);

/** One update of the explorer at its default settings, never from the cache (the site's benchmark times it). */
export function runDefaultVarianceSimulation(): VarianceResult {
  return simulateVariance(DEFAULT_VARIANCE_SETTINGS);
}
